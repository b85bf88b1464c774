#include "ui/investigate/incidentpanel.h"

#include "core/held/heldformat.h"
#include "ui/common/palette.h"
#include "ui/shell/session.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
QLabel *plainLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *countLabel(const QString &name, QWidget *parent)
{
    QLabel *label = plainLabel(name, parent);
    QFont big = label->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    label->setFont(big);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(false);
    return label;
}
} // namespace

IncidentPanel::IncidentPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_code(plainLabel(u"incidentCode"_s, this))
    , m_details(plainLabel(u"incidentDetails"_s, this))
    , m_identified(countLabel(u"incidentIdentified"_s, this))
    , m_removed(countLabel(u"incidentRemoved"_s, this))
    , m_failed(countLabel(u"incidentFailed"_s, this))
    , m_restored(countLabel(u"incidentRestored"_s, this))
    , m_state(plainLabel(u"incidentState"_s, this))
    , m_restore(plainLabel(u"incidentRestoreNote"_s, this))
    , m_refresh(new QPushButton(tr("Re&fresh incident"), this))
    , m_timer(new QTimer(this))
{
    setObjectName(u"incidentPanel"_s);
    QFont bold = m_code->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_code->setFont(bold);
    m_restore->setForegroundRole(QPalette::PlaceholderText);
    m_restore->setText(tr("Restore removed messages in the Mimecast console (Threat "
                          "Remediation, this incident, Restore): Mimecast offers no API for "
                          "it."));
    m_refresh->setObjectName(u"incidentRefresh"_s);

    auto *counts = new QGridLayout;
    const QStringList names{tr("Identified"), tr("Removed"), tr("Failed"), tr("Restored")};
    const QList<QLabel *> values{m_identified, m_removed, m_failed, m_restored};
    for (int i = 0; i < values.size(); ++i) {
        counts->addWidget(values.at(i), 0, i);
        auto *name = new QLabel(names.at(i), this);
        name->setAlignment(Qt::AlignCenter);
        name->setForegroundRole(QPalette::PlaceholderText);
        counts->addWidget(name, 1, i);
    }
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_state, 1);
    bottom->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_code);
    layout->addWidget(m_details);
    layout->addLayout(counts);
    layout->addLayout(bottom);
    layout->addWidget(m_restore);
    layout->addStretch(1);

    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &IncidentPanel::refreshNow);
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        m_intervalMs = m_firstMs;
        refreshNow();
    });
    showIncident(std::nullopt);
}

void IncidentPanel::setPollIntervals(int firstMs, int maxMs)
{
    m_firstMs = firstMs;
    m_maxMs = maxMs;
    m_intervalMs = firstMs;
}

bool IncidentPanel::isPolling() const
{
    return m_timer->isActive() || m_reading;
}

void IncidentPanel::showIncident(const std::optional<respond::RemediationIncident> &incident)
{
    const bool same = incident && m_incident && incident->id == m_incident->id;
    m_incident = incident;
    if (!same) {
        m_read.next(); // a read still on its way belongs to the previous incident
        m_reading = false;
        m_intervalMs = m_firstMs;
        m_timer->stop();
    }
    render();
    if (m_incident && stillMoving(*m_incident) && !m_timer->isActive() && !m_reading)
        schedule();
}

void IncidentPanel::schedule()
{
    m_timer->start(m_intervalMs);
    m_intervalMs = qMin(m_intervalMs * 2, m_maxMs);
}

void IncidentPanel::refreshNow()
{
    if (!m_incident || m_reading)
        return;
    m_timer->stop();
    actions::ActionArgs args;
    args.incidentId = m_incident->id;
    actions::ActionRunner *runner = m_session->runAction(actions::ActionId::GetIncident, args);
    if (!runner) {
        m_state->setText(tr("Not refreshed: there is no working connection."));
        return;
    }
    m_reading = true;
    const common::LatestRequest::Ticket ticket = m_read.current();
    connect(runner, &actions::ActionRunner::finished, this, [this, runner, ticket] {
        if (!m_read.isCurrent(ticket))
            return;
        m_reading = false;
        const actions::ActionOutcome &outcome = runner->outcome();
        if (!outcome.success || outcome.incidents.isEmpty()) {
            // Reading again on a schedule would repeat the same failure; the button retries.
            m_state->setText(tr("Could not read the incident: %1").arg(outcome.message));
            return;
        }
        m_incident = outcome.incidents.constFirst();
        render();
        emit incidentUpdated(*m_incident);
        if (stillMoving(*m_incident))
            schedule();
    });
}

void IncidentPanel::render()
{
    const bool shown = m_incident.has_value();
    m_refresh->setEnabled(shown);
    m_restore->setVisible(shown);
    if (!shown) {
        m_code->setText(tr("No incident selected"));
        m_details->setText(tr("Remove a message from all mailboxes, or select an incident "
                              "in the list, to follow it here."));
        for (QLabel *l : {m_identified, m_removed, m_failed, m_restored})
            l->setText(u"–"_s);
        m_state->clear();
        return;
    }
    const respond::RemediationIncident &i = *m_incident;
    m_code->setText(tr("Incident %1").arg(i.code.isEmpty() ? i.id : i.code));
    QStringList details;
    details << tr("Type: %1").arg(i.type);
    if (!i.reason.isEmpty())
        details << tr("Reason: %1").arg(i.reason);
    if (const QString what = i.criteriaText(); !what.isEmpty())
        details << tr("Searched for: %1").arg(what);
    if (i.searchStart.isValid())
        details << tr("Received between %1 and %2")
                       .arg(heldformat::localTime(i.searchStart),
                            i.searchEnd.isValid() ? heldformat::localTime(i.searchEnd) : tr("now"));
    if (i.created.isValid())
        details << tr("Created %1%2")
                       .arg(heldformat::localTime(i.created),
                            i.remediatedBy.isEmpty() ? QString()
                                                     : tr(" by %1").arg(i.remediatedBy));
    m_details->setText(details.join(u'\n'));
    m_identified->setText(QString::number(i.identified));
    m_removed->setText(QString::number(i.successful));
    m_failed->setText(QString::number(i.failed));
    m_restored->setText(QString::number(i.restored));
    QPalette pal = m_failed->palette();
    pal.setColor(QPalette::WindowText, i.failed > 0
                                           ? palette::statusColor(palette::Status::Bad, palette())
                                           : palette().color(QPalette::WindowText));
    m_failed->setPalette(pal);
    const QString at = QTime::currentTime().toString(u"HH:mm:ss"_s);
    if (stillMoving(i))
        m_state->setText(i.identified == 0
                             ? tr("Searching the mailboxes… read at %1; reading again.").arg(at)
                             : tr("Removing… %1 of %2 done, read at %3; reading again.")
                                   .arg(i.successful + i.failed)
                                   .arg(i.identified)
                                   .arg(at));
    else if (i.failed > 0)
        m_state->setText(tr("Settled (read at %1): %2 could not be removed; the console lists "
                            "them under this incident.")
                             .arg(at)
                             .arg(i.failed));
    else if (i.identified == 0)
        m_state->setText(tr("Settled (read at %1): no message matched.").arg(at));
    else
        m_state->setText(tr("Settled (read at %1): every identified copy was removed.").arg(at));
}

bool IncidentPanel::stillMoving(const respond::RemediationIncident &i)
{
    if (!i.settled())
        return true;
    // Right after the create Mimecast may not have searched yet; nothing identified then is
    // not an answer, so a young incident is read a few more times.
    return i.identified == 0 && i.created.isValid() &&
           i.created.secsTo(QDateTime::currentDateTimeUtc()) < kSearchGraceSeconds;
}

} // namespace mcdesk::ui
