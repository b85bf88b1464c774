#include "core/held/releaselog.h"

using namespace Qt::StringLiterals;

namespace mcdesk::held {

ReleaseLogEntry ReleaseLogEntry::fromJson(const QJsonObject &json)
{
    auto address = [&](const QString &key) {
        const QJsonObject o = json.value(key).toObject();
        return Address{o.value(u"emailAddress"_s).toString(),
                       o.value(u"displayableName"_s).toString()};
    };
    ReleaseLogEntry e;
    e.id = json.value(u"id"_s).toString();
    e.operatorName = json.value(u"operator"_s).toString();
    e.time = parseMimecastDate(json.value(u"time"_s).toString());
    e.action = json.value(u"action"_s).toString();
    e.from = address(u"from"_s);
    e.to = address(u"to"_s);
    e.subject = json.value(u"subject"_s).toString();
    e.route = json.value(u"route"_s).toString();
    e.reason = json.value(u"reason"_s).toString();
    e.policy = json.value(u"policyInfo"_s).toString();
    e.rejectReason = json.value(u"rejectReason"_s).toString();
    return e;
}

QJsonObject GetHeldReleaseLogs::filter(const QDateTime &start, const QDateTime &end)
{
    QJsonObject data;
    if (start.isValid())
        data.insert(u"start"_s, formatMimecastDate(start));
    if (end.isValid())
        data.insert(u"end"_s, formatMimecastDate(end));
    return data;
}

GetHeldReleaseLogs::GetHeldReleaseLogs(api::ApiClient *client, const QDateTime &start,
                                       const QDateTime &end, int limit, QObject *parent)
    : PagedCall(client, u"/api/gateway/get-held-release-logs"_s, QJsonArray{filter(start, end)},
                limit, 500, &api::PagedCall::itemsInData, parent)
{
    connect(this, &api::PagedCall::itemsArrived, this, [this](const QJsonArray &items) {
        QList<ReleaseLogEntry> entries;
        for (const QJsonValue &v : items)
            entries.append(ReleaseLogEntry::fromJson(v.toObject()));
        emit pageArrived(entries);
    });
}

} // namespace mcdesk::held
