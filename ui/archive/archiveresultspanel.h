#pragma once

#include "ui/archive/resultsexportjob.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace mcdesk::archive {
class ArchiveSearch;
}

namespace mcdesk::ui {

class ArchiveDetailPane;
class ArchiveExportController;
class ArchiveResultsFilter;
class ArchiveResultsModel;
class ResultsTableActions;
class Session;

// The results of an archive search: rows stream in page by page (Stop halts the paging), a
// summary line with the count, pages and the server's query time, sort and quick filter, the
// selected message's details below, copy and a context menu, and export to CSV and JSON.
class ArchiveResultsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ArchiveResultsPanel(Session *session, QWidget *parent = nullptr);
    ~ArchiveResultsPanel() override;

    // Sends `xml` exactly as given, paging up to `limit` results. `fields` are the columns (the
    // query's return fields); empty: read from the XML. False (and nothing sent) when there is
    // no connection.
    bool run(const QString &xml, int limit, const QString &title, const QStringList &fields = {});
    void stop();
    bool isRunning() const;
    QString lastXml() const { return m_xml; }

    ArchiveResultsModel *model() const { return m_model; }
    ArchiveResultsFilter *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    ArchiveDetailPane *detailPane() const { return m_detail; }
    ArchiveExportController *exporter() const { return m_export; }
    ResultsTableActions *tableActions() const { return m_actions; }

    void saveLayout(QSettings &settings) const;
    void restoreLayout(QSettings &settings);

signals:
    void searchStarted();
    void searchFinished();
    void blockSenderRequested(const QString &sender, const QString &recipient);
    void showHeldFromSenderRequested(const QString &address);
    // Find every copy: the Message-ID when the detail pane has it, else sender and subject.
    void findEveryCopyRequested(const QString &messageId, const QString &sender,
                                const QString &subject);
    void searchSenderRequested(const QString &address);

private:
    void pageArrived(const QJsonArray &emails);
    void finished();
    void abandon(const QString &why);
    void updateSummary();
    void updateState();
    void currentRowChanged();
    void applyColumnWidths();

    Session *m_session;
    ArchiveResultsModel *m_model;
    ArchiveResultsFilter *m_filter;
    QLabel *m_title;
    QLabel *m_summary;
    QLineEdit *m_filterEdit;
    QPushButton *m_stop;
    QPushButton *m_exportCsv;
    QPushButton *m_exportJson;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QTableView *m_table;
    ArchiveDetailPane *m_detail;
    QSplitter *m_splitter;
    ResultsTableActions *m_actions;
    ArchiveExportController *m_export;
    QTimer m_filterDelay;
    QPointer<archive::ArchiveSearch> m_search;
    int m_task = 0;
    QString m_xml;
    int m_limit = 0;
    int m_pages = 0;
    qint64 m_queryMs = 0;
    QString m_outcome; // how the last search ended, for the summary
    QElapsedTimer m_clock;
    QHash<QString, int> m_widths; // per field, kept across searches and sessions
};

} // namespace mcdesk::ui
