#include "core/threats/threatlogs.h"

#include "core/held/heldmessage.h"
#include "core/respond/trackingquery.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mcdesk::threats {

namespace {

QDateTime dateOf(const QJsonObject &o, const QString &key)
{
    return held::parseMimecastDate(o.value(key).toString());
}

QString text(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return {};
}

QStringList strings(const QJsonValue &value)
{
    if (value.isString())
        return {value.toString()};
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        if (v.isString())
            out.append(v.toString());
    return out;
}

// "Malicious \r\nTime taken: 0 hrs, 0 min, 4 sec" reads as one line in a grid.
QString oneLine(const QString &text)
{
    QStringList parts;
    for (const QString &line : text.split(u'\n'))
        if (const QString t = line.trimmed(); !t.isEmpty())
            parts.append(t);
    return parts.join(u"; "_s);
}

bool boolOf(const QJsonValue &v)
{
    return v.isBool() ? v.toBool() : v.toString().compare(u"true"_s, Qt::CaseInsensitive) == 0;
}

QString dayText(const QDateTime &when)
{
    return when.toUTC().toString(u"yyyy-MM-dd HH:mm"_s);
}

} // namespace

const QStringList &ThreatLogQuery::routeValues()
{
    static const QStringList values{u"all"_s, u"inbound"_s, u"outbound"_s, u"internal"_s};
    return values;
}

const QStringList &ThreatLogQuery::resultValues(ThreatLog log)
{
    static const QStringList urls{u"all"_s, u"clean"_s, u"malicious"_s};
    // The page lists further values than those seen (§3.2); these are the ones in use.
    static const QStringList attachments{u"all"_s,     u"malicious"_s, u"safe"_s,
                                         u"timeout"_s, u"error"_s,     u"unsafe"_s};
    static const QStringList none;
    switch (log) {
    case ThreatLog::UrlClicks:
        return urls;
    case ThreatLog::Attachments:
        return attachments;
    case ThreatLog::Impersonation:
        break;
    }
    return none;
}

const QStringList &ThreatLogQuery::impersonationActions()
{
    static const QStringList values{u"hold"_s, u"bounce"_s, u"none"_s};
    return values;
}

QString ThreatLogQuery::logName(ThreatLog log)
{
    switch (log) {
    case ThreatLog::UrlClicks:
        return u"url-logs"_s;
    case ThreatLog::Attachments:
        return u"attachment-logs"_s;
    case ThreatLog::Impersonation:
        break;
    }
    return u"impersonation-logs"_s;
}

QString ThreatLogQuery::validate(const QDateTime &nowUtc)
{
    if (!start.isValid() || !end.isValid())
        return u"--start and --end must be dates (ISO 8601, e.g. 2026-07-18T00:00:00Z)"_s;
    if (start >= end)
        return u"--end must be later than --start"_s;
    if (start > nowUtc)
        return u"--start is in the future: there is nothing logged after it yet"_s;
    if (start.secsTo(end) > qint64(kMaxDays) * 24 * 3600)
        return u"--start and --end are more than %1 days apart: read a shorter window (one "
               u"log read covers at most %1 days)"_s.arg(kMaxDays);
    route = route.trimmed().toLower();
    if (log == ThreatLog::Impersonation) {
        if (!route.isEmpty() && route != u"all"_s)
            return u"--route is not a filter of the impersonation log (Mimecast has none): "
                   u"leave it out"_s;
        route.clear();
    } else if (!route.isEmpty() && !routeValues().contains(route)) {
        return u"--route must be one of %1, not \"%2\""_s.arg(routeValues().join(u", "_s), route);
    }
    result = result.trimmed().toLower();
    const QString resultFlag = log == ThreatLog::UrlClicks ? u"--scan-result"_s : u"--result"_s;
    if (!result.isEmpty()) {
        if (log == ThreatLog::Impersonation)
            return u"--result is not a filter of the impersonation log: use --tagged-malicious"_s;
        if (!resultValues(log).contains(result))
            return u"%1 must be one of %2, not \"%3\""_s.arg(
                resultFlag, resultValues(log).join(u", "_s), result);
    }
    impersonationAction = impersonationAction.trimmed().toLower();
    if (!impersonationAction.isEmpty()) {
        if (log != ThreatLog::Impersonation)
            return u"--action filters the impersonation log only: leave it out"_s;
        if (!impersonationActions().contains(impersonationAction))
            return u"--action must be one of %1, not \"%2\""_s.arg(
                impersonationActions().join(u", "_s), impersonationAction);
    }
    if (taggedMalicious && log != ThreatLog::Impersonation)
        return u"--tagged-malicious filters the impersonation log only: leave it out"_s;
    if (!messageId.trimmed().isEmpty()) {
        QString why;
        const QString id = respond::normalizeMessageId(messageId, &why);
        if (id.isEmpty())
            return u"--message-id "_s + why;
        messageId = id;
    } else {
        messageId.clear();
    }
    urlContains = urlContains.trimmed();
    if (limit < 1 || limit > kMaxRows)
        return u"--limit must be a number from 1 to %1"_s.arg(kMaxRows);
    return {};
}

QJsonObject ThreatLogQuery::toData() const
{
    QJsonObject data{{u"from"_s, held::formatMimecastDate(start)},
                     {u"to"_s, held::formatMimecastDate(end)},
                     {u"oldestFirst"_s, oldestFirst}};
    if (log != ThreatLog::Impersonation)
        data.insert(u"route"_s, route.isEmpty() ? u"all"_s : route);
    if (log == ThreatLog::UrlClicks)
        data.insert(u"scanResult"_s, result.isEmpty() ? u"all"_s : result);
    else if (log == ThreatLog::Attachments)
        data.insert(u"result"_s, result.isEmpty() ? u"all"_s : result);
    if (log == ThreatLog::Impersonation) {
        if (taggedMalicious)
            data.insert(u"taggedMalicious"_s, *taggedMalicious);
        if (!impersonationAction.isEmpty())
            data.insert(u"actions"_s, QJsonArray{impersonationAction});
    }
    return data;
}

QString ThreatLogQuery::describe() const
{
    const QString title = log == ThreatLog::UrlClicks     ? u"URL clicks"_s
                          : log == ThreatLog::Attachments ? u"attachment protection"_s
                                                          : u"impersonation"_s;
    QString out = title + u", "_s + dayText(start) + u" to "_s + dayText(end) + u" UTC"_s;
    if (!result.isEmpty() && result != u"all"_s)
        out += u", "_s + result;
    if (!route.isEmpty() && route != u"all"_s)
        out += u", "_s + route;
    if (taggedMalicious)
        out += *taggedMalicious ? u", tagged malicious"_s : u", not tagged malicious"_s;
    if (!impersonationAction.isEmpty())
        out += u", action "_s + impersonationAction;
    if (!urlContains.isEmpty())
        out += u", URL containing \""_s + urlContains + u'"';
    if (!messageId.isEmpty())
        out += u", Message-ID "_s + messageId;
    return out;
}

ClickLog ClickLog::fromJson(const QJsonObject &json)
{
    ClickLog c;
    c.date = dateOf(json, u"date"_s);
    c.user = text(json, u"userEmailAddress"_s);
    c.sender = text(json, u"fromUserEmailAddress"_s);
    c.subject = text(json, u"subject"_s);
    c.messageId = text(json, u"messageId"_s);
    c.url = text(json, u"url"_s);
    c.category = text(json, u"category"_s);
    c.scanResult = text(json, u"scanResult"_s);
    c.action = text(json, u"action"_s);
    c.adminOverride = text(json, u"adminOverride"_s);
    c.userOverride = text(json, u"userOverride"_s);
    c.userAwarenessAction = text(json, u"userAwarenessAction"_s);
    c.route = text(json, u"route"_s);
    c.sendingIp = text(json, u"sendingIp"_s);
    c.creationMethod = text(json, u"creationMethod"_s);
    c.emailParts = strings(json.value(u"emailPartsDescription"_s));
    c.raw = json;
    return c;
}

AttachmentLog AttachmentLog::fromJson(const QJsonObject &json)
{
    AttachmentLog a;
    a.date = dateOf(json, u"date"_s);
    a.sender = text(json, u"senderAddress"_s);
    a.recipient = text(json, u"recipientAddress"_s);
    a.subject = text(json, u"subject"_s);
    a.messageId = text(json, u"messageId"_s);
    a.fileName = text(json, u"fileName"_s);
    a.fileType = text(json, u"fileType"_s);
    a.fileHash = text(json, u"fileHash"_s);
    a.result = text(json, u"result"_s);
    a.actionTriggered = text(json, u"actionTriggered"_s);
    a.details = oneLine(text(json, u"details"_s));
    a.definition = text(json, u"definition"_s);
    a.route = text(json, u"route"_s);
    a.raw = json;
    return a;
}

ImpersonationLog ImpersonationLog::fromJson(const QJsonObject &json)
{
    ImpersonationLog i;
    i.id = text(json, u"id"_s);
    i.date = dateOf(json, u"eventTime"_s);
    i.sender = text(json, u"senderAddress"_s);
    i.recipient = text(json, u"recipientAddress"_s);
    i.subject = text(json, u"subject"_s);
    i.messageId = text(json, u"messageId"_s);
    i.senderIp = text(json, u"senderIpAddress"_s);
    i.definition = text(json, u"definition"_s);
    i.hits = json.value(u"hits"_s).toInt(text(json, u"hits"_s).toInt());
    i.action = text(json, u"action"_s);
    i.identifiers = strings(json.value(u"identifiers"_s));
    i.taggedMalicious = boolOf(json.value(u"taggedMalicious"_s));
    i.taggedExternal = boolOf(json.value(u"taggedExternal"_s));
    i.raw = json;
    return i;
}

int ThreatLogRows::size() const
{
    return int(clicks.size() + attachments.size() + impersonations.size());
}

} // namespace mcdesk::threats
