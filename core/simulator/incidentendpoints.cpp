// Threat Remediation reads (mimecast-respond.md §4.4-4.6): get-incident, find-incidents and
// search-hash.
#include "core/simulator/endpoints.h"
#include "core/simulator/incidents.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
struct IncidentFilter
{
    std::optional<qint64> start, end;
    QList<QPair<QString, QString>> searches; // fieldName, lower-case value: all must match
    QStringList types;                       // empty: any
};

// The documented object, the example's array of them: both are accepted.
QJsonArray objects(const QJsonValue &value)
{
    return value.isObject() ? QJsonArray{value} : value.toArray();
}

QJsonArray parseFilter(const QJsonObject &item, IncidentFilter *f)
{
    QJsonArray errors;
    readDateRange(item, &f->start, &f->end, &errors);
    static const QStringList searchFields = {u"all"_s, u"code"_s, u"file_hash"_s, u"reason"_s};
    for (const auto &entry : objects(item.value(u"searchBy"_s))) {
        const QString name = entry[u"fieldName"_s].toString(u"all"_s);
        const QString value = entry[u"value"_s].toString().trimmed().toLower();
        if (!searchFields.contains(name))
            errors << errorObject(u"err_validation_value_not_allowed"_s,
                                  u"Field must be one of [%1]"_s.arg(searchFields.join(u", "_s)),
                                  u"searchBy.fieldName"_s);
        else if (!value.isEmpty())
            f->searches.append({name, value});
    }
    static const QStringList types = {u"notify_only"_s, u"automatic"_s, u"manual"_s, u"restored"_s};
    for (const auto &entry : objects(item.value(u"filterBy"_s))) {
        if (entry[u"fieldName"_s].toString() != u"type"_s) {
            errors << errorObject(u"err_validation_value_not_allowed"_s,
                                  u"Field must be one of [type]"_s, u"filterBy.fieldName"_s);
            continue;
        }
        // Sublime sends one comma list ("automatic,manual"); the docs one type an entry.
        for (const auto &part : entry[u"value"_s].toString().split(u',', Qt::SkipEmptyParts)) {
            const QString type = part.trimmed().toLower();
            if (types.contains(type))
                f->types << type;
            else
                errors << errorObject(u"err_validation_value_not_allowed"_s,
                                      u"Field must be one of [%1]"_s.arg(types.join(u", "_s)),
                                      u"filterBy.value"_s);
        }
    }
    return errors;
}

bool searchMatches(const Incident &incident, const QString &field, const QString &value)
{
    const bool code = incident.code.compare(value, Qt::CaseInsensitive) == 0;
    const bool reason = incident.reason.contains(value, Qt::CaseInsensitive);
    const bool hash = incident.searchCriteria.value(u"fileHash"_s)
                          .toString()
                          .compare(value, Qt::CaseInsensitive) == 0;
    if (field == u"code"_s)
        return code;
    if (field == u"reason"_s)
        return reason;
    if (field == u"file_hash"_s)
        return hash;
    return code || reason || hash;
}

bool matches(const Incident &incident, const IncidentFilter &f)
{
    if ((f.start && incident.createMs < *f.start) || (f.end && incident.createMs > *f.end))
        return false;
    if (!f.types.isEmpty() && !f.types.contains(incident.type))
        return false;
    return std::all_of(f.searches.cbegin(), f.searches.cend(), [&](const auto &search) {
        return searchMatches(incident, search.first, search.second);
    });
}
} // namespace

HttpReply remediationGetIncident(SimContext &ctx)
{
    return detailById(ctx, ctx.data.incidentIndex, u"err_remediation_incident_not_found"_s,
                      u"No remediation incident has this id"_s, [&ctx](int row) {
                          return incidentJson(ctx.data, ctx.data.incidents.at(row), ctx.nowMs);
                      });
}

HttpReply remediationFindIncidents(SimContext &ctx)
{
    HttpReply reply;
    PageRequest page;
    if (!checkItemCount(ctx, 0, 1, &reply) || !readPage(ctx, 25, &page, &reply))
        return reply;
    IncidentFilter filter;
    const QJsonArray errors = parseFilter(page.item, &filter);
    if (!errors.isEmpty())
        return okReply({}, {QJsonObject{{u"key"_s, page.item}, {u"errors"_s, errors}}});
    QVector<int> hits;
    for (int i = 0; i < ctx.data.incidents.size(); ++i)
        if (matches(ctx.data.incidents[i], filter))
            hits << i;
    // Newest first; incidents created in the same millisecond by their order of creation.
    std::sort(hits.begin(), hits.end(), [&](int a, int b) {
        const qint64 ta = ctx.data.incidents[a].createMs, tb = ctx.data.incidents[b].createMs;
        return ta != tb ? ta > tb : a > b;
    });
    QJsonArray incidents;
    const int last = std::min(int(hits.size()), page.offset + page.size);
    for (int i = page.offset; i < last; ++i)
        incidents << incidentJson(ctx.data, ctx.data.incidents[hits[i]], ctx.nowMs);
    return okReply({QJsonObject{{u"incidents"_s, incidents}}}, {},
                   pagination(page, int(hits.size()), true));
}

HttpReply remediationSearchHash(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 1, &reply))
        return reply;
    const QJsonObject item = ctx.items().first().toObject();
    const QJsonValue hashes = item.value(u"hashes"_s);
    QJsonArray errors;
    if (!hashes.isArray())
        errors << errorObject(hashes.isUndefined() || hashes.isNull()
                                  ? u"err_validation_null"_s
                                  : u"err_validation_invalid_value"_s,
                              u"hashes must be an array of file hashes"_s, u"hashes"_s);
    else if (hashes.toArray().isEmpty() || hashes.toArray().size() > 100)
        errors << errorObject(
            u"err_validation_item_count"_s,
            u"hashes must hold between 1 and 100 hashes, got %1"_s.arg(hashes.toArray().size()),
            u"hashes"_s);
    if (!errors.isEmpty())
        return okReply({}, {QJsonObject{{u"key"_s, item}, {u"errors"_s, errors}}});
    QStringList valid;
    QJsonArray failedHashes;
    for (const auto &value : hashes.toArray()) {
        const QString hash = value.toString().trimmed();
        if (ctx.failingIds.contains(hash))
            return okReply({}, {injectedFailure(item)});
        if (value.isString() && isHexHash(hash))
            valid << hash;
        else
            failedHashes << value;
    }
    // Every attachment the account has seen: held (handled or not) and archived. Copies of a
    // campaign carry their held message's files, so they add nothing.
    QSet<QString> wanted;
    for (const auto &hash : std::as_const(valid))
        wanted.insert(hash.toLower());
    QSet<QString> seen;
    const auto scan = [&](const QList<Attachment> &files) {
        for (const auto &a : files)
            if (wanted.contains(a.sha256))
                seen.insert(a.sha256);
    };
    for (const auto &m : std::as_const(ctx.data.held))
        scan(m.attachments);
    for (const auto &m : std::as_const(ctx.data.archive))
        scan(m.attachments);
    QJsonArray status;
    for (const auto &hash : std::as_const(valid))
        status << QJsonObject{{u"hash"_s, hash}, {u"detected"_s, seen.contains(hash.toLower())}};
    return okReply({QJsonObject{{u"hashStatus"_s, status}, {u"failedHashes"_s, failedHashes}}});
}

} // namespace mcdesk::sim
