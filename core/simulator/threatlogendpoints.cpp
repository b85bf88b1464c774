// Targeted Threat Protection logs (mimecast-respond.md §3): URL clicks, attachment
// protection and impersonation, one reader for the three as they share paging and filters.
#include "core/simulator/endpoints.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
struct LogKind
{
    QString listKey;      // clickLogs, attachmentLogs, impersonationLogs
    QString verdictField; // scanResult, result; empty: none
    QStringList verdicts; // the allowed values, "all" first
    bool routeFilter = true;
    bool impersonation = false;
};

struct LogFilter
{
    qint64 from = 0, to = 0;
    QString route, verdict;
    bool oldestFirst = false;
    std::optional<bool> taggedMalicious;
    QStringList actions, identifiers;
    QString searchField, query;
};

QJsonObject notAllowed(const QString &field, const QStringList &values)
{
    return errorObject(u"err_validation_value_not_allowed"_s,
                       u"Field must be one of [%1]"_s.arg(values.join(u", "_s)), field);
}

QStringList lowerStrings(const QJsonValue &value)
{
    QStringList out;
    for (const auto &v : value.toArray())
        out << v.toString().trimmed().toLower();
    return out;
}

QJsonArray readFilter(const SimContext &ctx, const LogKind &kind, const QJsonObject &item,
                      LogFilter *f)
{
    QJsonArray errors;
    std::optional<qint64> from, to;
    readDateRange(item, &from, &to, &errors, u"from"_s, u"to"_s);
    // Defaults: the start of the current day (UTC) to now.
    const QDate today = QDateTime::fromMSecsSinceEpoch(ctx.nowMs, QTimeZone::utc()).date();
    f->from = from.value_or(QDateTime(today, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    f->to = to.value_or(ctx.nowMs);
    static const QStringList routes = {u"all"_s, u"inbound"_s, u"outbound"_s, u"internal"_s};
    f->route = item.value(u"route"_s).toString(u"all"_s).toLower();
    if (kind.routeFilter && !routes.contains(f->route))
        errors << notAllowed(u"route"_s, routes);
    if (!kind.verdictField.isEmpty()) {
        f->verdict = item.value(kind.verdictField).toString(u"all"_s).toLower();
        if (!kind.verdicts.contains(f->verdict))
            errors << notAllowed(kind.verdictField, kind.verdicts);
    }
    f->oldestFirst = item.value(u"oldestFirst"_s).toBool(false);
    if (kind.impersonation) {
        if (item.value(u"taggedMalicious"_s).isBool())
            f->taggedMalicious = item.value(u"taggedMalicious"_s).toBool();
        static const QStringList actions = {u"hold"_s, u"bounce"_s, u"none"_s};
        f->actions = lowerStrings(item.value(u"actions"_s));
        for (const auto &a : std::as_const(f->actions))
            if (!actions.contains(a))
                errors << notAllowed(u"actions"_s, actions);
        f->identifiers = lowerStrings(item.value(u"identifiers"_s));
        static const QStringList fields = {u"all"_s, u"senderAddress"_s, u"recipientAddress"_s,
                                           u"subject"_s, u"policy"_s};
        f->query = item.value(u"query"_s).toString().trimmed();
        f->searchField = item.value(u"searchField"_s).toString(u"all"_s);
        if (!fields.contains(f->searchField))
            errors << notAllowed(u"searchField"_s, fields);
    }
    return errors;
}

bool contains(const QJsonObject &json, const QString &key, const QString &query)
{
    return json.value(key).toString().contains(query, Qt::CaseInsensitive);
}

bool impersonationMatches(const ThreatLog &log, const LogFilter &f)
{
    const QJsonObject &j = log.json;
    if (f.taggedMalicious && j.value(u"taggedMalicious"_s).toBool() != *f.taggedMalicious)
        return false;
    if (!f.actions.isEmpty() && !f.actions.contains(log.verdict))
        return false;
    if (!f.identifiers.isEmpty()) {
        const QStringList hit = lowerStrings(j.value(u"identifiers"_s));
        if (std::none_of(f.identifiers.cbegin(), f.identifiers.cend(),
                         [&](const QString &id) { return hit.contains(id); }))
            return false;
    }
    if (f.query.isEmpty())
        return true;
    const QString policyKey = u"definition"_s;
    if (f.searchField == u"policy"_s)
        return contains(j, policyKey, f.query);
    if (f.searchField != u"all"_s)
        return contains(j, f.searchField, f.query);
    return contains(j, u"senderAddress"_s, f.query) ||
           contains(j, u"recipientAddress"_s, f.query) || contains(j, u"subject"_s, f.query) ||
           contains(j, policyKey, f.query);
}

bool matches(const LogKind &kind, const ThreatLog &log, const LogFilter &f)
{
    if (log.timeMs < f.from || log.timeMs > f.to)
        return false;
    if (kind.routeFilter && f.route != u"all"_s && log.route != f.route)
        return false;
    if (!kind.verdictField.isEmpty() && f.verdict != u"all"_s && log.verdict != f.verdict)
        return false;
    return !kind.impersonation || impersonationMatches(log, f);
}

HttpReply readLogs(SimContext &ctx, const LogKind &kind, const QVector<ThreatLog> &logs)
{
    HttpReply reply;
    PageRequest page;
    if (!checkItemCount(ctx, 0, 1, &reply) || !readPage(ctx, 100, &page, &reply))
        return reply;
    LogFilter filter;
    const QJsonArray errors = readFilter(ctx, kind, page.item, &filter);
    if (!errors.isEmpty())
        return okReply({}, {QJsonObject{{u"key"_s, page.item}, {u"errors"_s, errors}}});
    QVector<int> hits; // logs are newest first
    for (int i = 0; i < logs.size(); ++i)
        if (matches(kind, logs[i], filter))
            hits << i;
    if (filter.oldestFirst)
        std::reverse(hits.begin(), hits.end());
    QJsonArray rows;
    const int last = std::min(int(hits.size()), page.offset + page.size);
    for (int i = page.offset; i < last; ++i)
        rows << logs[hits[i]].json;
    QJsonObject item{{kind.listKey, rows}};
    if (kind.impersonation)
        item.insert(u"resultCount"_s, int(hits.size()));
    QJsonObject meta = pagination(page, int(hits.size()), true);
    meta.insert(u"pageSize"_s, int(rows.size())); // the items in this page (§1)
    return okReply({item}, {}, meta);
}
} // namespace

HttpReply ttpUrlLogs(SimContext &ctx)
{
    static const LogKind kind{
        u"clickLogs"_s, u"scanResult"_s, {u"all"_s, u"clean"_s, u"malicious"_s}};
    return readLogs(ctx, kind, ctx.data.clickLogs);
}

HttpReply ttpAttachmentLogs(SimContext &ctx)
{
    static const LogKind kind{
        u"attachmentLogs"_s,
        u"result"_s,
        {u"all"_s, u"malicious"_s, u"safe"_s, u"timeout"_s, u"error"_s, u"unsafe"_s}};
    return readLogs(ctx, kind, ctx.data.attachmentLogs);
}

HttpReply ttpImpersonationLogs(SimContext &ctx)
{
    // No route filter (§3.3): a route sent is ignored, as Mimecast does not document one.
    static const LogKind kind{u"impersonationLogs"_s, {}, {}, false, true};
    return readLogs(ctx, kind, ctx.data.impersonationLogs);
}

} // namespace mcdesk::sim
