#pragma once

#include "core/actions/actioncontext.h"
#include "core/actions/actionrunner.h"
#include "core/common/latestrequest.h"
#include "core/senders/blockedsenderpolicy.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace mcdesk::api {
class ApiClient;
class SingleCall;
struct ApiError;
} // namespace mcdesk::api

namespace mcdesk::ui {

class BlockedPolicyModel;
class BlockedSenderPolicyDialog;
class Session;

// Mimecast's blocked-sender policies: the table read from get-policy (reread when the
// connection changes), a quick filter, Create through BlockedSenderPolicyDialog and Delete
// after a confirmation that names the policy. Both changes are written to the audit log with
// the Case and Alert group of the moment they were asked for, before success is shown.
class BlockedPolicyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BlockedPolicyPanel(Session *session, QWidget *parent = nullptr);

    void reload();
    bool isLoaded() const { return m_loadedOnce && !m_loading; }
    void createPolicy();
    void deleteSelected();

    // Keeps the column widths as they are (the page restored the analyst's layout).
    void keepColumnWidths() { m_columnsSized = true; }

    BlockedPolicyModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

signals:
    void loaded();

private:
    void sendCreate(const senders::BlockedSenderPolicy &policy);
    void sendDelete(const senders::BlockedSenderPolicy &policy);
    // Runs a policy action through Session::runAction; onDone gets its typed outcome.
    void runWrite(actions::ActionId id, actions::ActionArgs args, const QString &label,
                  std::function<void(const actions::ActionOutcome &)> onDone);
    std::optional<senders::BlockedSenderPolicy> selected() const;
    void updateState();
    void updateButtons();
    void sizeColumnsOnce();

    Session *m_session;
    BlockedPolicyModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    QPushButton *m_create;
    QPushButton *m_delete;
    QPushButton *m_refresh;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QLabel *m_empty;
    QLabel *m_loadingLabel;
    QLabel *m_errorLabel;
    QLabel *m_offline;
    QPointer<BlockedSenderPolicyDialog> m_dialog;
    QString m_loadError;
    common::LatestRequest m_request; // a reload supersedes the read on its way
    bool m_loading = false;
    bool m_loadedOnce = false;
    bool m_writing = false;
    bool m_columnsSized = false;
};

} // namespace mcdesk::ui
