#include "ui/investigate/investigatepage.h"

#include "core/api/apiclient.h"
#include "core/held/heldformat.h"
#include "ui/common/dialogs.h"
#include "ui/common/widgets.h"
#include "ui/held/heldexport.h"
#include "ui/investigate/incidentsview.h"
#include "ui/investigate/messageinfopane.h"
#include "ui/investigate/removecontroller.h"
#include "ui/investigate/trackedmodel.h"
#include "ui/investigate/trackingform.h"
#include "ui/shell/session.h"
#include "ui/threats/decodeurldialog.h"
#include "ui/threats/threatlogsview.h"

#include <QAction>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr int kMaxRows = 5000;   // what track-message takes as --limit
constexpr int kMaxCollect = 100; // selected rows whose Message-ID is read one by one
} // namespace

InvestigatePage::InvestigatePage(Session *session, QWidget *parent)
    : Page(session, u"page_investigate"_s, parent)
    , m_form(new TrackingForm(this))
    , m_limit(new QSpinBox(this))
    , m_model(new TrackedModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(widgets::makeTable(u"investigateResults"_s, this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_more(new QPushButton(tr("Show &more"), this))
    , m_removeButton(new QPushButton(tr("&Remove from all mailboxes…"), this))
    , m_detail(new MessageInfoPane(this))
    , m_incidents(new IncidentsView(session, this))
    , m_threatLogs(new ThreatLogsView(session, this))
    , m_tabs(new QTabWidget(this))
    , m_columns(new QSplitter(Qt::Horizontal, this))
    , m_rows(new QSplitter(Qt::Vertical, this))
    , m_remove(new RemoveController(session, this))
    , m_detailTimer(new QTimer(this))
    , m_menu(new QMenu(tr("&Investigate"), this))
{
    m_tabs->setObjectName(u"investigateTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildMessagesTab(), tr("&Messages"));
    m_tabs->addTab(m_incidents, tr("I&ncidents"));
    m_tabs->addTab(m_threatLogs, tr("&Threat logs"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    createActions();

    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_incidents && !m_incidents->isLoaded())
            m_incidents->reload();
    });
    connect(m_form, &TrackingForm::searchRequested, this, &InvestigatePage::search);
    connect(m_threatLogs, &ThreatLogsView::findEveryCopyRequested, this,
            &InvestigatePage::findEveryCopy);
    connect(m_threatLogs, &ThreatLogsView::searchFinished, this, &Page::loaded);
    connect(m_more, &QPushButton::clicked, this, [this] {
        m_limit->setValue(qMin(m_limit->value() * 2, kMaxRows));
        search();
    });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updateActions();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &InvestigatePage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InvestigatePage::showCurrentDetail);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        auto *menu = new QMenu(this);
        menu->setObjectName(u"investigateContextMenu"_s);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addActions({m_findCopy, m_whoClicked, m_removeSelected});
        menu->addSeparator();
        menu->addActions({m_removeUrl, m_export});
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_removeButton, &QPushButton::clicked, this, &InvestigatePage::removeSelected);
    connect(m_detail, &MessageInfoPane::hashCheckRequested, m_remove,
            &RemoveController::checkHashes);
    connect(m_detail, &MessageInfoPane::removeByHashRequested, m_remove,
            &RemoveController::removeHash);
    connect(m_remove, &RemoveController::busyChanged, this, &InvestigatePage::updateActions);
    connect(m_remove, &RemoveController::incidentCreated, this,
            [this](const respond::RemediationIncident &incident) {
                m_tabs->setCurrentWidget(m_incidents);
                m_incidents->follow(incident);
            });
    connect(session, &Session::clientChanged, this, [this] {
        m_infos.clear();
        updateActions();
    });
    m_detailTimer->setSingleShot(true);
    m_detailTimer->setInterval(150); // arrowing through the rows sends one request, not ten
    connect(m_detailTimer, &QTimer::timeout, this, &InvestigatePage::fetchDetail);
    updateActions();
}

QWidget *InvestigatePage::buildMessagesTab()
{
    auto *tab = new QWidget(this);
    m_limit->setObjectName(u"investigateLimit"_s);
    m_limit->setRange(1, kMaxRows);
    m_limit->setValue(500);
    m_limit->setToolTip(tr("Message Finder answers in one list; it keeps at most this many"));

    auto *formPanel = new QWidget(m_columns);
    auto *formLayout = new QVBoxLayout(formPanel);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(widgets::sectionTitle(tr("Find messages"), formPanel));
    formLayout->addWidget(m_form);
    auto *limitRow = new QHBoxLayout;
    auto *limitLabel = new QLabel(tr("At &most:"), formPanel);
    limitLabel->setBuddy(m_limit);
    limitRow->addWidget(limitLabel);
    limitRow->addWidget(m_limit);
    limitRow->addStretch(1);
    formLayout->addLayout(limitRow);
    formLayout->addStretch(1);
    auto *scroll = new QScrollArea(m_columns);
    scroll->setObjectName(u"investigateFormScroll"_s);
    scroll->setWidget(formPanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_filter->setObjectName(u"investigateFilter"_s);
    m_filter->setPlaceholderText(tr("Filter these results"));
    m_filter->setClearButtonEnabled(true);
    m_count->setObjectName(u"investigateCount"_s);
    m_count->setTextFormat(Qt::PlainText);
    m_count->setWordWrap(true);
    m_more->setObjectName(u"investigateMore"_s);
    m_more->setToolTip(tr("Search again keeping twice as many messages"));
    m_more->hide();
    m_removeButton->setObjectName(u"investigateRemove"_s);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TrackedModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TrackedModel::Received, Qt::DescendingOrder);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setAccessibleName(tr("Tracked messages"));
    QHeaderView *header = m_table->horizontalHeader();
    const auto width = [this](const QString &sample) {
        return widgets::columnWidth(this, sample);
    };
    header->resizeSection(TrackedModel::Status, width(u"Held (Impersonation)"_s));
    header->resizeSection(TrackedModel::Received, width(u"2026-12-31 23:59"_s));
    header->resizeSection(TrackedModel::FromEnvelope, width(u"billing@invoices-example.net"_s));
    header->resizeSection(TrackedModel::FromHeader, width(u"billing@invoices-example.net"_s));
    header->resizeSection(TrackedModel::To, width(u"ap@yourcompany.example"_s));
    header->resizeSection(TrackedModel::Subject, width(u"Your invoice 4411 is overdue"_s));
    header->resizeSection(TrackedModel::SenderIp, width(u"203.0.113.250"_s));
    header->resizeSection(TrackedModel::Route, width(u"outbound"_s));
    header->resizeSection(TrackedModel::SpamScore, width(u"Spam score"_s));

    auto *results = new QWidget(m_rows);
    auto *resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_more);
    bar->addWidget(m_removeButton);
    resultsLayout->addLayout(bar);
    resultsLayout->addWidget(m_count);
    resultsLayout->addWidget(m_table, 1);
    m_rows->setObjectName(u"investigateRowsSplitter"_s);
    m_rows->addWidget(results);
    m_rows->addWidget(m_detail);
    m_rows->setStretchFactor(0, 3);
    m_rows->setStretchFactor(1, 2);
    m_rows->setChildrenCollapsible(false);

    m_columns->setObjectName(u"investigateSplitter"_s);
    m_columns->addWidget(scroll);
    m_columns->addWidget(m_rows);
    m_columns->setStretchFactor(1, 1);
    m_columns->setChildrenCollapsible(false);
    const int em = fontMetrics().averageCharWidth();
    m_columns->setSizes({em * 46, em * 140});
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_columns);
    m_count->setText(tr("Search by Message-ID to see every copy of a message: who received it, "
                        "and whether it was delivered."));
    return tab;
}

void InvestigatePage::createActions()
{
    const auto make = [this](const QString &name, const QString &text, const QKeySequence &key,
                             QWidget *owner) {
        auto *action = new QAction(text, owner);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setShortcutVisibleInContextMenu(true);
        owner->addAction(action);
        return action;
    };
    m_findCopy = make(u"investigateFindCopyAction"_s, tr("&Find every copy"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), m_table);
    m_findCopy->setToolTip(tr("Search for every copy of this message, by its Message-ID"));
    m_removeSelected = make(u"investigateRemoveAction"_s, tr("&Remove from all mailboxes…"),
                            QKeySequence(Qt::SHIFT | Qt::Key_Delete), m_table);
    m_removeUrl = make(u"investigateRemoveUrlAction"_s, tr("Remove by &URL…"), {}, this);
    m_whoClicked = make(u"investigateWhoClickedAction"_s, tr("&Who clicked this?"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W), m_table);
    m_whoClicked->setToolTip(tr("Who clicked the links in this message? The click log, filtered "
                                "to its Message-ID"));
    m_decodeUrl = make(u"investigateDecodeUrlAction"_s, tr("&Decode a Mimecast link…"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), this);
    m_decodeUrl->setToolTip(tr("See where a Mimecast-rewritten link points, without visiting it"));
    m_export = make(u"investigateExportAction"_s, tr("E&xport results to CSV…"),
                    QKeySequence(Qt::CTRL | Qt::Key_E), this);
    m_focusFilter =
        make(u"investigateFocusFilterAction"_s, tr("Filter results"), QKeySequence::Find, this);
    connect(m_findCopy, &QAction::triggered, this, &InvestigatePage::findCopyOfCurrent);
    connect(m_removeSelected, &QAction::triggered, this, &InvestigatePage::removeSelected);
    connect(m_removeUrl, &QAction::triggered, this, [this] { m_remove->removeUrl(); });
    connect(m_whoClicked, &QAction::triggered, this, [this] {
        if (const QString id = currentMessageId(); !id.isEmpty())
            showWhoClicked(QString(), id);
        else
            session()->reportError(tr("This message's Message-ID is not loaded yet: wait for its "
                                      "detail below, then ask again."));
    });
    connect(m_decodeUrl, &QAction::triggered, this, &InvestigatePage::openDecodeUrl);
    connect(m_export, &QAction::triggered, this, &InvestigatePage::exportRequested);
    connect(m_focusFilter, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    m_menu->setObjectName(u"investigateMenu"_s);
    m_menu->addActions({m_findCopy, m_whoClicked, m_removeSelected, m_removeUrl});
    m_menu->addSeparator();
    m_menu->addActions({m_export, m_focusFilter});
    m_menu->addSeparator();
    m_menu->addAction(m_decodeUrl);
    QMenu *logs = m_menu->addMenu(tr("Threat &logs"));
    logs->setObjectName(u"investigateThreatLogMenu"_s);
    logs->addActions(m_threatLogs->menuActions());
}

QString InvestigatePage::title() const
{
    return tr("Investigate");
}

void InvestigatePage::reload()
{
    // F5 repeats the search on screen and rereads the incidents; nothing is searched before
    // the analyst asks.
    if (m_lastQuery.hasCriteria())
        search();
    if (m_incidents->isLoaded() || m_tabs->currentWidget() == m_incidents)
        m_incidents->reload();
    if (!m_searching)
        emit loaded();
}

void InvestigatePage::updateActions()
{
    const int selected = int(selectedSourceRows().size());
    const bool connected = session()->client() != nullptr;
    const bool canRemove =
        selected > 0 && connected && !m_remove->isBusy() && m_collecting.isEmpty();
    m_removeSelected->setEnabled(canRemove);
    m_removeButton->setEnabled(canRemove);
    m_removeButton->setText(selected > 1 ? tr("&Remove %1 from all mailboxes…").arg(selected)
                                         : tr("&Remove from all mailboxes…"));
    m_findCopy->setEnabled(m_table->currentIndex().isValid() && connected);
    m_whoClicked->setEnabled(m_table->currentIndex().isValid() && connected);
    m_decodeUrl->setEnabled(connected);
    m_removeUrl->setEnabled(connected && !m_remove->isBusy());
    m_export->setEnabled(m_proxy->rowCount() > 0);
}

void InvestigatePage::findEveryCopy(const QString &messageId, const QString &sender,
                                    const QString &subject)
{
    m_tabs->setCurrentIndex(0);
    m_form->useWholeWindow();
    if (!messageId.trimmed().isEmpty())
        m_form->prefillMessageId(messageId);
    else
        m_form->prefillSenderSubject(sender, subject);
    search();
}

void InvestigatePage::search()
{
    m_form->keepInWindow();
    respond::TrackingQuery query = m_form->query();
    const QDateTime now =
        session()->client() ? session()->client()->now() : QDateTime::currentDateTimeUtc();
    if (const QString bad = query.validate(now); !bad.isEmpty()) {
        m_form->showError(TrackingForm::inFormWords(bad));
        return;
    }
    m_form->showError({});
    actions::ActionArgs args;
    args.tracking = query;
    args.periodStart = query.start.toUTC().toString(Qt::ISODate);
    args.periodEnd = query.end.toUTC().toString(Qt::ISODate);
    args.rowLimit = QString::number(m_limit->value());
    const common::LatestRequest::Ticket ticket = m_searchRequest.next();
    actions::ActionRunner *runner = session()->runAction(actions::ActionId::TrackMessage, args,
                                                         tr("Tracking %1").arg(query.describe()));
    if (!runner) {
        m_form->showError(tr("Not searched: there is no working connection."));
        return;
    }
    m_searching = true;
    m_count->setText(tr("Searching Message Finder for %1…").arg(query.describe()));
    const int limit = m_limit->value();
    connect(runner, &actions::ActionRunner::finished, this, [this, runner, ticket, query, limit] {
        if (!m_searchRequest.isCurrent(ticket))
            return;
        m_searching = false;
        const actions::ActionOutcome &outcome = runner->outcome();
        if (!outcome.success) {
            m_form->showError(TrackingForm::inFormWords(outcome.message));
            m_count->setText(tr("The search failed; the results below are from before."));
        } else {
            m_lastQuery = query;
            m_model->setMessages(outcome.tracked);
            m_detail->showState(tr("Select a tracked message to see its delivery, checks and "
                                   "headers."));
            int delivered = 0;
            for (const respond::TrackedMessage &m : outcome.tracked)
                delivered += m.delivered() ? 1 : 0;
            QString text = heldformat::plural(int(outcome.tracked.size()), tr("1 message for %2"),
                                              tr("%1 messages for %2"))
                               .arg(query.describe());
            text += tr(", %1 delivered.").arg(delivered);
            for (const QString &note : outcome.notes)
                text += u' ' + note;
            m_count->setText(text);
            m_more->setVisible(int(outcome.tracked.size()) >= limit && limit < kMaxRows);
            if (m_proxy->rowCount() > 0)
                m_table->setCurrentIndex(m_proxy->index(0, 0));
        }
        updateActions();
        emit searchFinished();
        emit loaded();
    });
}

void InvestigatePage::showCurrentDetail()
{
    m_detailRequest.next();
    m_detailTimer->stop();
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    updateActions();
    if (!current.isValid()) {
        m_detail->showState(tr("Select a tracked message to see its delivery, checks and "
                               "headers."));
        return;
    }
    const QString id = m_model->message(current.row()).id;
    if (const auto it = m_infos.constFind(id); it != m_infos.cend()) {
        m_detail->showInfo(*it);
        return;
    }
    m_detail->showState(tr("Loading the message's delivery, checks and headers…"));
    m_detailTimer->start();
}

void InvestigatePage::fetchDetail()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid())
        return;
    const QString id = m_model->message(current.row()).id;
    actions::ActionArgs args;
    args.trackingId = id;
    const common::LatestRequest::Ticket ticket = m_detailRequest.current();
    actions::ActionRunner *runner = session()->runAction(actions::ActionId::MessageInfo, args);
    if (!runner) {
        m_detail->showState(tr("Not connected: the message's detail is not available."));
        return;
    }
    connect(runner, &actions::ActionRunner::finished, this, [this, runner, ticket, id] {
        const actions::ActionOutcome &outcome = runner->outcome();
        if (outcome.success && outcome.messageInfo) {
            if (m_infos.size() > 2000)
                m_infos.clear(); // a long day of clicks; tracking ids are not reused
            m_infos.insert(id, *outcome.messageInfo);
        }
        if (!m_detailRequest.isCurrent(ticket))
            return;
        if (outcome.success && outcome.messageInfo)
            m_detail->showInfo(*outcome.messageInfo);
        else
            m_detail->showState(
                tr("The message's detail could not be loaded: %1").arg(outcome.message));
    });
}

QList<int> InvestigatePage::selectedSourceRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << m_proxy->mapToSource(index).row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

QString InvestigatePage::currentMessageId() const
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid())
        return {};
    const auto info = m_infos.constFind(m_model->message(current.row()).id);
    QString messageId = info != m_infos.cend() ? info->messageId() : QString();
    if (messageId.isEmpty() && m_lastQuery.byMessageId())
        messageId = m_lastQuery.messageId;
    return messageId;
}

void InvestigatePage::showWhoClicked(const QString &url, const QString &messageId)
{
    m_tabs->setCurrentWidget(m_threatLogs);
    m_threatLogs->showClicks(url, messageId);
}

void InvestigatePage::openDecodeUrl()
{
    auto *dialog = new DecodeUrlDialog(session(), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void InvestigatePage::findCopyOfCurrent()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid())
        return;
    const respond::TrackedMessage &m = m_model->message(current.row());
    findEveryCopy(currentMessageId(),
                  m.fromEnvelope.email.isEmpty() ? m.fromHeader.email : m.fromEnvelope.email,
                  m.subject);
}

void InvestigatePage::removeSelected()
{
    const QList<int> rows = selectedSourceRows();
    if (rows.isEmpty() || m_remove->isBusy() || !m_collecting.isEmpty())
        return;
    if (m_lastQuery.byMessageId()) {
        QString why;
        const QString id = respond::normalizeMessageId(m_lastQuery.messageId, &why);
        // Mimecast removes the Message-ID everywhere, not only the rows selected.
        m_remove->removeMessageIds(
            {id}, heldformat::plural(m_model->rowCount(),
                                     tr("every copy of Message-ID %2 (1 in "
                                        "these results)"),
                                     tr("every copy of Message-ID %2 (%1 in these results)"))
                      .arg(id));
        return;
    }
    if (rows.size() > kMaxCollect) {
        session()->reportError(tr("Select at most %1 messages to remove: each one's Message-ID "
                                  "is read first. Or search by Message-ID.")
                                   .arg(kMaxCollect));
        return;
    }
    // Found by sender or subject: a remediation takes Message-IDs, read from each message's
    // headers (get-message-info), one at a time so the rate limit is not spent at once.
    m_collectRows = rows;
    m_collecting.clear();
    for (int row : rows)
        if (const QString id = m_model->message(row).id; !m_infos.contains(id))
            m_collecting << id;
    updateActions();
    collectMessageIds();
}

void InvestigatePage::collectMessageIds()
{
    if (!m_collecting.isEmpty()) {
        const QString id = m_collecting.constFirst();
        actions::ActionArgs args;
        args.trackingId = id;
        actions::ActionRunner *runner =
            session()->runAction(actions::ActionId::MessageInfo, args,
                                 tr("Reading Message-IDs (%1 left)").arg(m_collecting.size()));
        if (!runner) {
            m_collecting.clear();
            updateActions();
            return;
        }
        connect(runner, &actions::ActionRunner::finished, this, [this, runner, id] {
            const actions::ActionOutcome &outcome = runner->outcome();
            if (!outcome.success || !outcome.messageInfo) {
                m_collecting.clear();
                updateActions();
                session()->reportError(tr("Nothing was removed: a message's Message-ID could "
                                          "not be read."),
                                       outcome.message);
                return;
            }
            m_infos.insert(id, *outcome.messageInfo);
            m_collecting.removeOne(id);
            collectMessageIds();
        });
        return;
    }
    updateActions();
    QStringList ids;
    int without = 0;
    for (int row : std::as_const(m_collectRows)) {
        QString why;
        const QString id =
            respond::normalizeMessageId(m_infos.value(m_model->message(row).id).messageId(), &why);
        if (id.isEmpty())
            ++without;
        else if (!ids.contains(id))
            ids << id;
    }
    const int selected = int(m_collectRows.size());
    if (ids.isEmpty()) {
        session()->reportError(tr("Nothing was removed: none of the selected messages has a "
                                  "Message-ID. Remove by attachment hash or URL instead."));
        return;
    }
    if (ids.size() > respond::RemediationRequest::kMaxMessageIds) {
        session()->reportError(tr("Nothing was removed: the selection has %1 different "
                                  "Message-IDs; one remediation takes at most %2. Select fewer.")
                                   .arg(ids.size())
                                   .arg(respond::RemediationRequest::kMaxMessageIds));
        return;
    }
    QString scope =
        ids.size() == 1
            ? tr("every copy of Message-ID %1").arg(ids.constFirst())
            : tr("every copy of %1 Message-IDs (%2)").arg(ids.size()).arg(ids.join(u", "_s));
    scope += heldformat::plural(selected, tr(", from the selected message"),
                                tr(", from %1 selected messages"));
    if (without > 0)
        scope += tr("; %1 without a Message-ID left out").arg(without);
    m_remove->removeMessageIds(ids, scope);
}

void InvestigatePage::exportRequested()
{
    const QString suggested = QDir::home().filePath(
        u"tracked-messages-%1.csv"_s.arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path =
        dialogs::saveFileName(this, {tr("Export tracked messages"), suggested,
                                     tr("CSV files (*.csv)"), u"investigateExportDialog"_s});
    if (!path.isEmpty())
        exportTo(path);
}

bool InvestigatePage::exportTo(const QString &path)
{
    QString error;
    const qint64 rows = heldexport::writeView(path, m_proxy, m_table->horizontalHeader(),
                                              TrackedModel::ExportRole, &error);
    if (rows < 0) {
        session()->reportError(tr("The tracked messages could not be exported to %1.")
                                   .arg(QDir::toNativeSeparators(path)),
                               error);
        return false;
    }
    session()->showStatus(heldformat::plural(int(rows), tr("Exported 1 tracked message to %2"),
                                             tr("Exported %1 tracked messages to %2"))
                              .arg(QDir::toNativeSeparators(path)));
    return true;
}

void InvestigatePage::saveLayout(QSettings &settings) const
{
    settings.setValue(u"tab"_s, m_tabs->currentIndex());
    settings.setValue(u"columns"_s, m_columns->saveState());
    settings.setValue(u"rows"_s, m_rows->saveState());
    settings.setValue(u"resultsHeader"_s, m_table->horizontalHeader()->saveState());
    settings.setValue(u"incidentsSplitter"_s, m_incidents->splitter()->saveState());
    settings.setValue(u"incidentsHeader"_s, m_incidents->table()->horizontalHeader()->saveState());
    settings.setValue(u"limit"_s, m_limit->value());
    settings.setValue(u"threatLog"_s, int(m_threatLogs->currentLog()));
}

void InvestigatePage::restoreLayout(QSettings &settings)
{
    m_tabs->setCurrentIndex(settings.value(u"tab"_s, 0).toInt());
    m_columns->restoreState(settings.value(u"columns"_s).toByteArray());
    m_rows->restoreState(settings.value(u"rows"_s).toByteArray());
    m_table->horizontalHeader()->restoreState(settings.value(u"resultsHeader"_s).toByteArray());
    m_incidents->splitter()->restoreState(settings.value(u"incidentsSplitter"_s).toByteArray());
    m_incidents->table()->horizontalHeader()->restoreState(
        settings.value(u"incidentsHeader"_s).toByteArray());
    m_limit->setValue(settings.value(u"limit"_s, 500).toInt());
    m_threatLogs->setLog(threats::ThreatLog(qBound(0, settings.value(u"threatLog"_s, 0).toInt(),
                                                   int(threats::ThreatLog::Impersonation))));
}

} // namespace mcdesk::ui
