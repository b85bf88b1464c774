// Threat Remediation create, v1 and v2 (mimecast-respond.md §4.1-4.3): identifies the delivered
// messages by Message-ID, attachment SHA-256 or URL in the body, and files an incident.
#include "core/simulator/endpoints.h"
#include "core/simulator/incidents.h"
#include "core/simulator/tracking.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
enum class Version { V1, V2 };

struct Criteria
{
    QString searchBy; // hash, message_ids or url (v1's messageId is read as message_ids)
    QStringList messageIds, keys; // as given / messageIdKey() of each, without repeats
    QString hash;                 // lower case
    QString url;
    qint64 start = 0, end = 0;
};

bool isWebUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http"_s || url.scheme() == u"https"_s) &&
           !url.host().isEmpty();
}

void readHash(const QString &text, const QString &field, Criteria *c, QJsonArray *errors)
{
    if (!isHexHash(text.trimmed()))
        *errors << errorObject(u"err_validation_invalid_value"_s,
                               u"%1 must be an MD5, SHA-1 or SHA-256 in hex"_s.arg(field), field);
    c->hash = text.trimmed().toLower();
}

void addMessageId(const QString &text, Criteria *c)
{
    const QString key = messageIdKey(text);
    if (c->keys.contains(key))
        return;
    c->keys << key;
    c->messageIds << text.trimmed();
}

// v2: messageIds, 1 to 25 strings, with or without <>.
void readMessageIds(const QJsonValue &value, Criteria *c, QJsonArray *errors)
{
    const QString field = u"messageIds"_s;
    if (!value.isArray()) {
        *errors << errorObject(value.isUndefined() || value.isNull()
                                   ? u"err_validation_null"_s
                                   : u"err_validation_invalid_value"_s,
                               u"messageIds must be an array of Message-IDs"_s, field);
        return;
    }
    const QJsonArray ids = value.toArray();
    if (ids.isEmpty() || ids.size() > 25)
        *errors << errorObject(
            u"err_validation_item_count"_s,
            u"messageIds must hold between 1 and 25 Message-IDs, got %1"_s.arg(ids.size()), field);
    for (const auto &id : ids) {
        if (!id.isString() || messageIdKey(id.toString()) == u"<>"_s) {
            *errors << errorObject(u"err_validation_blank"_s,
                                   u"every Message-ID must be a non-blank string"_s, field);
            return;
        }
        addMessageId(id.toString(), c);
    }
}

// The searchBy-specific fields of each version.
void readTarget(const QJsonObject &item, Version version, Criteria *c, QJsonArray *errors)
{
    const QJsonValue searchBy = item.value(u"searchBy"_s);
    const QStringList allowed = version == Version::V2
                                    ? QStringList{u"hash"_s, u"message_ids"_s, u"url"_s}
                                    : QStringList{u"hash"_s, u"messageId"_s, u"url"_s};
    // The older v1 page makes hash the default; v2 documents no default.
    if ((searchBy.isUndefined() || searchBy.isNull()) && version == Version::V2) {
        *errors << errorObject(u"err_validation_null"_s, u"searchBy is required"_s, u"searchBy"_s);
        return;
    }
    const QString by = searchBy.toString(u"hash"_s);
    if (!allowed.contains(by)) {
        *errors << errorObject(u"err_validation_value_not_allowed"_s,
                               u"Field must be one of [%1]"_s.arg(allowed.join(u", "_s)),
                               u"searchBy"_s);
        return;
    }
    c->searchBy = by == u"messageId"_s ? u"message_ids"_s : by;
    if (c->searchBy == u"url"_s) {
        c->url = item.value(u"url"_s).toString().trimmed();
        if (c->url.isEmpty())
            *errors << errorObject(u"err_validation_null"_s, u"url is required"_s, u"url"_s);
        else if (!isWebUrl(c->url))
            *errors << errorObject(u"err_validation_invalid_value"_s,
                                   u"url must be an http or https URL with a host"_s, u"url"_s);
        return;
    }
    if (version == Version::V2) {
        if (c->searchBy == u"hash"_s && item.value(u"hash"_s).toString().trimmed().isEmpty())
            *errors << errorObject(u"err_validation_null"_s, u"hash is required"_s, u"hash"_s);
        else if (c->searchBy == u"hash"_s)
            readHash(item.value(u"hash"_s).toString(), u"hash"_s, c, errors);
        else
            readMessageIds(item.value(u"messageIds"_s), c, errors);
        return;
    }
    const QString field = u"hashOrMessageId"_s;
    const QString value = item.value(field).toString().trimmed();
    if (value.isEmpty())
        *errors << errorObject(u"err_validation_null"_s, u"hashOrMessageId is required"_s, field);
    else if (c->searchBy == u"hash"_s)
        readHash(value, field, c, errors);
    else if (!value.startsWith(u'<') || !value.endsWith(u'>'))
        *errors << errorObject(u"err_validation_invalid_value"_s,
                               u"A Message-ID must include its < and >"_s, field);
    else
        addMessageId(value, c);
}

QJsonArray parseCriteria(const QJsonObject &item, Version version, qint64 nowMs, Criteria *c)
{
    QJsonArray errors;
    const QJsonValue reason = item.value(u"reason"_s);
    if (reason.isUndefined() || reason.isNull())
        errors << errorObject(u"err_validation_null"_s, u"reason is required"_s, u"reason"_s);
    else if (!reason.isString() || reason.toString().trimmed().isEmpty())
        errors << errorObject(u"err_validation_blank"_s, u"reason must not be blank"_s,
                              u"reason"_s);
    readTarget(item, version, c, &errors);
    std::optional<qint64> start, end;
    readDateRange(item, &start, &end, &errors);
    c->end = end.value_or(nowMs);
    c->start = start.value_or(
        QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc()).addMonths(-1).toMSecsSinceEpoch());
    if (c->end < c->start)
        errors << errorObject(u"err_validation_invalid_date"_s, u"end must not be before start"_s,
                              u"end"_s);
    return errors;
}

// Delivered rows no incident claimed yet, newest first.
QVector<int> identify(const SimContext &ctx, const Criteria &c)
{
    const TrackingView view(ctx.data, ctx.nowMs);
    const auto eligible = [&](int i) {
        const TrackedMessage &t = ctx.data.tracked[i];
        return t.incident < 0 && t.receivedMs >= c.start && t.receivedMs <= c.end &&
               view.delivered(i);
    };
    QVector<int> rows;
    if (c.searchBy == u"message_ids"_s) {
        for (const auto &key : c.keys)
            for (const int i : ctx.data.trackedByMessageId.values(key))
                if (eligible(i))
                    rows << i;
        std::sort(rows.begin(), rows.end());
        return rows;
    }
    for (int i = 0; i < ctx.data.tracked.size(); ++i) {
        if (!eligible(i))
            continue;
        const QList<Attachment> &files = view.attachments(i);
        const bool hit = c.searchBy == u"hash"_s
                             ? std::any_of(files.cbegin(), files.cend(),
                                           [&](const Attachment &a) { return a.sha256 == c.hash; })
                             : view.body(i).contains(c.url, Qt::CaseInsensitive);
        if (hit)
            rows << i;
    }
    return rows;
}

QJsonObject searchCriteria(const Criteria &c)
{
    const auto orNull = [](const QString &text) {
        return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
    };
    return {{u"messageId"_s, c.messageIds.size() == 1 ? QJsonValue(c.messageIds.first())
                                                      : QJsonValue(QJsonValue::Null)},
            {u"messageIds"_s, QJsonArray::fromStringList(c.messageIds)},
            {u"fileHash"_s, orNull(c.hash)},
            {u"url"_s, orNull(c.url)},
            {u"start"_s, isoDate(c.start)},
            {u"end"_s, isoDate(c.end)}};
}

HttpReply create(SimContext &ctx, Version version)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 1, &reply))
        return reply;
    const QJsonObject item = ctx.items().first().toObject();
    Criteria criteria;
    const QJsonArray errors = parseCriteria(item, version, ctx.nowMs, &criteria);
    if (!errors.isEmpty())
        return okReply({}, {QJsonObject{{u"key"_s, item}, {u"errors"_s, errors}}});
    QStringList targets = criteria.messageIds;
    targets << criteria.keys << criteria.hash << criteria.url;
    if (std::any_of(targets.cbegin(), targets.cend(),
                    [&](const QString &t) { return !t.isEmpty() && ctx.failingIds.contains(t); }))
        return okReply({}, {injectedFailure(item)});
    const int index =
        createIncident(&ctx.data, ctx.config.remediationSettleMs, identify(ctx, criteria),
                       item.value(u"reason"_s).toString().trimmed(), ctx.operatorName,
                       searchCriteria(criteria), ctx.nowMs);
    return okReply({incidentJson(ctx.data, ctx.data.incidents[index], ctx.nowMs, true)});
}
} // namespace

HttpReply remediationCreate(SimContext &ctx)
{
    return create(ctx, Version::V1);
}

HttpReply remediationCreateV2(SimContext &ctx)
{
    return create(ctx, Version::V2);
}

} // namespace mcdesk::sim
