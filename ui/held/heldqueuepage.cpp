#include "ui/held/heldqueuepage.h"

#include "core/held/heldformat.h"
#include "ui/common/dialogs.h"
#include "ui/common/uilogging.h"
#include "ui/held/heldactions.h"
#include "ui/held/helddetailspane.h"
#include "ui/held/heldexport.h"
#include "ui/held/heldfilterbar.h"
#include "ui/held/heldfiltermodel.h"
#include "ui/held/heldmessagemodel.h"
#include "ui/held/heldqueueloader.h"
#include "ui/held/heldsummarychart.h"
#include "ui/held/heldtableview.h"
#include "ui/held/outcomedialog.h"
#include "ui/held/releaselogpane.h"
#include "ui/held/triagemarks.h"
#include "ui/shell/session.h"

#include "core/held/heldoperations.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

HeldQueuePage::HeldQueuePage(Session *session, QWidget *parent)
    : Page(session, u"page_held"_s, parent)
    , m_model(new HeldMessageModel(this))
    , m_proxy(new HeldFilterModel(this))
    , m_filterBar(new HeldFilterBar(this))
    , m_table(new HeldTableView(this))
    , m_state(new QStackedWidget(this))
    , m_stateLabel(new QLabel(this))
    , m_marksSummary(new QLabel(this))
    , m_details(new HeldDetailsPane(session, this))
    , m_chart(new HeldSummaryChart(this))
    , m_releaseLog(new ReleaseLogPane(session, this))
    , m_tabs(new QTabWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_queueSplitter(new QSplitter(Qt::Vertical, this))
    , m_actions(new HeldActions(m_table, this))
    , m_menu(m_actions->contextMenu(this))
    , m_controller(new HeldActionController(session, this))
    , m_loader(new HeldQueueLoader(session, m_model, this))
{
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->applyDefaultColumns();

    m_stateLabel->setObjectName(u"heldState"_s);
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setWordWrap(true);
    m_stateLabel->setAlignment(Qt::AlignCenter);
    m_stateLabel->setForegroundRole(QPalette::PlaceholderText);
    m_state->setObjectName(u"heldQueueState"_s);
    m_state->addWidget(m_table);
    m_state->addWidget(m_stateLabel);

    m_menu->setTitle(tr("&Messages"));
    m_menu->setObjectName(u"heldMenu"_s);
    m_marksSummary->setObjectName(u"heldMarksSummary"_s);
    m_marksSummary->setTextFormat(Qt::PlainText);
    m_marksSummary->setContentsMargins(6, 0, 6, 0);
    QToolBar *toolBar = m_actions->makeToolBar(this, m_marksSummary);

    // The table gets the full width; below it the current message and the held summary.
    m_splitter->setObjectName(u"heldSplitter"_s);
    m_splitter->addWidget(m_details);
    m_splitter->addWidget(m_chart);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({800, 480});
    m_splitter->setChildrenCollapsible(false);
    m_queueSplitter->setObjectName(u"heldQueueSplitter"_s);
    m_queueSplitter->addWidget(m_state);
    m_queueSplitter->addWidget(m_splitter);
    m_queueSplitter->setStretchFactor(0, 3);
    m_queueSplitter->setStretchFactor(1, 2);
    m_queueSplitter->setSizes({600, 320});
    m_queueSplitter->setChildrenCollapsible(false);

    auto *queueTab = new QWidget(this);
    auto *queueLayout = new QVBoxLayout(queueTab);
    queueLayout->setContentsMargins(6, 4, 6, 6);
    queueLayout->addWidget(toolBar);
    queueLayout->addWidget(m_filterBar);
    queueLayout->addWidget(m_queueSplitter, 1);
    m_tabs->setObjectName(u"heldTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(queueTab, tr("Queue"));
    m_tabs->addTab(m_releaseLog, tr("Release log"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    // Tab goes the way the eye does: the filters, the queue, then the current message.
    setTabOrder(m_filterBar, m_table);
    setTabOrder(m_table, m_details);

    connectActions();
    updateState();
    updateMarks();
}

void HeldQueuePage::connectActions()
{
    connect(m_filterBar, &HeldFilterBar::searchRequested, this, &HeldQueuePage::runQuery);
    connect(m_filterBar, &HeldFilterBar::quickFilterChanged, m_proxy,
            &HeldFilterModel::setQuickFilter);
    connect(m_filterBar, &HeldFilterBar::policyCleared, this, [this] { filterByPolicy({}); });
    connect(m_filterBar, &HeldFilterBar::autoRefreshDue, this, [this] {
        if (!m_loader->isLoading() && !m_controller->isBusy())
            reload();
    });
    connect(m_chart, &HeldSummaryChart::policyClicked, this, &HeldQueuePage::filterByPolicy);
    connect(m_proxy, &HeldFilterModel::filtersChanged, this, &HeldQueuePage::updateState);
    connect(m_loader, &HeldQueueLoader::pageLoaded, m_table, &HeldTableView::restoreSelection);
    connect(m_loader, &HeldQueueLoader::finished, this, [this] {
        m_table->forgetSelection();
        if (const int dropped = m_model->dropMarksNotLoaded())
            session()->showStatus(
                heldformat::plural(dropped,
                                   tr("1 mark dropped: its message is no longer in the queue as "
                                      "searched."),
                                   tr("%1 marks dropped: their messages are no longer in the "
                                      "queue as searched.")));
        // Like a mail client: something is current, so the details show and the keyboard works.
        if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_table->selectRow(0);
        else if (!m_table->selectionModel()->hasSelection() && m_table->currentIndex().isValid())
            selectRow(m_table->currentIndex().row());
        updateState();
        if (isLoaded())
            emit loaded();
    });
    // The queue, the chart and the current message's detail arrive in any order; the page is
    // complete when the last of them is.
    const auto emitIfLoaded = [this] {
        if (isLoaded())
            emit loaded();
    };
    connect(m_chart, &HeldSummaryChart::loaded, this, emitIfLoaded);
    connect(m_details, &HeldDetailsPane::detailSettled, this, emitIfLoaded);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &HeldQueuePage::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &HeldQueuePage::updateState);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HeldQueuePage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HeldQueuePage::currentChanged);
    connect(m_table, &QTableView::customContextMenuRequested, this,
            &HeldQueuePage::showContextMenu);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_releaseLog)
            m_releaseLog->ensureLoaded();
    });
    connect(m_controller, &HeldActionController::messagesDone, this, &HeldQueuePage::messagesDone);
    connect(m_controller, &HeldActionController::runFinished, this, &HeldQueuePage::runFinished);
    connect(m_model, &HeldMessageModel::marksChanged, this, &HeldQueuePage::updateMarks);
    connect(m_controller, &HeldActionController::busyChanged, this, &HeldQueuePage::updateActions);
    connect(m_controller, &HeldActionController::jobFinished, this, [this] {
        loadSummary(); // the counts changed
        if (m_releaseLog->hasLoaded())
            m_releaseLog->reload();
    });
    connect(session(), &Session::clientChanged, this, [this] {
        m_stale = true;
        if (isVisible())
            reload();
        else
            updateState();
    });

    using A = HeldActions;
    const auto on = [this](A::Id id, auto slot) {
        connect(m_actions->get(id), &QAction::triggered, this, slot);
    };
    on(A::Release, [this] { runAction(HeldAction::Release); });
    on(A::ReleaseSandbox, [this] { runAction(HeldAction::ReleaseToSandbox); });
    on(A::Reject, [this] { runAction(HeldAction::Reject); });
    on(A::ReleasePermit, [this] { runAction(HeldAction::ReleaseAndPermit); });
    on(A::RejectBlock, [this] { runAction(HeldAction::RejectAndBlock); });
    on(A::ReportSpam, [this] { runAction(HeldAction::Report, u"spam"_s); });
    on(A::ReportPhishing, [this] { runAction(HeldAction::Report, u"phishing"_s); });
    on(A::ReportMalware, [this] { runAction(HeldAction::Report, u"malware"_s); });
    on(A::CopyId, [this] { copyField([](const held::HeldMessage &m) { return m.id; }); });
    on(A::CopySender, [this] { copyField(&held::HeldMessage::sender); });
    on(A::CopySubject, [this] { copyField([](const held::HeldMessage &m) { return m.subject; }); });
    on(A::CopyDetails, [this] { QApplication::clipboard()->setText(m_details->plainText()); });
    const auto single = [this](A::Id id, std::function<void(const held::HeldMessage &)> use) {
        connect(m_actions->get(id), &QAction::triggered, this, [this, use] {
            if (const QList<held::HeldMessage> selected = selectedMessages(); selected.size() == 1)
                use(selected.first());
        });
    };
    single(A::SearchArchive,
           [this](const held::HeldMessage &m) { emit searchArchiveForSender(m.sender()); });
    single(A::FindEveryCopy, [this](const held::HeldMessage &m) {
        emit findEveryCopyRequested(m_details->messageId(), m.sender(), m.subject);
    });
    single(A::WhoClicked, [this](const held::HeldMessage &) {
        if (m_details->messageId().isEmpty())
            session()->reportError(tr("The message's Message-ID is not loaded yet: wait for its "
                                      "details, then ask again."));
        else
            session()->requestWhoClicked(QString(), m_details->messageId());
    });
    single(A::BlockSender, [this](const held::HeldMessage &m) {
        emit blockSenderRequested(m.sender(), m.to.email);
    });
    single(A::ShowFromSender,
           [this](const held::HeldMessage &m) { showHeldFromSender(m.sender()); });
    for (const HeldAction action : triage::markableActions())
        on(A::markId(action), [this, action] { markSelection(action); });
    on(A::ClearMark, [this] { markSelection(std::nullopt); });
    on(A::ApplyMarks, [this] { applyMarks(); });
    on(A::ClearAllMarks, [this] { clearAllMarks(); });
    on(A::NextMessage, [this] { moveCurrent(1); });
    on(A::PreviousMessage, [this] { moveCurrent(-1); });
    on(A::ShowOutcomes, [this] { m_controller->showOutcomes(); });
    on(A::Export, [this] { exportRequested(); });
    on(A::Refresh, [this] { reload(); });
    on(A::FocusFilter, [this] {
        if (auto *quick = m_filterBar->findChild<QWidget *>(u"heldQuickFilter"_s))
            quick->setFocus(Qt::ShortcutFocusReason);
    });
}

QString HeldQueuePage::title() const
{
    return tr("Held queue");
}

void HeldQueuePage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_stale && !m_loader->isLoading())
        reload();
}

void HeldQueuePage::reload()
{
    m_stale = false;
    runQuery();
    loadSummary();
    if (m_releaseLog->hasLoaded() || m_tabs->currentWidget() == m_releaseLog)
        m_releaseLog->reload();
}

void HeldQueuePage::runQuery()
{
    m_table->rememberSelection(); // the analyst keeps their place across a refresh
    held::HeldQuery query;
    if (api::ApiClient *client = session()->client())
        query = m_filterBar->query(client->now().toUTC());
    query.limit = m_maxMessages;
    if (const QString problem = query.validate(); !problem.isEmpty()) {
        session()->reportError(tr("The held queue was not searched: %1").arg(problem));
        return;
    }
    m_loader->start(query);
    updateState();
}

bool HeldQueuePage::isLoaded() const
{
    return m_loader->hasLoaded() && !m_loader->isLoading() && !m_chart->isLoading() &&
           !m_details->isFetching();
}

int HeldQueuePage::totalCount() const
{
    return m_loader->totalCount();
}

void HeldQueuePage::loadSummary()
{
    m_chart->reload(session());
}

void HeldQueuePage::updateState()
{
    const bool connected = session()->client() != nullptr;
    if (!connected) {
        m_stateLabel->setText(tr("Not connected.\nChoose a connection in the toolbar, or start "
                                 "the demo, to work the held queue."));
    } else if (m_model->rowCount() == 0 && !isLoaded()) {
        m_stateLabel->setText(tr("Loading held messages…"));
    } else if (m_model->rowCount() == 0) {
        m_stateLabel->setText(tr("No held messages match these filters.\nWiden the time range "
                                 "or clear the search to see more."));
    } else if (m_proxy->rowCount() == 0) {
        m_stateLabel->setText(heldformat::plural(
            m_model->rowCount(), tr("The loaded message does not match the local filter."),
            tr("None of the %1 loaded messages match the local filter.")));
    }
    const bool showTable = connected && m_proxy->rowCount() > 0;
    m_state->setCurrentWidget(showTable ? static_cast<QWidget *>(m_table) : m_stateLabel);
    m_filterBar->setShowing(m_proxy->rowCount(), m_model->rowCount(), m_loader->totalCount(),
                            m_loader->isLoading());
    updateActions();
}

void HeldQueuePage::updateActions()
{
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    m_actions->update(selected, m_controller->isBusy(), session()->client() != nullptr);
    m_actions->get(HeldActions::Export)->setEnabled(m_proxy->rowCount() > 0);
    m_actions->updateMarks(triage::summary(m_model->marks()), m_controller->isBusy(),
                           session()->client() != nullptr);
}

void HeldQueuePage::currentChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return m_details->showMessage(std::nullopt);
    m_details->showMessage(m_model->message(m_proxy->mapToSource(current).row()));
}

QList<held::HeldMessage> HeldQueuePage::selectedMessages() const
{
    QList<held::HeldMessage> messages;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end()); // in the order shown
    for (const QModelIndex &index : std::as_const(rows))
        messages.append(m_model->message(m_proxy->mapToSource(index).row()));
    return messages;
}

void HeldQueuePage::filterByPolicy(const QString &policy)
{
    m_proxy->setPolicyFilter(policy);
    m_filterBar->setPolicy(policy);
    m_chart->setSelectedPolicy(policy);
}

void HeldQueuePage::runAction(HeldAction action, const QString &reportAs)
{
    m_controller->run(action, selectedMessages(), reportAs);
}

void HeldQueuePage::selectRow(int proxyRow)
{
    const QModelIndex index = m_proxy->index(
        proxyRow, m_table->currentIndex().isValid() ? m_table->currentIndex().column() : 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void HeldQueuePage::markSelection(std::optional<HeldAction> action)
{
    // The selected messages, or the current one (the keyboard's place, even unselected).
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows << m_table->currentIndex();
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    QList<int> sourceRows;
    for (const QModelIndex &index : std::as_const(rows))
        sourceRows << m_proxy->mapToSource(index).row();
    m_model->setMark(sourceRows, action);
    // On to the next message, so a decision is one key.
    if (const int next = rows.constLast().row() + 1; next < m_proxy->rowCount())
        selectRow(next);
}

void HeldQueuePage::moveCurrent(int delta)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, rows - 1) : 0;
    selectRow(row);
}

void HeldQueuePage::applyMarks()
{
    const triage::Marks &marks = m_model->marks();
    QList<HeldActionRequest> requests;
    for (const HeldAction action : triage::markableActions()) {
        HeldActionRequest request;
        request.action = action;
        // In the order shown, so the outcome list reads like the queue.
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const int source = m_proxy->mapToSource(m_proxy->index(row, 0)).row();
            const held::HeldMessage &m = m_model->message(source);
            if (marks.value(m.id, HeldAction::Report) == action)
                request.messages.append(m);
        }
        // Marked but hidden by the local filter: still sent, as the summary counted them.
        for (int source = 0; source < m_model->rowCount(); ++source) {
            const held::HeldMessage &m = m_model->message(source);
            if (marks.value(m.id, HeldAction::Report) == action &&
                !m_proxy->mapFromSource(m_model->index(source, 0)).isValid())
                request.messages.append(m);
        }
        if (!request.messages.isEmpty())
            requests.append(request);
    }
    m_controller->apply(requests);
}

void HeldQueuePage::clearAllMarks()
{
    const int n = int(m_model->marks().size());
    if (n == 0)
        return;
    dialogs::Question question;
    question.title = tr("Clear all marks");
    question.text = heldformat::plural(n, tr("Clear the mark of 1 message? Nothing was sent."),
                                       tr("Clear the marks of %1 messages? Nothing was sent."));
    question.acceptLabel = tr("Clear marks");
    question.destructive = true;
    question.objectName = u"clearMarksConfirm"_s;
    if (dialogs::confirm(this, question))
        m_model->clearMarks(m_model->marks().keys());
}

void HeldQueuePage::updateMarks()
{
    const QString summary = triage::summary(m_model->marks());
    m_marksSummary->setText(summary);
    m_marksSummary->setVisible(!summary.isEmpty());
    m_actions->updateMarks(summary, m_controller->isBusy(), session()->client() != nullptr);
}

void HeldQueuePage::runFinished(bool allDone, const QString &summary, const QStringList &ids)
{
    // Whatever was sent is decided: a failed item is retried from the outcome list, never by
    // applying its mark a second time.
    m_model->clearMarks(ids);
    m_actions->get(HeldActions::ShowOutcomes)->setEnabled(m_controller->hasOutcomes());
    if (allDone)
        session()->showStatus(summary, m_actions->get(HeldActions::ShowOutcomes));
    // Focus goes back to the queue, on the next message still to decide.
    const QModelIndex current = m_table->currentIndex();
    const triage::Marks &marks = m_model->marks();
    for (int row = current.isValid() ? current.row() : 0; row < m_proxy->rowCount(); ++row) {
        if (!marks.contains(m_proxy->index(row, 0).data(HeldMessageModel::IdRole).toString())) {
            selectRow(row);
            break;
        }
    }
    if (!m_controller->outcomeDialog()->isVisible())
        m_table->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void HeldQueuePage::messagesDone(const QStringList &ids)
{
    const int removed = m_model->removeIds(QSet<QString>(ids.cbegin(), ids.cend()));
    m_loader->removed(removed);
    // The next message becomes the selection, so the keyboard flow (Ctrl+R, Delete) goes on.
    QItemSelectionModel *selection = m_table->selectionModel();
    if (!selection->hasSelection() && m_table->currentIndex().isValid())
        selection->select(m_table->currentIndex(),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
    updateState();
}

void HeldQueuePage::copyField(const std::function<QString(const held::HeldMessage &)> &field)
{
    QStringList values;
    for (const held::HeldMessage &m : selectedMessages())
        values << field(m);
    if (!values.isEmpty())
        QApplication::clipboard()->setText(values.join(u'\n'));
}

void HeldQueuePage::showHeldFromSender(const QString &address)
{
    m_filterBar->setSenderSearch(address);
    filterByPolicy({});
    m_tabs->setCurrentIndex(0);
    m_stale = false;
    runQuery();
}

void HeldQueuePage::showContextMenu(const QPoint &pos)
{
    QMenu *menu = m_actions->contextMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_table->viewport()->mapToGlobal(pos));
}

void HeldQueuePage::exportRequested()
{
    const QString suggested = QDir::home().filePath(
        u"held-messages-%1.csv"_s.arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path =
        dialogs::saveFileName(this, {tr("Export held messages"), suggested, tr("CSV files (*.csv)"),
                                     u"heldExportDialog"_s});
    if (!path.isEmpty())
        exportTo(path);
}

bool HeldQueuePage::exportTo(const QString &path)
{
    QString error;
    const qint64 rows =
        heldexport::writeView(path, m_proxy, m_table->horizontalHeader(),
                              HeldMessageModel::ExportRole, &error, {HeldMessageModel::Mark});
    if (rows < 0) {
        session()->reportError(tr("The held messages could not be exported to %1.")
                                   .arg(QDir::toNativeSeparators(path)),
                               error);
        return false;
    }
    session()->showStatus(heldformat::plural(int(rows), tr("Exported 1 held message to %1"),
                                             tr("Exported %1 held messages to %2"))
                              .arg(QDir::toNativeSeparators(path)));
    return true;
}

void HeldQueuePage::saveLayout(QSettings &settings) const
{
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.setValue(u"queueSplitter"_s, m_queueSplitter->saveState());
    settings.setValue(u"header"_s, m_table->horizontalHeader()->saveState());
    settings.setValue(u"releaseLogHeader"_s,
                      m_releaseLog->table()->horizontalHeader()->saveState());
}

void HeldQueuePage::restoreLayout(QSettings &settings)
{
    m_splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    m_queueSplitter->restoreState(settings.value(u"queueSplitter"_s).toByteArray());
    m_table->horizontalHeader()->restoreState(settings.value(u"header"_s).toByteArray());
    m_releaseLog->table()->horizontalHeader()->restoreState(
        settings.value(u"releaseLogHeader"_s).toByteArray());
}

} // namespace mcdesk::ui
