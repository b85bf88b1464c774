#pragma once

#include "ui/archive/resultsexportjob.h"

#include <QObject>
#include <QPointer>

class QTableView;
class QWidget;

namespace mcdesk::ui {

class ArchiveResultsFilter;
class ArchiveResultsModel;
class Session;

// Export of the results grid: asks which columns and rows (ExportOptionsDialog) and where,
// then writes on a worker thread with progress and Cancel in the status bar (a Session task).
class ArchiveExportController : public QObject
{
    Q_OBJECT
public:
    ArchiveExportController(Session *session, ArchiveResultsFilter *filter, QTableView *table,
                            QObject *parent = nullptr);

    // Options dialog, then file dialog, then export.
    void exportInteractive(ExportFormat format);
    // Writes `fields` (empty: every column, in grid order) of the rows shown, or of the selected
    // ones, to `path`. Returns false when it could not start (nothing to export, or an export
    // is already running); the outcome comes with exportFinished().
    bool exportTo(const QString &path, ExportFormat format, const QStringList &fields = {},
                  bool selectionOnly = false);
    bool isRunning() const { return m_job != nullptr; }

signals:
    void runningChanged(bool running);
    void exportFinished(bool ok, const QString &path);

private:
    void jobFinished();
    QList<int> selectedRows() const;

    Session *m_session;
    ArchiveResultsFilter *m_filter;
    ArchiveResultsModel *m_model;
    QTableView *m_table;
    QPointer<ResultsExportJob> m_job;
    int m_task = 0;
};

} // namespace mcdesk::ui
