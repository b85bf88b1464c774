#include "ui/investigate/incidentsview.h"

#include "core/held/heldformat.h"
#include "ui/common/widgets.h"
#include "ui/investigate/incidentmodel.h"
#include "ui/investigate/incidentpanel.h"
#include "ui/shell/session.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr int kDaysBack = 30;

} // namespace

IncidentsView::IncidentsView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_start(widgets::dateTimeEdit(u"incidentsStart"_s,
                                    QDateTime::currentDateTimeUtc().addDays(-kDaysBack), this))
    , m_end(widgets::dateTimeEdit(u"incidentsEnd"_s, QDateTime::currentDateTimeUtc().addSecs(3600),
                                  this))
    , m_searchField(new QComboBox(this))
    , m_searchValue(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_refresh(new QPushButton(tr("&List incidents"), this))
    , m_status(new QLabel(this))
    , m_model(new IncidentModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(widgets::makeTable(u"incidentsTable"_s, this))
    , m_panel(new IncidentPanel(session, this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(u"incidentsView"_s);
    m_searchField->setObjectName(u"incidentsSearchField"_s);
    m_searchField->addItem(tr("Search any field"), u"all"_s);
    m_searchField->addItem(tr("Code"), u"code"_s);
    m_searchField->addItem(tr("File hash"), u"file_hash"_s);
    m_searchField->addItem(tr("Reason"), u"reason"_s);
    m_searchValue->setObjectName(u"incidentsSearch"_s);
    m_searchValue->setPlaceholderText(tr("code, SHA-256 or reason"));
    m_searchValue->setClearButtonEnabled(true);
    m_type->setObjectName(u"incidentsType"_s);
    m_type->addItem(tr("Any type"), QString());
    m_type->addItem(tr("Notify only"), u"notify_only"_s);
    m_type->addItem(tr("Automatic"), u"automatic"_s);
    m_type->addItem(tr("Manual"), u"manual"_s);
    m_type->addItem(tr("Restored"), u"restored"_s);
    m_refresh->setObjectName(u"incidentsRefresh"_s);
    m_status->setObjectName(u"incidentsStatus"_s);
    m_status->setTextFormat(Qt::PlainText);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(IncidentModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(IncidentModel::Created, Qt::DescendingOrder);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAccessibleName(tr("Remediation incidents"));
    QHeaderView *header = m_table->horizontalHeader();
    header->resizeSection(IncidentModel::Code, widgets::columnWidth(this, u"TR-ABCD1234-0000"_s));
    header->resizeSection(IncidentModel::Type, widgets::columnWidth(this, u"notify_only"_s));
    header->resizeSection(IncidentModel::Created,
                          widgets::columnWidth(this, u"2026-12-31 23:59:59"_s));
    header->resizeSection(IncidentModel::Reason,
                          widgets::columnWidth(this, u"INC-2041 phish wave"_s));
    header->resizeSection(IncidentModel::Criteria,
                          widgets::columnWidth(this, u"Message-ID <a1b2c3d4e5f6@mail.example>"_s));

    auto *filters = new QHBoxLayout;
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    filters->addWidget(label(tr("Created &from:"), m_start));
    filters->addWidget(m_start);
    filters->addWidget(label(tr("&until:"), m_end));
    filters->addWidget(m_end);
    filters->addWidget(m_type);
    filters->addWidget(m_searchField);
    filters->addWidget(m_searchValue, 1);
    filters->addWidget(m_refresh);

    auto *list = new QWidget(m_splitter);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_status);
    listLayout->addWidget(m_table, 1);
    m_splitter->setObjectName(u"incidentsSplitter"_s);
    m_splitter->addWidget(list);
    m_splitter->addWidget(m_panel);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_refresh, &QPushButton::clicked, this, &IncidentsView::reload);
    connect(m_searchValue, &QLineEdit::returnPressed, this, &IncidentsView::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &IncidentsView::showCurrent);
    connect(m_panel, &IncidentPanel::incidentUpdated, m_model, &IncidentModel::update);
}

void IncidentsView::reload()
{
    actions::ActionArgs args;
    args.periodStart = m_start->dateTime().toUTC().toString(Qt::ISODate);
    args.periodEnd = m_end->dateTime().toUTC().toString(Qt::ISODate);
    if (const QString value = m_searchValue->text().trimmed(); !value.isEmpty()) {
        args.incidentQuery.searchField = m_searchField->currentData().toString();
        args.incidentQuery.searchValue = value;
    }
    if (const QString type = m_type->currentData().toString(); !type.isEmpty())
        args.incidentQuery.types = {type};
    const common::LatestRequest::Ticket ticket = m_list.next();
    actions::ActionRunner *runner = m_session->runAction(actions::ActionId::ListIncidents, args);
    if (!runner) {
        m_status->setText(tr("Not listed: there is no working connection."));
        return;
    }
    m_status->setText(tr("Listing incidents…"));
    connect(runner, &actions::ActionRunner::finished, this, [this, runner, ticket] {
        if (!m_list.isCurrent(ticket))
            return;
        const actions::ActionOutcome &outcome = runner->outcome();
        m_loaded = true;
        if (!outcome.success) {
            m_status->setText(tr("The incidents could not be listed: %1").arg(outcome.message));
            emit loaded();
            return;
        }
        const QString followed = m_panel->incident() ? m_panel->incident()->id : QString();
        m_model->setIncidents(outcome.incidents);
        QString text = heldformat::plural(int(outcome.incidents.size()), tr("1 incident."),
                                          tr("%1 incidents."));
        for (const QString &note : outcome.notes)
            text += u' ' + note;
        m_status->setText(text);
        if (const int row = m_model->rowOf(followed); row >= 0)
            m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
        emit loaded();
    });
}

void IncidentsView::follow(const respond::RemediationIncident &incident)
{
    m_model->update(incident);
    const int row = m_model->rowOf(incident.id);
    m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
    m_panel->showIncident(incident);
}

void IncidentsView::showCurrent()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid())
        return; // keep following the incident shown
    const respond::RemediationIncident &incident = m_model->incident(current.row());
    // The panel keeps its fresher copy of the incident it already follows.
    if (m_panel->incident() && m_panel->incident()->id == incident.id)
        return;
    m_panel->showIncident(incident);
}

} // namespace mcdesk::ui
