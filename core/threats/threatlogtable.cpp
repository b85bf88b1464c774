// The threat logs as tables: the CSV the CLI writes (--csv) and the columns the grids show.
#include "core/held/heldmessage.h"
#include "core/threats/threatlogs.h"

using namespace Qt::StringLiterals;

namespace mcdesk::threats {

namespace {

QString when(const QDateTime &date)
{
    return date.isValid() ? held::formatMimecastDate(date) : QString();
}

QString yesNo(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

} // namespace

QStringList threatLogColumns(ThreatLog log)
{
    switch (log) {
    case ThreatLog::UrlClicks:
        return {u"date"_s,          u"user"_s,           u"url"_s,
                u"category"_s,      u"scanResult"_s,     u"action"_s,
                u"adminOverride"_s, u"userOverride"_s,   u"userAwarenessAction"_s,
                u"route"_s,         u"creationMethod"_s, u"sender"_s,
                u"subject"_s,       u"messageId"_s,      u"sendingIp"_s};
    case ThreatLog::Attachments:
        return {u"date"_s,       u"fileName"_s, u"fileHash"_s, u"result"_s,    u"actionTriggered"_s,
                u"recipient"_s,  u"sender"_s,   u"subject"_s,  u"messageId"_s, u"fileType"_s,
                u"definition"_s, u"route"_s,    u"details"_s};
    case ThreatLog::Impersonation:
        break;
    }
    return {u"date"_s,     u"identifiers"_s,     u"action"_s, u"definition"_s,
            u"senderIp"_s, u"taggedMalicious"_s, u"sender"_s, u"recipient"_s,
            u"subject"_s,  u"messageId"_s,       u"hits"_s,   u"taggedExternal"_s,
            u"id"_s};
}

QList<QStringList> threatLogTable(ThreatLog log, const ThreatLogRows &rows)
{
    QList<QStringList> table{threatLogColumns(log)};
    switch (log) {
    case ThreatLog::UrlClicks:
        for (const ClickLog &c : rows.clicks)
            table.append({when(c.date), c.user, c.url, c.category, c.scanResult, c.action,
                          c.adminOverride, c.userOverride, c.userAwarenessAction, c.route,
                          c.creationMethod, c.sender, c.subject, c.messageId, c.sendingIp});
        break;
    case ThreatLog::Attachments:
        for (const AttachmentLog &a : rows.attachments)
            table.append({when(a.date), a.fileName, a.fileHash, a.result, a.actionTriggered,
                          a.recipient, a.sender, a.subject, a.messageId, a.fileType, a.definition,
                          a.route, a.details});
        break;
    case ThreatLog::Impersonation:
        for (const ImpersonationLog &i : rows.impersonations)
            table.append({when(i.date), i.identifiers.join(u"; "_s), i.action, i.definition,
                          i.senderIp, yesNo(i.taggedMalicious), i.sender, i.recipient, i.subject,
                          i.messageId, QString::number(i.hits), yesNo(i.taggedExternal), i.id});
        break;
    }
    return table;
}

QList<QJsonObject> threatLogRecords(ThreatLog log, const ThreatLogRows &rows)
{
    QList<QJsonObject> out;
    switch (log) {
    case ThreatLog::UrlClicks:
        for (const ClickLog &c : rows.clicks)
            out.append(c.raw);
        break;
    case ThreatLog::Attachments:
        for (const AttachmentLog &a : rows.attachments)
            out.append(a.raw);
        break;
    case ThreatLog::Impersonation:
        for (const ImpersonationLog &i : rows.impersonations)
            out.append(i.raw);
        break;
    }
    return out;
}

} // namespace mcdesk::threats
