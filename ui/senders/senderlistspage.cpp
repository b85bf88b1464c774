#include "ui/senders/senderlistspage.h"

#include "ui/common/widgets.h"
#include "ui/senders/blockedpolicypanel.h"
#include "ui/senders/senderform.h"
#include "ui/senders/senderhistorymodel.h"
#include "ui/senders/senderimportpanel.h"
#include "ui/shell/session.h"
#include "ui/threats/managedurlspanel.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
using Action = senders::ManagedSender::Action;

} // namespace

SenderListsPage::SenderListsPage(Session *session, QWidget *parent)
    : Page(session, u"page_senders"_s, parent)
    , m_form(new SenderForm(this))
    , m_import(new SenderImportPanel(session, this))
    , m_policies(new BlockedPolicyPanel(session, this))
    , m_history(new SenderHistoryModel(this))
    , m_historyProxy(new QSortFilterProxyModel(this))
    , m_historyTable(widgets::makeTable(u"senderHistory"_s, this))
    , m_historyStack(new QStackedWidget(this))
    , m_historyEmpty(widgets::stateLabel(u"senderHistoryEmpty"_s, {}, this))
    , m_historyCount(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_tabs(new QTabWidget(this))
    , m_urls(new ManagedUrlsPanel(session, this))
{
    m_tabs->setObjectName(u"senderTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildManagedTab(), tr("&Managed senders"));
    m_tabs->addTab(m_policies, tr("Blocked-sender polic&ies"));
    m_tabs->addTab(m_urls, tr("Managed &URLs"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);

    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_urls && !m_urls->isLoaded())
            m_urls->reload();
    });
    connect(m_form, &SenderForm::requested, this, &SenderListsPage::runSingle);
    connect(m_policies, &BlockedPolicyPanel::loaded, this, &Page::loaded);
    // Each permit or block the trail writes, from any page or step, adds its rows at the top.
    connect(session->auditTrail(), &audit::AuditTrail::appended, this,
            [this](const audit::AuditEntry &entry) {
                if (!m_historyLoaded)
                    return; // the first read, still on its way, will hold it
                m_history->prependEntry(entry);
                updateHistoryState();
            });
    reload();
}

QWidget *SenderListsPage::buildManagedTab()
{
    auto *tab = new QWidget(this);

    auto *formBox = new QGroupBox(tr("Permit or block one sender"), tab);
    auto *formLayout = new QVBoxLayout(formBox);
    auto *about = new QLabel(tr("Permit lets the sender's mail to the recipient bypass spam "
                                "checks; block rejects it. Addresses are checked as you type."),
                             formBox);
    about->setTextFormat(Qt::PlainText);
    about->setWordWrap(true);
    about->setForegroundRole(QPalette::PlaceholderText);
    formLayout->addWidget(about);
    formLayout->addWidget(m_form);

    m_historyProxy->setSourceModel(m_history);
    m_historyProxy->setSortRole(SenderHistoryModel::SortRole);
    m_historyTable->setModel(m_historyProxy);
    m_historyTable->setSortingEnabled(true);
    m_historyTable->sortByColumn(SenderHistoryModel::Time, Qt::DescendingOrder);
    m_historyTable->setTextElideMode(Qt::ElideMiddle); // ids are long; both ends matter
    m_historyTable->setAccessibleName(tr("Entries this app created"));
    QHeaderView *header = m_historyTable->horizontalHeader();
    const auto width = [this](const QString &sample) {
        return widgets::columnWidth(this, sample);
    };
    header->resizeSection(SenderHistoryModel::Time, width(u"2026-12-31 23:59:59"_s));
    header->resizeSection(SenderHistoryModel::Sender, width(u"billing@invoices-example.net"_s));
    header->resizeSection(SenderHistoryModel::Recipient, width(u"ap@yourcompany.example"_s));
    header->resizeSection(SenderHistoryModel::Action, width(u"permit"_s));
    header->resizeSection(SenderHistoryModel::MimecastId, width(u"eNpmanaged-sender-0000000000"_s));
    header->resizeSection(SenderHistoryModel::Outcome, width(u"Unknown"_s) + 20);
    m_historyStack->setObjectName(u"senderHistoryState"_s);
    m_historyStack->addWidget(m_historyTable);
    m_historyStack->addWidget(m_historyEmpty);

    auto *history = new QWidget(m_splitter);
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    auto *historyBar = new QHBoxLayout;
    historyBar->addWidget(widgets::sectionTitle(tr("Entries this app created"), history));
    m_historyCount->setObjectName(u"senderHistoryCount"_s);
    m_historyCount->setTextFormat(Qt::PlainText);
    historyBar->addWidget(m_historyCount);
    auto *source = new QLabel(tr("From the audit log: Mimecast has no endpoint that lists "
                                 "managed senders."),
                              history);
    source->setTextFormat(Qt::PlainText);
    source->setWordWrap(true);
    source->setForegroundRole(QPalette::PlaceholderText);
    historyBar->addStretch(1);
    historyBar->addWidget(source);
    historyLayout->addLayout(historyBar);
    historyLayout->addWidget(m_historyStack, 1);

    m_splitter->setObjectName(u"senderSplitter"_s);
    m_splitter->addWidget(m_import);
    m_splitter->addWidget(history);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(formBox);
    layout->addWidget(m_splitter, 1);
    return tab;
}

QString SenderListsPage::title() const
{
    return tr("Sender & URL lists");
}

void SenderListsPage::reload()
{
    m_policies->reload();
    reloadHistory();
    if (m_urls->isLoaded() || m_tabs->currentWidget() == m_urls)
        m_urls->reload();
}

bool SenderListsPage::isLoaded() const
{
    return m_policies->isLoaded();
}

void SenderListsPage::showManagedUrls()
{
    m_tabs->setCurrentWidget(m_urls);
    if (!m_urls->isLoaded())
        m_urls->reload();
}

void SenderListsPage::prefillBlock(const QString &sender, const QString &recipient)
{
    m_tabs->setCurrentIndex(0);
    m_form->prefill(sender, recipient);
}

void SenderListsPage::runSingle(Action action)
{
    if (m_running)
        return;
    const QString sender = m_form->sender();
    const QString recipient = m_form->recipient();
    const bool permit = action == Action::Permit;
    actions::ActionArgs args;
    args.sender = sender;
    args.recipient = recipient;
    actions::ActionRunner *runner = session()->runAction(
        permit ? actions::ActionId::PermitSender : actions::ActionId::BlockSender, args,
        permit ? tr("Permitting %1").arg(sender) : tr("Blocking %1").arg(sender));
    if (!runner) {
        m_form->showResult(palette::Status::Bad, tr("Not sent: there is no working connection."));
        return;
    }
    m_running = true;
    m_form->setBusy(true, action);
    m_form->showResult(palette::Status::Neutral, {});
    connect(
        runner, &actions::ActionRunner::finished, this, [this, runner, sender, recipient, permit] {
            m_running = false;
            m_form->setBusy(false);
            const actions::ActionOutcome &outcome = runner->outcome();
            const api::ItemOutcome item =
                outcome.items.isEmpty() ? api::ItemOutcome{} : outcome.items.first();
            const QString what = permit ? tr("permit") : tr("block");
            using Status = api::ItemOutcome::Status;
            if (outcome.success) {
                m_form->showResult(palette::Status::Good,
                                   (permit ? tr("Permitted %1 for %2.") : tr("Blocked %1 for %2."))
                                           .arg(sender, recipient) +
                                       u' ' +
                                       tr("Mimecast id %1 (%2).")
                                           .arg(item.detail.value(u"id"_s).toString(),
                                                item.detail.value(u"type"_s).toString()));
                session()->showStatus((permit ? tr("Permitted %1 for %2 (audited).")
                                              : tr("Blocked %1 for %2 (audited)."))
                                          .arg(sender, recipient));
            } else if (!outcome.items.isEmpty() && item.status == Status::Failed) {
                m_form->showResult(palette::Status::Bad,
                                   tr("Mimecast did not %1 %2 for %3: %4 [%5]")
                                       .arg(what, sender, recipient, item.message, item.code));
            } else if (!outcome.items.isEmpty() && item.status == Status::Unknown) {
                m_form->showResult(palette::Status::Warning,
                                   tr("The outcome for %1 is unknown: %2 Check the entry in the "
                                      "Mimecast console before trying again.")
                                       .arg(sender, item.message));
            } else {
                // Nothing was sent, or the audit log could not be written.
                m_form->showResult(palette::Status::Bad, outcome.message);
                session()->reportError(outcome.message);
            }
        });
}

void SenderListsPage::reloadHistory()
{
    // Off the GUI thread and in order with the trail's writes (see ActivityPage::reload).
    session()->auditTrail()->read(this, [this](QList<audit::AuditEntry> entries,
                                               const QString &error) {
        m_historyLoaded = true;
        m_history->setAuditEntries(entries);
        m_historyEmpty->setText(
            error.isEmpty()
                ? tr("No entries yet.\nSenders you permit or block here, from the held queue or "
                     "with mcdesk-cli are listed with the id Mimecast gave them.")
                : tr("The audit log could not be read:\n%1").arg(error));
        updateHistoryState();
        emit historyLoaded();
    });
}

void SenderListsPage::updateHistoryState()
{
    const int rows = m_history->rowCount();
    m_historyStack->setCurrentWidget(rows > 0 ? static_cast<QWidget *>(m_historyTable)
                                              : static_cast<QWidget *>(m_historyEmpty));
    m_historyCount->setText(rows > 0 ? tr("(%1)").arg(rows) : QString());
}

void SenderListsPage::saveLayout(QSettings &settings) const
{
    settings.setValue(u"tab"_s, m_tabs->currentIndex());
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.setValue(u"historyHeader"_s, m_historyTable->horizontalHeader()->saveState());
    settings.setValue(u"policyHeader"_s, m_policies->table()->horizontalHeader()->saveState());
    settings.setValue(u"urlHeader"_s, m_urls->table()->horizontalHeader()->saveState());
}

void SenderListsPage::restoreLayout(QSettings &settings)
{
    m_tabs->setCurrentIndex(settings.value(u"tab"_s, 0).toInt());
    m_splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    m_historyTable->horizontalHeader()->restoreState(
        settings.value(u"historyHeader"_s).toByteArray());
    if (m_policies->table()->horizontalHeader()->restoreState(
            settings.value(u"policyHeader"_s).toByteArray()))
        m_policies->keepColumnWidths();
    m_urls->table()->horizontalHeader()->restoreState(settings.value(u"urlHeader"_s).toByteArray());
}

} // namespace mcdesk::ui
