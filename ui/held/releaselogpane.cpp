#include "ui/held/releaselogpane.h"
#include "core/held/heldformat.h"

#include "ui/held/releaselogmodel.h"
#include "ui/shell/session.h"

#include "core/held/releaselog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

ReleaseLogPane::ReleaseLogPane(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ReleaseLogModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_range(new QComboBox(this))
    , m_operator(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
{
    m_range->setObjectName(u"releaseLogRange"_s);
    m_range->addItem(tr("Last 24 hours"), 1);
    m_range->addItem(tr("Last 7 days"), 7);
    m_range->addItem(tr("Last 14 days"), 14);
    m_range->addItem(tr("Last 30 days"), 30);
    m_range->setCurrentIndex(1);
    m_operator->setObjectName(u"releaseLogOperator"_s);
    m_operator->setPlaceholderText(tr("Operator…"));
    m_operator->setClearButtonEnabled(true);
    m_operator->setToolTip(tr("Show only what this operator released or rejected"));
    auto *refresh = new QPushButton(tr("Reload"), this);
    refresh->setObjectName(u"releaseLogReload"_s);
    m_count->setObjectName(u"releaseLogCount"_s);
    m_count->setTextFormat(Qt::PlainText);
    m_count->setForegroundRole(QPalette::PlaceholderText);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReleaseLogModel::SortRole);
    m_proxy->setFilterKeyColumn(ReleaseLogModel::Operator);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setObjectName(u"releaseLogTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ReleaseLogModel::Time, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    const QList<std::pair<int, QString>> samples{
        {ReleaseLogModel::Time, u"2026-12-31 23:59"_s},
        {ReleaseLogModel::Operator, u"analyst@demo.example"_s},
        {ReleaseLogModel::Action, u"Released to sandbox"_s},
        {ReleaseLogModel::From, u"liam.nguyen@supplier.example"_s},
        {ReleaseLogModel::To, u"jose.alvarez@demo.example"_s},
        {ReleaseLogModel::Subject, u"Your parcel 2483 could not be delivered"_s},
        {ReleaseLogModel::Policy, u"Hold Executable Attachments"_s}};
    for (const auto &[column, sample] : samples)
        m_table->setColumnWidth(column, fontMetrics().horizontalAdvance(sample) +
                                            fontMetrics().averageCharWidth() * 3 + 12);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Time:"), this));
    bar->addWidget(m_range);
    bar->addWidget(m_operator, 1);
    bar->addWidget(refresh);
    bar->addStretch(2);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_range, &QComboBox::activated, this, &ReleaseLogPane::reload);
    connect(refresh, &QPushButton::clicked, this, &ReleaseLogPane::reload);
    connect(m_operator, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateCount();
    });
}

void ReleaseLogPane::ensureLoaded()
{
    if (!m_loadedOnce && !m_loading)
        reload();
}

void ReleaseLogPane::reload()
{
    const common::LatestRequest::Ticket query = m_model->beginQuery();
    api::ApiClient *client = m_session->client();
    if (!client) {
        m_count->setText(tr("Not connected"));
        return;
    }
    // Mimecast dates have whole seconds: a minute of slack keeps what happened this second.
    const QDateTime now = client->now().toUTC();
    const QDateTime start = now.addDays(-m_range->currentData().toInt());
    const QDateTime end = now.addSecs(60);
    auto *op = new held::GetHeldReleaseLogs(client, start, end, 5000, this);
    m_loading = true;
    m_count->setText(tr("Loading the release log…"));
    connect(op, &held::GetHeldReleaseLogs::pageArrived, this,
            [this, query](const QList<held::ReleaseLogEntry> &entries) {
                if (m_model->appendPage(query, entries))
                    updateCount();
            });
    connect(op, &held::GetHeldReleaseLogs::finished, this, [this, op, query] {
        op->deleteLater();
        if (!m_model->isCurrent(query))
            return;
        m_loading = false;
        m_loadedOnce = true;
        if (op->error().isError() && op->error().kind != api::ApiError::Kind::Cancelled)
            m_session->reportApiError(tr("The release log could not be loaded."), op->error());
        updateCount();
        emit loaded();
    });
    op->start();
}

void ReleaseLogPane::updateCount()
{
    const QLocale locale;
    QString text = heldformat::plural(m_proxy->rowCount(), tr("1 entry"), tr("%1 entries"));
    if (m_proxy->rowCount() != m_model->rowCount())
        text = tr("%1 of %2 entries")
                   .arg(locale.toString(m_proxy->rowCount()), locale.toString(m_model->rowCount()));
    if (m_loading)
        text += tr(" · loading…");
    m_count->setText(text);
}

} // namespace mcdesk::ui
