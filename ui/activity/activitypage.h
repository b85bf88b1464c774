#pragma once

#include "ui/common/page.h"

class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace mcdesk::ui {

class ActivityFilterBar;
class AuditFilterModel;
class AuditModel;

// What this app did: the audit log (every state-changing action with its case, alert group and
// per-item outcome) filtered by case, action and date and exportable to CSV; and the network
// log of this session (method, path, status, duration, request id — never a header value).
// The audit log is read on a worker thread and reread whenever an action finishes.
class ActivityPage : public Page
{
    Q_OBJECT
public:
    explicit ActivityPage(Session *session, QWidget *parent = nullptr);

    QString title() const override;
    void reload() override;
    bool isLoaded() const override { return m_loadedOnce && !m_loading; }
    void saveLayout(QSettings &settings) const override;
    void restoreLayout(QSettings &settings) override;

    // Writes the rows shown (filtered and sorted) to `path`; reports problems in the message bar.
    bool exportTo(const QString &path);

    AuditModel *auditModel() const { return m_model; }
    AuditFilterModel *filterModel() const { return m_filter; }

private:
    void applyFilter();
    void updateState();
    void exportRequested();

    AuditModel *m_model;
    AuditFilterModel *m_filter;
    ActivityFilterBar *m_filterBar;
    QStackedWidget *m_auditStack;
    QTableView *m_auditTable;
    QLabel *m_emptyLabel;
    QLabel *m_loadingLabel;
    QLabel *m_errorLabel;
    QTableView *m_networkTable;
    QSplitter *m_splitter;
    QString m_loadError;
    bool m_loading = false;
    bool m_loadedOnce = false;
};

} // namespace mcdesk::ui
