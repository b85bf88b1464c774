#pragma once

#include "core/common/latestrequest.h"
#include "core/threats/threatlogs.h"

#include <QWidget>

class QAction;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace mcdesk::ui {

class AttachmentLogModel;
class ClickLogModel;
class ImpersonationLogModel;
class ManagedUrlWriter;
class Session;
class ThreatLogModel;

// The Targeted Threat Protection logs (Investigate → Threat logs): who clicked which link,
// which attachments were sandboxed, which messages hit an impersonation policy. Mimecast filters
// by time, route and verdict; the URL and Message-ID filters are applied to the rows read
// (threats::ThreatLogQuery). From a click: Block this URL, Find every copy.
class ThreatLogsView : public QWidget
{
    Q_OBJECT
public:
    explicit ThreatLogsView(Session *session, QWidget *parent = nullptr);

    // Who clicked this? The click log of the last week filtered to the URL (substring) and/or
    // the internet Message-ID, searched at once.
    void showClicks(const QString &url, const QString &messageId);
    void search();
    bool exportTo(const QString &path);
    void exportRequested();
    bool isSearching() const { return m_searching; }

    threats::ThreatLog currentLog() const;
    void setLog(threats::ThreatLog log);
    ThreatLogModel *model() const; // the current log's
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    ManagedUrlWriter *urlWriter() const { return m_writer; }
    QList<QAction *> menuActions() const;

signals:
    void searchFinished();
    void findEveryCopyRequested(const QString &messageId, const QString &sender,
                                const QString &subject);

private:
    void logChanged();
    void updateActions();
    void blockCurrentUrl();
    void findCopyOfCurrent();
    void clicksOnCurrentUrl();
    QModelIndex currentSource() const;
    static QString inFormWords(const QString &problem);

    Session *m_session;
    QComboBox *m_log;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QComboBox *m_route;
    QComboBox *m_result;
    QLineEdit *m_url;
    QLineEdit *m_messageId;
    QSpinBox *m_limit;
    QPushButton *m_search;
    QLabel *m_error;
    QLineEdit *m_filter;
    QLabel *m_count;
    QPushButton *m_blockButton;
    ClickLogModel *m_clicks;
    AttachmentLogModel *m_attachments;
    ImpersonationLogModel *m_impersonations;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    ManagedUrlWriter *m_writer;
    QAction *m_block;
    QAction *m_sameUrl;
    QAction *m_findCopy;
    QAction *m_export;
    common::LatestRequest m_request;
    bool m_searching = false;
};

} // namespace mcdesk::ui
