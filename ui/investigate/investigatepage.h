#pragma once

#include "core/common/latestrequest.h"
#include "core/respond/trackedmessage.h"
#include "core/respond/trackingquery.h"
#include "ui/common/page.h"

#include <QHash>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace mcdesk::ui {

class IncidentsView;
class MessageInfoPane;
class RemoveController;
class ThreatLogsView;
class TrackedModel;
class TrackingForm;

// Incident response: who else received a message and was it delivered (Message Finder), the
// detail of each copy (get-message-info), removing it from every mailbox (Threat Remediation)
// and following the incident until it settles; the Incidents tab lists every remediation.
class InvestigatePage : public Page
{
    Q_OBJECT
public:
    explicit InvestigatePage(Session *session, QWidget *parent = nullptr);

    QString title() const override;
    void reload() override;
    bool isLoaded() const override { return !m_searching; }
    QMenu *menu() const override { return m_menu; }
    void saveLayout(QSettings &settings) const override;
    void restoreLayout(QSettings &settings) override;

    // Find every copy: the Messages tab, prefilled with the Message-ID (or, when there is none,
    // the sender and subject), searched at once.
    void findEveryCopy(const QString &messageId, const QString &sender, const QString &subject);
    void search();
    // Writes the rows shown (filtered and sorted) to `path`; problems go to the message bar.
    bool exportTo(const QString &path);

    TrackingForm *form() const { return m_form; }
    TrackedModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    MessageInfoPane *detail() const { return m_detail; }
    IncidentsView *incidents() const { return m_incidents; }
    ThreatLogsView *threatLogs() const { return m_threatLogs; }
    // Who clicked this?: the Threat logs tab, the click log filtered to the URL and/or the
    // Message-ID, searched at once.
    void showWhoClicked(const QString &url, const QString &messageId);
    void openDecodeUrl();
    RemoveController *remover() const { return m_remove; }

signals:
    void searchFinished();

private:
    QWidget *buildMessagesTab();
    void createActions();
    void updateActions();
    void showCurrentDetail();
    void fetchDetail();
    QList<int> selectedSourceRows() const;
    void findCopyOfCurrent();
    QString currentMessageId() const;
    void removeSelected();
    void collectMessageIds();
    void exportRequested();

    TrackingForm *m_form;
    QSpinBox *m_limit;
    TrackedModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_count;
    QPushButton *m_more;
    QPushButton *m_removeButton;
    MessageInfoPane *m_detail;
    IncidentsView *m_incidents;
    ThreatLogsView *m_threatLogs;
    QTabWidget *m_tabs;
    QSplitter *m_columns;
    QSplitter *m_rows;
    RemoveController *m_remove;
    QTimer *m_detailTimer;
    QMenu *m_menu;
    QAction *m_findCopy;
    QAction *m_removeSelected;
    QAction *m_removeUrl;
    QAction *m_whoClicked;
    QAction *m_decodeUrl;
    QAction *m_export;
    QAction *m_focusFilter;
    QHash<QString, respond::MessageInfo> m_infos; // by tracking id
    common::LatestRequest m_searchRequest;
    common::LatestRequest m_detailRequest;
    respond::TrackingQuery m_lastQuery; // what the results answer
    // Removing a selection found by sender or subject: the Message-IDs still to be read.
    QStringList m_collecting;
    QList<int> m_collectRows;
    bool m_searching = false;
};

} // namespace mcdesk::ui
