#include "ui/archive/archiveresultspanel.h"

#include "core/archive/archivequeryxml.h"
#include "core/archive/archivesearch.h"
#include "ui/archive/archivedetailpane.h"
#include "ui/archive/archiveexportcontroller.h"
#include "ui/archive/archiveresultsfilter.h"
#include "ui/archive/archiveresultsmodel.h"
#include "ui/archive/resultstableactions.h"
#include "ui/common/uilogging.h"
#include "ui/shell/session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
// Typical content of each documented field, so the grid opens readable without measuring
// 100,000 rows (ResizeToContents would).
QString widthSample(const QString &field)
{
    static const QHash<QString, QString> samples{
        {u"receiveddate"_s, u"2026-12-31 23:59:59"_s},
        {u"displayfrom"_s, u"Alexandra Example-Name"_s},
        {u"displayfromaddress"_s, u"alexandra.name@example.com"_s},
        {u"displayto"_s, u"Alexandra Example-Name"_s},
        {u"displaytoaddresslist"_s, u"alexandra.name@example.com; b@x.com"_s},
        {u"subject"_s, u"Re: Invoice 2026-0042 overdue — please review today"_s},
        {u"attachmentcount"_s, u"Attachments"_s},
        {u"size"_s, u"1,000.0 KB"_s},
        {u"status"_s, u"ARCHIVED"_s},
        {u"smash"_s, u"b1946ac92492d2347c6235b4"_s},
    };
    return samples.value(field.toLower(), u"eNoFyEEKgCAQAMCvuA8IRSURSS"_s);
}
} // namespace

ArchiveResultsPanel::ArchiveResultsPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ArchiveResultsModel(this))
    , m_filter(new ArchiveResultsFilter(m_model, this))
    , m_title(new QLabel(tr("Results"), this))
    , m_summary(new QLabel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_exportCsv(new QPushButton(tr("Export CSV…"), this))
    , m_exportJson(new QPushButton(tr("Export JSON…"), this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_table(new QTableView(this))
    , m_detail(new ArchiveDetailPane(session, this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_actions(new ResultsTableActions(m_table, m_filter, m_model, this))
    , m_export(new ArchiveExportController(session, m_filter, m_table, this))
{
    setObjectName(u"archiveResults"_s);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setObjectName(u"resultTitle"_s);
    m_summary->setObjectName(u"resultSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_filterEdit->setObjectName(u"resultFilter"_s);
    m_filterEdit->setPlaceholderText(tr("Filter results (every column)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 18);
    m_stop->setObjectName(u"stopSearch"_s);
    m_stop->setToolTip(tr("Stop asking for more pages; the rows already here stay."));
    m_exportCsv->setObjectName(u"exportCsv"_s);
    m_exportJson->setObjectName(u"exportJson"_s);

    m_table->setObjectName(u"archiveResultsTable"_s);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setCornerButtonEnabled(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setSortIndicator(-1, Qt::AscendingOrder); // the server's order: newest first
    m_table->setSortingEnabled(true);
    connect(header, &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        const QString field =
            m_model->headerData(logical, Qt::Horizontal, ArchiveResultsModel::FieldRole).toString();
        if (!field.isEmpty() && logical != m_model->columnCount() - 1)
            m_widths.insert(field, size);
    });

    m_placeholder->setObjectName(u"resultPlaceholder"_s);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_table);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title);
    bar->addSpacing(fontMetrics().averageCharWidth() * 2);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_filterEdit);
    bar->addWidget(m_stop);
    bar->addWidget(m_exportCsv);
    bar->addWidget(m_exportJson);
    auto *top = new QWidget(m_splitter);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_stack, 1);
    m_splitter->setObjectName(u"archiveResultsSplitter"_s);
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(150);
    connect(m_filterEdit, &QLineEdit::textChanged, &m_filterDelay, qOverload<>(&QTimer::start));
    connect(&m_filterDelay, &QTimer::timeout, this,
            [this] { m_filter->setQuickFilter(m_filterEdit->text()); });
    connect(m_stop, &QPushButton::clicked, this, &ArchiveResultsPanel::stop);
    connect(m_exportCsv, &QPushButton::clicked, this,
            [this] { m_export->exportInteractive(ExportFormat::Csv); });
    connect(m_exportJson, &QPushButton::clicked, this,
            [this] { m_export->exportInteractive(ExportFormat::Json); });
    connect(m_export, &ArchiveExportController::runningChanged, this,
            &ArchiveResultsPanel::updateState);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &ArchiveResultsPanel::updateSummary);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ArchiveResultsPanel::updateSummary);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this,
            &ArchiveResultsPanel::updateSummary);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ArchiveResultsPanel::currentRowChanged);
    connect(m_actions, &ResultsTableActions::blockSenderRequested, this,
            &ArchiveResultsPanel::blockSenderRequested);
    connect(m_actions, &ResultsTableActions::showHeldFromSenderRequested, this,
            &ArchiveResultsPanel::showHeldFromSenderRequested);
    connect(m_actions, &ResultsTableActions::findEveryCopyRequested, this,
            [this](const QString &sender, const QString &subject) {
                // The detail pane follows the current row, so its Message-ID is this row's.
                emit findEveryCopyRequested(m_detail->messageId(), sender, subject);
            });
    connect(m_actions, &ResultsTableActions::searchSenderRequested, this,
            &ArchiveResultsPanel::searchSenderRequested);
    // A search belongs to the client it was sent with; the old one is about to go away.
    connect(session, &Session::clientChanged, this, [this] {
        if (isRunning())
            abandon(tr("Stopped: the connection changed"));
    });
    updateState();
    updateSummary();
}

ArchiveResultsPanel::~ArchiveResultsPanel()
{
    if (m_task)
        m_session->endTask(m_task);
}

bool ArchiveResultsPanel::run(const QString &xml, int limit, const QString &title,
                              const QStringList &fields)
{
    api::ApiClient *client = m_session->client();
    if (!client) {
        m_session->reportError(tr("Not connected: connect to a Mimecast account (or start the "
                                  "demo) before searching the archive."));
        return false;
    }
    if (isRunning())
        abandon(tr("Replaced by a new search"));
    QStringList columns = fields;
    if (columns.isEmpty()) {
        const archive::ParseResult parsed = archive::fromXml(xml);
        if (parsed.ok())
            columns = parsed.query.metadata.returnFields;
    }
    if (columns.isEmpty()) // Mimecast returns every field when none is named
        columns = archive::documentedReturnFields();

    m_detail->clear();
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_filter->sort(-1);
    m_model->reset(columns);
    applyColumnWidths();
    m_xml = xml;
    m_limit = limit;
    m_pages = 0;
    m_queryMs = 0;
    m_outcome.clear();
    m_title->setText(title);

    m_search = new archive::ArchiveSearch(client, xml, limit, this);
    connect(m_search, &archive::ArchiveSearch::pageArrived, this,
            &ArchiveResultsPanel::pageArrived);
    connect(m_search, &archive::ArchiveSearch::finished, this, &ArchiveResultsPanel::finished);
    m_task = m_session->beginTask(tr("Searching the archive"),
                                  [self = QPointer<ArchiveResultsPanel>(this)] {
                                      if (self)
                                          self->stop();
                                  });
    m_session->progress(m_task, 0, limit);
    qCInfo(lcUiArchive) << "archive search started, limit" << limit;
    m_clock.start();
    m_search->start();
    updateState();
    updateSummary();
    emit searchStarted();
    return true;
}

bool ArchiveResultsPanel::isRunning() const
{
    return m_search != nullptr;
}

void ArchiveResultsPanel::stop()
{
    if (!m_search)
        return;
    m_stop->setEnabled(false);
    m_summary->setText(tr("Stopping…"));
    m_search->cancel(); // finished() follows with a Cancelled error
}

void ArchiveResultsPanel::pageArrived(const QJsonArray &emails)
{
    m_model->appendEmails(emails);
    m_pages = m_search ? m_search->pages() : m_pages;
    m_session->progress(m_task, m_model->rowCount(), m_limit);
    updateState();
    updateSummary();
}

void ArchiveResultsPanel::finished()
{
    archive::ArchiveSearch *search = m_search;
    m_search = nullptr;
    search->deleteLater();
    m_pages = search->pages();
    m_queryMs = search->queryDurationMs();
    m_session->endTask(m_task);
    m_task = 0;
    const api::ApiError &error = search->error();
    if (error.kind == api::ApiError::Kind::Cancelled) {
        m_outcome = tr("stopped");
    } else if (error.isError()) {
        m_outcome = tr("failed: %1").arg(error.message);
        m_session->reportApiError(tr("Archive search"), error);
    } else if (m_model->rowCount() >= m_limit) {
        m_outcome = tr("limit of %L1 reached").arg(m_limit);
    }
    qCInfo(lcUiArchive) << "archive search finished:" << m_model->rowCount() << "rows," << m_pages
                        << "pages," << m_clock.elapsed() << "ms";
    updateState();
    updateSummary();
    emit searchFinished();
}

void ArchiveResultsPanel::abandon(const QString &why)
{
    archive::ArchiveSearch *search = m_search;
    m_search = nullptr;
    search->disconnect(this);
    search->cancel();
    search->deleteLater();
    m_session->endTask(m_task);
    m_task = 0;
    m_outcome = why;
    updateState();
    updateSummary();
    emit searchFinished();
}

void ArchiveResultsPanel::updateSummary()
{
    const int rows = m_model->rowCount();
    const QString messages = rows == 1 ? tr("1 message") : tr("%L1 messages").arg(rows);
    QStringList parts;
    if (m_filter->isFiltering())
        parts << tr("%L1 of %2 shown").arg(m_filter->rowCount()).arg(messages);
    else if (!m_xml.isEmpty())
        parts << messages;
    if (isRunning()) {
        parts << tr("page %L1").arg(m_pages + 1) << tr("searching…");
    } else if (!m_xml.isEmpty()) {
        parts << (m_pages == 1 ? tr("1 page") : tr("%L1 pages").arg(m_pages));
        parts << tr("server query time %L1 ms").arg(m_queryMs);
        if (!m_outcome.isEmpty())
            parts << m_outcome;
    }
    m_summary->setText(parts.join(u"  ·  "_s));
}

void ArchiveResultsPanel::updateState()
{
    const bool running = isRunning();
    const bool rows = m_model->rowCount() > 0;
    m_stop->setEnabled(running);
    m_exportCsv->setEnabled(rows && !m_export->isRunning());
    m_exportJson->setEnabled(rows && !m_export->isRunning());
    m_filterEdit->setEnabled(rows);
    m_detail->setVisible(rows || running); // nothing to detail before the first search
    if (rows || running) {
        m_stack->setCurrentWidget(m_table);
        return;
    }
    m_placeholder->setText(
        m_xml.isEmpty()
            ? tr("Fill in the search on the left and choose Run.\nResults arrive here page by "
                 "page; select one to see its headers, attachments and body preview.")
            : tr("No messages matched this search.\nWiden the time frame or remove a "
                 "condition, then run it again."));
    m_stack->setCurrentWidget(m_placeholder);
}

void ArchiveResultsPanel::currentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    if (m_model->columnOf(u"id"_s) < 0) {
        m_detail->clear(tr("This query does not return the id field, so the message's details "
                           "cannot be fetched. Add \"id\" to the fields to return."));
        return;
    }
    const QString id = m_model->value(m_filter->mapToSource(current).row(), u"id"_s);
    if (id.isEmpty())
        m_detail->clear(tr("Mimecast returned no id for this message."));
    else
        m_detail->showMessage(id);
}

void ArchiveResultsPanel::applyColumnWidths()
{
    QHeaderView *header = m_table->horizontalHeader();
    const int pad = fontMetrics().averageCharWidth() * 3;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const QString field = m_model->fields().at(c);
        const int width =
            m_widths.value(field, fontMetrics().horizontalAdvance(widthSample(field)) + pad);
        header->resizeSection(c, width);
    }
}

void ArchiveResultsPanel::saveLayout(QSettings &settings) const
{
    settings.setValue(u"resultsSplitter"_s, m_splitter->saveState());
    QVariantMap widths;
    for (auto it = m_widths.cbegin(); it != m_widths.cend(); ++it)
        widths.insert(it.key(), it.value());
    settings.setValue(u"columnWidths"_s, widths);
}

void ArchiveResultsPanel::restoreLayout(QSettings &settings)
{
    m_splitter->restoreState(settings.value(u"resultsSplitter"_s).toByteArray());
    const QVariantMap widths = settings.value(u"columnWidths"_s).toMap();
    for (auto it = widths.cbegin(); it != widths.cend(); ++it)
        if (it.value().toInt() > 0)
            m_widths.insert(it.key(), it.value().toInt());
    applyColumnWidths();
}

} // namespace mcdesk::ui
