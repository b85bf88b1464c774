#include "ui/threats/threatlogsview.h"

#include "core/held/heldformat.h"
#include "ui/common/dialogs.h"
#include "ui/common/widgets.h"
#include "ui/held/heldexport.h"
#include "ui/shell/session.h"
#include "ui/threats/managedurlwriter.h"
#include "ui/threats/threatlogmodels.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
using threats::ThreatLog;
using threats::ThreatLogQuery;

constexpr int kWhoClickedDays = 7;

actions::ActionId actionOf(ThreatLog log)
{
    switch (log) {
    case ThreatLog::UrlClicks:
        return actions::ActionId::UrlLogs;
    case ThreatLog::Attachments:
        return actions::ActionId::AttachmentLogs;
    case ThreatLog::Impersonation:
        break;
    }
    return actions::ActionId::ImpersonationLogs;
}
} // namespace

ThreatLogsView::ThreatLogsView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_log(new QComboBox(this))
    , m_start(widgets::dateTimeEdit(
          u"threatLogStart"_s,
          QDateTime::currentDateTimeUtc().addSecs(-3600 * ThreatLogQuery::kDefaultHours), this))
    , m_end(widgets::dateTimeEdit(u"threatLogEnd"_s, QDateTime::currentDateTimeUtc(), this))
    , m_route(new QComboBox(this))
    , m_result(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_messageId(new QLineEdit(this))
    , m_limit(new QSpinBox(this))
    , m_search(new QPushButton(tr("&Search logs"), this))
    , m_error(widgets::hintLabel(u"threatLogError"_s, this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_blockButton(new QPushButton(tr("&Block this URL…"), this))
    , m_clicks(new ClickLogModel(this))
    , m_attachments(new AttachmentLogModel(this))
    , m_impersonations(new ImpersonationLogModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(widgets::makeTable(u"threatLogTable"_s, this))
    , m_writer(new ManagedUrlWriter(session, this))
{
    setObjectName(u"threatLogsView"_s);
    m_log->setObjectName(u"threatLogKind"_s);
    m_log->addItem(tr("URL clicks"), int(ThreatLog::UrlClicks));
    m_log->addItem(tr("Attachment protection"), int(ThreatLog::Attachments));
    m_log->addItem(tr("Impersonation"), int(ThreatLog::Impersonation));
    m_route->setObjectName(u"threatLogRoute"_s);
    m_route->addItem(tr("Any route"), QString());
    m_route->addItem(tr("Inbound"), u"inbound"_s);
    m_route->addItem(tr("Outbound"), u"outbound"_s);
    m_route->addItem(tr("Internal"), u"internal"_s);
    m_result->setObjectName(u"threatLogResult"_s);
    m_url->setObjectName(u"threatLogUrl"_s);
    m_url->setPlaceholderText(tr("part of the clicked URL"));
    m_url->setClearButtonEnabled(true);
    m_messageId->setObjectName(u"threatLogMessageId"_s);
    m_messageId->setPlaceholderText(tr("<id@host> of the message"));
    m_messageId->setClearButtonEnabled(true);
    m_limit->setObjectName(u"threatLogLimit"_s);
    m_limit->setRange(1, ThreatLogQuery::kMaxRows);
    m_limit->setValue(500);
    m_limit->setToolTip(tr("Rows kept; Mimecast is read page by page until this many match"));
    m_search->setObjectName(u"threatLogSearch"_s);
    m_search->setDefault(true);
    m_filter->setObjectName(u"threatLogFilter"_s);
    m_filter->setPlaceholderText(tr("Filter these rows"));
    m_filter->setClearButtonEnabled(true);
    m_count->setObjectName(u"threatLogCount"_s);
    m_count->setTextFormat(Qt::PlainText);
    m_count->setWordWrap(true);
    m_count->setText(tr("Choose a log and a window, then Search logs. Who clicked this? on a "
                        "message or a link opens the click log filtered to it."));
    m_blockButton->setObjectName(u"threatLogBlockButton"_s);

    m_proxy->setSourceModel(m_clicks);
    m_proxy->setSortRole(ThreatLogModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setAccessibleName(tr("Threat-protection log"));

    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    auto *when = new QHBoxLayout;
    when->addWidget(label(tr("&Log:"), m_log));
    when->addWidget(m_log);
    when->addSpacing(fontMetrics().averageCharWidth() * 2);
    when->addWidget(label(tr("&From:"), m_start));
    when->addWidget(m_start);
    when->addWidget(label(tr("&until:"), m_end));
    when->addWidget(m_end);
    when->addWidget(m_route);
    when->addWidget(m_result);
    when->addStretch(1);
    auto *what = new QHBoxLayout;
    what->addWidget(label(tr("U&RL contains:"), m_url));
    what->addWidget(m_url, 3);
    what->addWidget(label(tr("Message-&ID:"), m_messageId));
    what->addWidget(m_messageId, 2);
    what->addWidget(label(tr("At mos&t:"), m_limit));
    what->addWidget(m_limit);
    what->addWidget(m_search);
    auto *form = new QVBoxLayout;
    form->addLayout(when);
    form->addLayout(what);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_blockButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addLayout(bar);
    layout->addWidget(m_count);
    layout->addWidget(m_table, 1);

    const auto make = [this](const QString &name, const QString &text, const QKeySequence &key) {
        auto *action = new QAction(text, m_table);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setShortcutVisibleInContextMenu(true);
        m_table->addAction(action);
        return action;
    };
    m_block =
        make(u"threatLogBlockAction"_s, tr("&Block this URL…"), QKeySequence(Qt::CTRL | Qt::Key_B));
    m_block->setToolTip(tr("Add the clicked URL to URL Protect's blocked URLs, for everyone"));
    m_sameUrl = make(u"threatLogSameUrlAction"_s, tr("&Who else clicked this URL?"), {});
    m_findCopy = make(u"threatLogFindCopyAction"_s, tr("&Find every copy"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_export = new QAction(tr("E&xport log to CSV…"), this);
    m_export->setObjectName(u"threatLogExportAction"_s);

    connect(m_log, &QComboBox::currentIndexChanged, this, &ThreatLogsView::logChanged);
    connect(m_search, &QPushButton::clicked, this, &ThreatLogsView::search);
    for (QLineEdit *edit : {m_url, m_messageId})
        connect(edit, &QLineEdit::returnPressed, this, &ThreatLogsView::search);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updateActions();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ThreatLogsView::updateActions);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        auto *menu = new QMenu(this);
        menu->setObjectName(u"threatLogContextMenu"_s);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addActions(menuActions());
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_block, &QAction::triggered, this, &ThreatLogsView::blockCurrentUrl);
    connect(m_blockButton, &QPushButton::clicked, this, &ThreatLogsView::blockCurrentUrl);
    connect(m_sameUrl, &QAction::triggered, this, &ThreatLogsView::clicksOnCurrentUrl);
    connect(m_findCopy, &QAction::triggered, this, &ThreatLogsView::findCopyOfCurrent);
    connect(m_export, &QAction::triggered, this, &ThreatLogsView::exportRequested);
    connect(m_writer, &ManagedUrlWriter::busyChanged, this, &ThreatLogsView::updateActions);
    connect(session, &Session::clientChanged, this, &ThreatLogsView::updateActions);
    logChanged();
}

QList<QAction *> ThreatLogsView::menuActions() const
{
    return {m_block, m_sameUrl, m_findCopy, m_export};
}

ThreatLog ThreatLogsView::currentLog() const
{
    return ThreatLog(m_log->currentData().toInt());
}

void ThreatLogsView::setLog(ThreatLog log)
{
    m_log->setCurrentIndex(m_log->findData(int(log)));
}

ThreatLogModel *ThreatLogsView::model() const
{
    switch (currentLog()) {
    case ThreatLog::UrlClicks:
        return m_clicks;
    case ThreatLog::Attachments:
        return m_attachments;
    case ThreatLog::Impersonation:
        break;
    }
    return m_impersonations;
}

void ThreatLogsView::logChanged()
{
    const ThreatLog log = currentLog();
    m_result->clear();
    if (log == ThreatLog::Impersonation) {
        // No route filter on this log; its verdict is "tagged malicious" (§3.3).
        m_result->addItem(tr("Any verdict"), QString());
        m_result->addItem(tr("Tagged malicious"), u"true"_s);
        m_result->addItem(tr("Not tagged malicious"), u"false"_s);
    } else {
        for (const QString &value : ThreatLogQuery::resultValues(log))
            m_result->addItem(value == u"all"_s ? tr("Any result") : value, value);
    }
    m_route->setEnabled(log != ThreatLog::Impersonation);
    m_url->setEnabled(log == ThreatLog::UrlClicks);
    ThreatLogModel *source = model();
    m_proxy->setSourceModel(source);
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < source->columnCount(); ++column)
        m_table->setColumnHidden(column, source->hiddenColumns().contains(column));
    header->resizeSection(0, widgets::columnWidth(this, u"2026-12-31 23:59:59"_s));
    for (int column = 1; column < source->columnCount(); ++column)
        header->resizeSection(column, widgets::columnWidth(this, u"billing@invoices.example"_s));
    if (log == ThreatLog::UrlClicks)
        header->resizeSection(
            ClickLogModel::Url,
            widgets::columnWidth(this, u"https://login.example.net/verify?u=1"_s));
    m_table->sortByColumn(0, Qt::DescendingOrder);
    updateActions();
}

void ThreatLogsView::showClicks(const QString &url, const QString &messageId)
{
    setLog(ThreatLog::UrlClicks);
    m_url->setText(url.trimmed());
    m_messageId->setText(messageId.trimmed());
    m_result->setCurrentIndex(0);
    m_route->setCurrentIndex(0);
    m_filter->clear();
    const QDateTime now =
        m_session->client() ? m_session->client()->now() : QDateTime::currentDateTimeUtc();
    m_start->setDateTime(now.addDays(-kWhoClickedDays).toLocalTime());
    m_end->setDateTime(now.toLocalTime());
    search();
}

QString ThreatLogsView::inFormWords(const QString &problem)
{
    return widgets::inFormWords(problem, {{u"--scan-result"_s, tr("Result")},
                                          {u"--result"_s, tr("Result")},
                                          {u"--route"_s, tr("Route")},
                                          {u"--start"_s, tr("From")},
                                          {u"--end"_s, tr("Until")},
                                          {u"--limit"_s, tr("At most")},
                                          {u"--message-id"_s, tr("Message-ID")},
                                          {u"--url"_s, tr("URL contains")}});
}

void ThreatLogsView::search()
{
    const ThreatLog log = currentLog();
    actions::ActionArgs args;
    args.periodStart = m_start->dateTime().toUTC().toString(Qt::ISODate);
    args.periodEnd = m_end->dateTime().toUTC().toString(Qt::ISODate);
    args.rowLimit = QString::number(m_limit->value());
    ThreatLogQuery &q = args.threatQuery;
    q.log = log;
    const QString result = m_result->currentData().toString();
    if (log == ThreatLog::Impersonation) {
        if (!result.isEmpty())
            q.taggedMalicious = result == u"true"_s;
    } else {
        q.route = m_route->currentData().toString();
        q.result = result == u"all"_s ? QString() : result;
        if (log == ThreatLog::UrlClicks)
            q.urlContains = m_url->text().trimmed();
    }
    q.messageId = m_messageId->text().trimmed();
    // The actions layer checks again; checking here keeps the error beside the form.
    ThreatLogQuery check = q;
    check.start = m_start->dateTime().toUTC();
    check.end = m_end->dateTime().toUTC();
    const QDateTime now =
        m_session->client() ? m_session->client()->now() : QDateTime::currentDateTimeUtc();
    if (const QString bad = check.validate(now); !bad.isEmpty()) {
        m_error->setText(inFormWords(bad));
        m_error->show();
        return;
    }
    m_error->hide();
    const common::LatestRequest::Ticket ticket = m_request.next();
    actions::ActionRunner *runner =
        m_session->runAction(actionOf(log), args, tr("Reading %1").arg(check.describe()));
    if (!runner) {
        m_error->setText(tr("Not searched: there is no working connection."));
        m_error->show();
        return;
    }
    m_searching = true;
    m_count->setText(tr("Reading %1…").arg(check.describe()));
    connect(runner, &actions::ActionRunner::finished, this, [this, runner, ticket, log] {
        if (!m_request.isCurrent(ticket))
            return;
        m_searching = false;
        const actions::ActionOutcome &outcome = runner->outcome();
        if (!outcome.success) {
            m_error->setText(inFormWords(outcome.message));
            m_error->show();
            m_count->setText(tr("The search failed; the rows below are from before."));
        } else {
            setLog(log);
            model()->setRows(outcome.threatRows);
            m_count->setText(outcome.message); // the notes are in it
            if (m_proxy->rowCount() > 0)
                m_table->setCurrentIndex(m_proxy->index(0, 0));
        }
        updateActions();
        emit searchFinished();
    });
}

QModelIndex ThreatLogsView::currentSource() const
{
    return m_proxy->mapToSource(m_table->currentIndex());
}

void ThreatLogsView::updateActions()
{
    const QModelIndex current = currentSource();
    const bool connected = m_session->client() != nullptr;
    const bool hasUrl = current.isValid() && !model()->url(current.row()).isEmpty();
    m_block->setEnabled(hasUrl && connected && !m_writer->isBusy());
    m_blockButton->setEnabled(m_block->isEnabled());
    m_blockButton->setVisible(currentLog() == ThreatLog::UrlClicks);
    m_sameUrl->setEnabled(hasUrl && connected);
    m_findCopy->setEnabled(current.isValid() && connected &&
                           !model()->messageId(current.row()).isEmpty());
    m_export->setEnabled(m_proxy->rowCount() > 0);
}

void ThreatLogsView::blockCurrentUrl()
{
    const QModelIndex current = currentSource();
    if (!current.isValid() || !m_block->isEnabled())
        return;
    m_writer->openDialog(model()->url(current.row()));
}

void ThreatLogsView::clicksOnCurrentUrl()
{
    const QModelIndex current = currentSource();
    if (current.isValid())
        showClicks(model()->url(current.row()), QString());
}

void ThreatLogsView::findCopyOfCurrent()
{
    const QModelIndex current = currentSource();
    if (!current.isValid())
        return;
    QString sender;
    QString subject;
    if (currentLog() == ThreatLog::UrlClicks) {
        sender = m_clicks->click(current.row()).sender;
        subject = m_clicks->click(current.row()).subject;
    }
    emit findEveryCopyRequested(model()->messageId(current.row()), sender, subject);
}

void ThreatLogsView::exportRequested()
{
    const QString name = ThreatLogQuery::logName(currentLog());
    const QString suggested =
        QDir::home().filePath(u"%1-%2.csv"_s.arg(name, QDate::currentDate().toString(Qt::ISODate)));
    const QString path =
        dialogs::saveFileName(this, {tr("Export threat log"), suggested, tr("CSV files (*.csv)"),
                                     u"threatLogExportDialog"_s});
    if (!path.isEmpty())
        exportTo(path);
}

bool ThreatLogsView::exportTo(const QString &path)
{
    QString error;
    const qint64 rows = heldexport::writeView(path, m_proxy, m_table->horizontalHeader(),
                                              ThreatLogModel::ExportRole, &error);
    if (rows < 0) {
        m_session->reportError(
            tr("The log could not be exported to %1.").arg(QDir::toNativeSeparators(path)), error);
        return false;
    }
    m_session->showStatus(heldformat::plural(int(rows), tr("Exported 1 log row to %2"),
                                             tr("Exported %1 log rows to %2"))
                              .arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace mcdesk::ui
