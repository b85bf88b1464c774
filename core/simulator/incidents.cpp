#include "core/simulator/incidents.h"

#include "core/simulator/envelope.h"
#include "core/simulator/tracking.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

struct SeededIncident
{
    int daysAgo;
    QString type, reason, by;
    QString messageId, fileHash, url; // the one criterion it searched by
    int identified, successful, failed, restored;
};

QString sha256Of(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject criteria(const QString &messageId, const QString &fileHash, const QString &url,
                     qint64 startMs, qint64 endMs)
{
    return {{u"messageId"_s, orNull(messageId)},
            {u"messageIds"_s, messageId.isEmpty() ? QJsonArray() : QJsonArray{messageId}},
            {u"fileHash"_s, orNull(fileHash)},
            {u"url"_s, orNull(url)},
            {u"start"_s, isoDate(startMs)},
            {u"end"_s, isoDate(endMs)}};
}

// The code the console asks for to restore what this incident removed.
QString unremediateCode(const QString &incidentId)
{
    return u"UR-"_s + sha256Of(incidentId).left(12).toUpper();
}
} // namespace

QString incidentCode(quint32 seed, int sequence)
{
    return u"TR-%1-%2-A"_s.arg(seed % 10000, 4, 10, QLatin1Char('0'))
        .arg(sequence % 100000, 5, 10, QLatin1Char('0'));
}

void seedIncidents(SimData *data, qint64 nowMs)
{
    const QList<SeededIncident> history = {
        {24,
         u"manual"_s,
         u"INC-1988 invoice phishing wave"_s,
         u"analyst@demo.example"_s,
         u"<8812.wave@contoso-billing.example>"_s,
         {},
         {},
         14,
         13,
         1,
         0},
        {18,
         u"automatic"_s,
         u"Malicious attachment detected by Attachment Protect"_s,
         u"ttp-automation@demo.example"_s,
         {},
         sha256Of(u"payload_2231.exe"_s),
         {},
         6,
         6,
         0,
         0},
        {13,
         u"notify_only"_s,
         u"Suspicious DocuSign lure (notify only)"_s,
         u"ttp-automation@demo.example"_s,
         {},
         {},
         u"https://docusign-notify.example/sign?env=4711"_s,
         9,
         9,
         0,
         0},
        {9,
         u"restored"_s,
         u"Restore: newsletter removed by mistake"_s,
         u"soc.lead@demo.example"_s,
         u"<weekly-2041@newsletter.example>"_s,
         {},
         {},
         5,
         5,
         0,
         5},
        {5,
         u"manual"_s,
         u"IR-2077 credential harvesting link"_s,
         u"analyst@demo.example"_s,
         {},
         {},
         u"https://login-microsoftonline.example/common/oauth2"_s,
         22,
         20,
         2,
         0},
        {2,
         u"automatic"_s,
         u"Executable attachment payload"_s,
         u"ttp-automation@demo.example"_s,
         {},
         sha256Of(u"invoice_7781.pdf.exe"_s),
         {},
         3,
         3,
         0,
         0},
    };
    for (const auto &s : history) {
        Incident incident;
        incident.id = makeOpaqueId(u"eNo"_s, data->seed, u"incident/seeded"_s,
                                   quint64(data->nextIncidentSequence));
        incident.code = incidentCode(data->seed, data->nextIncidentSequence++);
        incident.type = s.type;
        incident.reason = s.reason;
        incident.remediatedBy = s.by;
        incident.createMs = nowMs - s.daysAgo * kDayMs - 3600 * 1000;
        incident.searchCriteria = criteria(s.messageId, s.fileHash, s.url,
                                           incident.createMs - 30 * kDayMs, incident.createMs);
        incident.identified = s.identified;
        incident.successful = s.successful;
        incident.failed = s.failed;
        incident.restored = s.restored;
        incident.seeded = true;
        data->incidentIndex.insert(incident.id, int(data->incidents.size()));
        data->incidents.append(incident);
    }
}

IncidentCounts incidentCounts(const SimData &data, const Incident &incident, qint64 nowMs)
{
    IncidentCounts c;
    c.modifiedMs = incident.createMs;
    if (incident.seeded) {
        c = {incident.identified, incident.successful, incident.failed, incident.restored,
             incident.createMs + 4 * 60 * 1000};
        return c;
    }
    c.identified = int(incident.rows.size());
    for (const int row : incident.rows) {
        const TrackedMessage &t = data.tracked[row];
        if (nowMs < t.settledMs)
            continue;
        ++(t.removalFails ? c.failed : c.successful);
        c.modifiedMs = std::max(c.modifiedMs, t.settledMs);
    }
    return c;
}

int createIncident(SimData *data, int settleMs, const QVector<int> &rows, const QString &reason,
                   const QString &operatorName, const QJsonObject &searchCriteria, qint64 nowMs)
{
    Incident incident;
    incident.id = data->mintId(u"incident"_s);
    incident.code = incidentCode(data->seed, data->nextIncidentSequence++);
    incident.type = u"manual"_s;
    incident.reason = reason;
    incident.remediatedBy = operatorName;
    incident.createMs = nowMs;
    incident.searchCriteria = searchCriteria;
    incident.rows = rows;
    const int index = int(data->incidents.size());
    const qint64 n = rows.size();
    for (qint64 k = 0; k < n; ++k) {
        TrackedMessage &t = data->tracked[rows[k]];
        t.incident = index;
        // Spread over the settle time; never at the create itself, whose reply counts none.
        t.settledMs = nowMs + (settleMs > 0 ? std::max<qint64>(1, settleMs * (k + 1) / n) : 0);
        t.removalFails = stableHash(t.id) % 7 == 3;
    }
    data->incidentIndex.insert(incident.id, index);
    data->incidents.append(incident);
    return index;
}

QJsonObject incidentJson(const SimData &data, const Incident &incident, qint64 nowMs,
                         bool asCreated)
{
    IncidentCounts c = incidentCounts(data, incident, nowMs);
    if (asCreated)
        c = {c.identified, 0, 0, 0, incident.createMs};
    QJsonObject criteria = incident.searchCriteria;
    criteria.insert(u"unremediateCode"_s, unremediateCode(incident.id));
    return {{u"id"_s, incident.id},
            {u"code"_s, incident.code},
            {u"type"_s, incident.type},
            {u"reason"_s, incident.reason},
            {u"create"_s, isoDate(incident.createMs)},
            {u"modified"_s, isoDate(c.modifiedMs)},
            {u"identified"_s, c.identified},
            {u"successful"_s, c.successful},
            {u"failed"_s, c.failed},
            {u"restored"_s, c.restored},
            {u"searchCriteria"_s, criteria},
            {u"remediatedBy"_s, incident.remediatedBy}};
}

bool isHexHash(const QString &text)
{
    static const QRegularExpression hex(u"^[0-9A-Fa-f]+$"_s);
    const qsizetype n = text.size();
    return (n == 32 || n == 40 || n == 64) && hex.match(text).hasMatch();
}

} // namespace mcdesk::sim
