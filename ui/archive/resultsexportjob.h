#pragma once

#include "ui/archive/archiveresultsmodel.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>

class QThread;

namespace mcdesk::ui {

enum class ExportFormat { Csv, Json };

// What to write: a snapshot of the grid (implicitly shared, so taking it costs nothing and the
// grid may go on growing or be cleared meanwhile), the columns and the rows in order.
struct ExportRequest
{
    QString path;
    ExportFormat format = ExportFormat::Csv;
    ArchiveResultsSnapshot data;
    QList<int> columns; // indexes into data.columns
    QList<int> rows;    // indexes of data rows, in the order shown
};

// Writes an export on a worker thread, so a 100,000-row file never stalls the GUI; progress
// is polled from an atomic counter. CSV goes through CsvWriter (RFC 4180, formula-safe,
// QSaveFile: the file appears only when complete); JSON through JsonExport (also atomic).
class ResultsExportJob : public QObject
{
    Q_OBJECT
public:
    explicit ResultsExportJob(ExportRequest request, QObject *parent = nullptr);
    ~ResultsExportJob() override; // cancels and waits for the worker

    void start();
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_thread != nullptr; }

    const ExportRequest &request() const { return m_request; }
    qint64 total() const { return m_request.rows.size(); }
    bool ok() const { return m_ok; }
    bool wasCancelled() const { return m_cancel; }
    QString errorString() const { return m_error; }

    // The writing itself, on the calling thread (the benchmark times this). `done` counts rows
    // written; setting `cancel` abandons the file.
    static bool write(const ExportRequest &request, std::atomic<qint64> &done,
                      const std::atomic<bool> &cancel, QString *error);

signals:
    void progress(qint64 done, qint64 total);
    void finished();

private:
    void workerFinished();

    ExportRequest m_request;
    QThread *m_thread = nullptr;
    QTimer m_poll;
    std::atomic<qint64> m_done{0};
    std::atomic<bool> m_cancel{false};
    bool m_ok = false;
    QString m_error;
};

} // namespace mcdesk::ui
