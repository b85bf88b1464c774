#pragma once

#include "core/simulator/simdata.h"

#include <QJsonObject>
#include <QVector>

namespace mcdesk::sim {

// Threat Remediation incidents. An incident created through the API claims the delivered
// rows it identified; each settles at its own moment within SimConfig::remediationSettleMs
// of the create (evenly spread), so successful + failed climb to identified as the clock
// runs, computed when read (no timers). About one row in seven fails, decided by its id.

// A few settled incidents of the last weeks: manual, automatic, notify only, restored.
void seedIncidents(SimData *data, qint64 nowMs);

// "TR-0001-00007-A": the seed's four digits and a five-digit sequence.
QString incidentCode(quint32 seed, int sequence);

struct IncidentCounts
{
    int identified = 0, successful = 0, failed = 0, restored = 0;
    qint64 modifiedMs = 0;
};
IncidentCounts incidentCounts(const SimData &data, const Incident &incident, qint64 nowMs);

// Files a manual incident for `rows` (which must be unclaimed) and returns its index.
int createIncident(SimData *data, int settleMs, const QVector<int> &rows, const QString &reason,
                   const QString &operatorName, const QJsonObject &searchCriteria, qint64 nowMs);

// The incident object (mimecast-respond.md §4.3) with its counts as of nowMs; `asCreated`
// gives the counts of the create reply: identified only, nothing settled yet.
QJsonObject incidentJson(const SimData &data, const Incident &incident, qint64 nowMs,
                         bool asCreated = false);

// 32, 40 or 64 hex digits: MD5, SHA-1 or SHA-256.
bool isHexHash(const QString &text);

} // namespace mcdesk::sim
