#include "ui/senders/blockedpolicypanel.h"

#include "ui/senders/blockedpolicymodel.h"
#include "ui/senders/blockedsenderpolicydialog.h"
#include "ui/shell/session.h"

#include "core/actions/actionrunner.h"
#include "ui/common/dialogs.h"
#include "ui/common/uilogging.h"
#include "ui/common/widgets.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

BlockedPolicyPanel::BlockedPolicyPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new BlockedPolicyModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_create(new QPushButton(tr("New polic&y…"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_refresh(new QPushButton(tr("Re&load"), this))
    , m_stack(new QStackedWidget(this))
    , m_table(widgets::makeTable(u"policyTable"_s, this))
    , m_empty(widgets::stateLabel(
          u"policyEmpty"_s,
          tr("This account has no blocked-sender policies.\nChoose New policy to block a "
             "sender, a domain or a group for everyone it matches."),
          this))
    , m_loadingLabel(widgets::stateLabel(u"policyLoading"_s, tr("Reading the policies…"), this))
    , m_errorLabel(widgets::stateLabel(u"policyError"_s, {}, this))
    , m_offline(widgets::stateLabel(
          u"policyOffline"_s,
          tr("Not connected.\nChoose a connection in the toolbar to see the account's "
             "blocked-sender policies."),
          this))
{
    setObjectName(u"blockedPolicies"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(BlockedPolicyModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_table->setModel(m_proxy);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BlockedPolicyModel::Description, Qt::AscendingOrder);
    m_table->setAccessibleName(tr("Blocked-sender policies"));
    m_errorLabel->setForegroundRole(QPalette::WindowText);
    for (QWidget *w : {static_cast<QWidget *>(m_table), static_cast<QWidget *>(m_empty),
                       static_cast<QWidget *>(m_loadingLabel), static_cast<QWidget *>(m_errorLabel),
                       static_cast<QWidget *>(m_offline)})
        m_stack->addWidget(w);
    m_stack->setObjectName(u"policyState"_s);

    m_filter->setObjectName(u"policyFilter"_s);
    m_filter->setPlaceholderText(tr("Filter policies"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(fontMetrics().averageCharWidth() * 36);
    m_count->setObjectName(u"policyCount"_s);
    m_count->setTextFormat(Qt::PlainText);
    m_create->setObjectName(u"policyCreateButton"_s);
    m_create->setIcon(style()->standardIcon(QStyle::SP_FileDialogNewFolder));
    m_create->setToolTip(tr("Create a blocked-sender policy in Mimecast"));
    m_delete->setObjectName(u"policyDeleteButton"_s);
    m_delete->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    m_delete->setToolTip(tr("Delete the selected policy from Mimecast (Del)"));
    m_refresh->setObjectName(u"policyRefreshButton"_s);
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolTip(tr("Read the policies from Mimecast again"));
    auto *deleteAction = new QAction(tr("Delete policy"), m_table);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(deleteAction);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateState();
    });
    connect(m_create, &QPushButton::clicked, this, &BlockedPolicyPanel::createPolicy);
    connect(m_delete, &QPushButton::clicked, this, &BlockedPolicyPanel::deleteSelected);
    connect(deleteAction, &QAction::triggered, this, &BlockedPolicyPanel::deleteSelected);
    connect(m_refresh, &QPushButton::clicked, this, &BlockedPolicyPanel::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BlockedPolicyPanel::updateButtons);
    connect(m_table, &QTableView::activated, this, [this] { m_table->setFocus(); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &BlockedPolicyPanel::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &BlockedPolicyPanel::updateState);
    connect(session, &Session::clientChanged, this, &BlockedPolicyPanel::reload);

    auto *bar = new QHBoxLayout;
    bar->addWidget(widgets::sectionTitle(tr("Blocked-sender policies"), this));
    bar->addWidget(m_count);
    bar->addStretch(1);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_create);
    bar->addWidget(m_delete);
    bar->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    updateState();
}

void BlockedPolicyPanel::reload()
{
    const common::LatestRequest::Ticket ticket = m_request.next();
    api::ApiClient *client = m_session->client();
    m_loadError.clear();
    if (!client) {
        m_loading = false;
        m_loadedOnce = false; // waiting for a connection is not "loaded"
        m_model->setPolicies({});
        updateState();
        return;
    }
    m_loading = true;
    updateState();
    // Owned by the client, so switching connections drops a read still on its way.
    auto *read = new senders::GetBlockedSenderPolicies(client, client);
    connect(read, &senders::GetBlockedSenderPolicies::finished, this, [this, read, ticket] {
        read->deleteLater();
        if (!m_request.isCurrent(ticket))
            return; // a newer reload is on its way
        m_loading = false;
        m_loadedOnce = true;
        if (read->error().isError()) {
            m_loadError = read->error().describe();
            m_session->reportApiError(tr("The blocked-sender policies could not be read."),
                                      read->error());
        } else {
            m_model->setPolicies(read->policies());
            qCInfo(lcUiSenders) << "blocked-sender policies:" << read->policies().size();
            sizeColumnsOnce();
        }
        updateState();
        emit loaded();
    });
    read->start();
}

void BlockedPolicyPanel::sizeColumnsOnce()
{
    if (m_columnsSized || m_model->rowCount() == 0)
        return;
    m_columnsSized = true; // from now on the analyst's widths (or the saved ones) stay
    // The last column stretches to the edge; sizing it too would make the table scroll.
    const int cap = fontMetrics().averageCharWidth() * 38;
    for (int column = 0; column < BlockedPolicyModel::ColumnCount - 1; ++column) {
        m_table->resizeColumnToContents(column);
        m_table->setColumnWidth(column, qMin(m_table->columnWidth(column) + 4, cap));
    }
    // Room for what a new policy may show, though the account has none of it yet.
    for (auto [column, sample] : {std::pair{BlockedPolicyModel::To, u"External addresses"_s},
                                  std::pair{BlockedPolicyModel::Starts, u"2026-12-31 23:59"_s},
                                  std::pair{BlockedPolicyModel::Ends, u"2026-12-31 23:59"_s}})
        m_table->setColumnWidth(
            column, qMax(m_table->columnWidth(column), widgets::columnWidth(this, sample)));
}

void BlockedPolicyPanel::createPolicy()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new BlockedSenderPolicyDialog(this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &BlockedSenderPolicyDialog::createRequested, this,
            &BlockedPolicyPanel::sendCreate);
    m_dialog->open();
}

void BlockedPolicyPanel::sendCreate(const senders::BlockedSenderPolicy &policy)
{
    if (!m_session->client() || m_writing) {
        m_dialog->showProblem(m_writing ? tr("Another policy change is on its way; try again "
                                             "when it has finished.")
                                        : tr("Not connected: choose a connection in the "
                                             "toolbar, then create the policy."));
        return;
    }
    actions::ActionArgs args;
    args.policy = policy;
    m_dialog->setBusy(true);
    runWrite(
        actions::ActionId::CreateBlockedSenderPolicy, std::move(args),
        tr("Creating blocked-sender policy"), [this](const actions::ActionOutcome &outcome) {
            const bool auditFailed = outcome.error.kind == api::ApiError::Kind::Local;
            if (!outcome.success && !auditFailed) {
                if (m_dialog) {
                    m_dialog->setBusy(false);
                    m_dialog->showProblem(
                        tr("Mimecast did not create the policy: %1").arg(outcome.error.describe()));
                }
                if (outcome.error.outcomeUnknown)
                    reload(); // it may exist after all: show what Mimecast has
                return;
            }
            if (auditFailed)
                m_session->reportError(outcome.message);
            if (!outcome.policies.isEmpty()) {
                const int row = m_model->append(outcome.policies.first());
                m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
            }
            if (m_dialog)
                m_dialog->accept();
            if (outcome.success)
                m_session->showStatus(tr("Created the blocked-sender policy \"%1\".")
                                          .arg(outcome.policies.first().description));
        });
}

void BlockedPolicyPanel::deleteSelected()
{
    const std::optional<senders::BlockedSenderPolicy> policy = selected();
    if (!policy || m_writing)
        return;
    // Policy text comes from the server: plain text only, and only in the main text.
    dialogs::Question question;
    question.title = tr("Delete blocked-sender policy");
    question.text = tr("Delete the blocked-sender policy \"%1\"?\n\nFrom: %2\nTo: %3")
                        .arg(policy->description, BlockedPolicyModel::partyText(policy->from),
                             BlockedPolicyModel::partyText(policy->to));
    question.informativeText =
        tr("Mimecast stops enforcing it at once. The deletion is recorded in the audit log with "
           "the case and alert group from the toolbar.");
    question.acceptLabel = tr("&Delete policy");
    question.destructive = true; // Cancel is the default: Enter must not delete by accident
    question.objectName = u"policyDeleteConfirm"_s;
    if (dialogs::confirm(this, question))
        sendDelete(*policy);
}

void BlockedPolicyPanel::sendDelete(const senders::BlockedSenderPolicy &policy)
{
    if (m_writing)
        return;
    actions::ActionArgs args;
    args.policyId = policy.id;
    runWrite(
        actions::ActionId::DeleteBlockedSenderPolicy, std::move(args),
        tr("Deleting blocked-sender policy"),
        [this, policy](const actions::ActionOutcome &outcome) {
            if (outcome.error.kind == api::ApiError::Kind::Local) {
                m_session->reportError(outcome.message); // deleted, but not audited
                m_model->remove(policy.id);
                return;
            }
            if (!outcome.success) {
                m_session->reportApiError(
                    tr("The blocked-sender policy \"%1\" was not deleted.").arg(policy.description),
                    outcome.error);
                reload(); // already gone, or unknown: show what Mimecast has
                return;
            }
            m_model->remove(policy.id);
            m_session->showStatus(
                tr("Deleted the blocked-sender policy \"%1\".").arg(policy.description));
        });
}

void BlockedPolicyPanel::runWrite(actions::ActionId id, actions::ActionArgs args,
                                  const QString &label,
                                  std::function<void(const actions::ActionOutcome &)> onDone)
{
    // Through the shared actions layer: audited there, before the outcome reaches us, with the
    // toolbar's case of this moment; the Activity page hears of it from Session::actionFinished.
    actions::ActionRunner *runner = m_session->runAction(id, std::move(args), label);
    if (!runner) {
        if (m_dialog)
            m_dialog->setBusy(false);
        return; // the session said why
    }
    m_writing = true;
    updateButtons();
    connect(runner, &actions::ActionRunner::finished, this, [this, runner, onDone] {
        m_writing = false;
        onDone(runner->outcome());
        updateButtons();
    });
}

std::optional<senders::BlockedSenderPolicy> BlockedPolicyPanel::selected() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), {}))
        return std::nullopt;
    return m_model->policy(m_proxy->mapToSource(current).row());
}

void BlockedPolicyPanel::updateState()
{
    QWidget *current = m_table;
    if (!m_session->client() && !m_loading) {
        current = m_offline;
    } else if (m_loading && !m_loadedOnce) {
        current = m_loadingLabel;
    } else if (!m_loadError.isEmpty() && m_model->rowCount() == 0) {
        m_errorLabel->setText(tr("The policies could not be read:\n%1\n\nChoose Reload to try "
                                 "again.")
                                  .arg(m_loadError));
        current = m_errorLabel;
    } else if (m_model->rowCount() == 0) {
        current = m_empty;
    }
    m_stack->setCurrentWidget(current);
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(!m_loadedOnce    ? QString()
                     : shown == total ? tr("(%1)").arg(total)
                                      : tr("(%1 of %2)").arg(shown).arg(total));
    updateButtons();
}

void BlockedPolicyPanel::updateButtons()
{
    const bool connected = m_session->client() != nullptr;
    m_create->setEnabled(connected);
    m_delete->setEnabled(connected && !m_writing && selected().has_value());
    m_refresh->setEnabled(connected && !m_loading);
}

} // namespace mcdesk::ui
