#include "core/simulator/endpoints.h"
#include "core/simulator/tracking.h"

#include <QMap>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
struct HeldFilter
{
    bool admin = false;
    std::optional<qint64> start, end;
    QString searchField; // all, subject, sender, recipient, reason_code
    QString searchValue; // lower case
    QString route;       // all, internal, outbound, inbound, external
    std::optional<bool> attachments;
};

QJsonObject invalid(const QString &field, const QString &message)
{
    return errorObject(u"err_validation_invalid_value"_s, message, field);
}

bool readBool(const QJsonValue &value, bool fallback, bool *ok)
{
    *ok = true;
    if (value.isBool())
        return value.toBool();
    if (value.isString() && (value.toString() == u"true"_s || value.toString() == u"false"_s))
        return value.toString() == u"true"_s;
    *ok = value.isUndefined() || value.isNull();
    return fallback;
}

QJsonArray parseFilter(const QJsonObject &item, HeldFilter *f)
{
    QJsonArray errors;
    bool ok = true;
    f->admin = readBool(item.value(u"admin"_s), false, &ok);
    if (!ok)
        errors << invalid(u"admin"_s, u"admin must be true or false"_s);
    readDateRange(item, &f->start, &f->end, &errors);
    if (f->start && f->end && *f->start > *f->end)
        errors << errorObject(u"err_validation_invalid_date"_s, u"start must not be after end"_s,
                              u"start"_s);
    const QJsonObject searchBy = item.value(u"searchBy"_s).toObject();
    f->searchValue = searchBy.value(u"value"_s).toString().trimmed().toLower();
    f->searchField = searchBy.value(u"fieldName"_s).toString(u"all"_s);
    if (f->searchField == u"reasonCode"_s)
        f->searchField = u"reason_code"_s; // the API 2.0 spelling
    static const QStringList searchFields = {u"all"_s, u"subject"_s, u"sender"_s, u"recipient"_s,
                                             u"reason_code"_s};
    if (!searchFields.contains(f->searchField))
        errors << invalid(u"searchBy.fieldName"_s,
                          u"fieldName must be one of %1"_s.arg(searchFields.join(u", "_s)));
    QJsonArray filters = item.value(u"filterBy"_s).toArray();
    if (item.value(u"filterBy"_s).isObject())
        filters = {item.value(u"filterBy"_s)};
    for (const auto &entry : std::as_const(filters)) {
        const QString name = entry.toObject().value(u"fieldName"_s).toString();
        const QJsonValue value = entry.toObject().value(u"value"_s);
        static const QStringList routes = {u"all"_s, u"internal"_s, u"outbound"_s, u"inbound"_s,
                                           u"external"_s};
        if (name == u"route"_s && routes.contains(value.toString().toLower())) {
            f->route = value.toString().toLower();
        } else if (name == u"route"_s) {
            errors << invalid(u"filterBy.value"_s,
                              u"route must be one of %1"_s.arg(routes.join(u", "_s)));
        } else if (name == u"attachments"_s) {
            f->attachments = readBool(value, false, &ok);
        } else if (name != u"heldGroup"_s) {
            errors << invalid(u"filterBy.fieldName"_s,
                              u"fieldName must be route, heldGroup or attachments"_s);
        }
    }
    return errors;
}

bool matches(const HeldMessage &m, const HeldFilter &f)
{
    if (m.handled || (f.start && m.receivedMs < *f.start) || (f.end && m.receivedMs > *f.end))
        return false;
    if (!f.route.isEmpty() && f.route != u"all"_s) {
        if (f.route == u"external"_s ? m.route == u"INTERNAL"_s
                                     : m.route.compare(f.route, Qt::CaseInsensitive) != 0)
            return false;
    }
    if (f.attachments && *f.attachments == m.attachments.isEmpty())
        return false;
    if (f.searchValue.isEmpty())
        return true;
    const QString &code = holdReasons().at(m.reason).reasonCode;
    const QString &v = f.searchValue;
    if (f.searchField == u"subject"_s)
        return m.lcSubject.contains(v);
    if (f.searchField == u"sender"_s)
        return m.lcSender.contains(v);
    if (f.searchField == u"recipient"_s)
        return m.lcRecipient.contains(v);
    if (f.searchField == u"reason_code"_s)
        return code.contains(v);
    return m.lcSubject.contains(v) || m.lcSender.contains(v) || m.lcRecipient.contains(v) ||
           code.contains(v);
}

QJsonObject heldItem(const HeldMessage &m)
{
    const HoldReason &r = holdReasons().at(m.reason);
    return {{u"id"_s, m.id},
            {u"dateReceived"_s, isoDate(m.receivedMs)},
            {u"reason"_s, r.reason},
            {u"reasonId"_s, r.reasonCode.toUpper()},
            {u"reasonCode"_s, r.reasonCode},
            {u"reasonInfo"_s, r.reason},
            {u"policyInfo"_s, r.policyInfo},
            {u"from"_s, personJson(m.from)},
            {u"fromHeader"_s, personJson(m.fromHeader)},
            {u"to"_s, personJson(m.to)},
            {u"toHeader"_s, personJson(m.toHeader)},
            {u"subject"_s, m.subject},
            {u"route"_s, m.route},
            {u"hasAttachments"_s, !m.attachments.isEmpty()},
            {u"size"_s, m.size}};
}
} // namespace

HttpReply holdMessageList(SimContext &ctx)
{
    HttpReply reply;
    PageRequest page;
    if (!checkItemCount(ctx, 0, 1, &reply) || !readPage(ctx, 25, &page, &reply))
        return reply;
    HeldFilter filter;
    const QJsonArray errors = parseFilter(page.item, &filter);
    if (!errors.isEmpty())
        return okReply({}, {QJsonObject{{u"key"_s, page.item}, {u"errors"_s, errors}}});
    // One pass over the queue (newest first), then a slice: cheap even for 10,000 holds.
    QVector<int> hits;
    if (filter.admin) {
        for (int i = 0; i < ctx.data.held.size(); ++i)
            if (matches(ctx.data.held[i], filter))
                hits.append(i);
    }
    QJsonArray items;
    const int end = std::min(int(hits.size()), page.offset + page.size);
    for (int i = page.offset; i < end; ++i)
        items.append(heldItem(ctx.data.held[hits[i]]));
    return okReply(items, {}, pagination(page, int(hits.size()), true));
}

HttpReply holdSummaryList(SimContext &ctx)
{
    QMap<QString, int> counts;
    for (const auto &m : std::as_const(ctx.data.held))
        if (!m.handled)
            ++counts[holdReasons().at(m.reason).policyInfo];
    QJsonArray items;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        items.append(QJsonObject{{u"policyInfo"_s, it.key()}, {u"numberOfItems"_s, it.value()}});
    return okReply(items);
}

namespace {
// What get-held-message-detail says about one held message.
QJsonObject heldDetailJson(const HeldMessage &m)
{
    QJsonObject item = heldItem(m);
    item.insert(u"to"_s, QJsonArray{personJson(m.to)});
    item.insert(u"received"_s, isoDate(m.receivedMs));
    item.insert(u"processed"_s, isoDate(m.receivedMs + 2000));
    item.insert(u"headerDate"_s, isoDate(m.receivedMs - 5000));
    item.insert(u"status"_s, m.handled ? u"processed"_s : u"held"_s);
    item.insert(u"senderIP"_s, m.senderIp);
    item.insert(u"isPassthrough"_s, false);
    item.insert(u"hasHtmlBody"_s, true);
    item.insert(u"hasTextBody"_s, true);
    item.insert(u"messageBodyPreview"_s, heldBody(m));
    item.insert(u"headers"_s, mailHeaders(m.fromHeader, {m.toHeader}, m.subject,
                                          m.receivedMs - 5000, m.messageId));
    QJsonArray attachments;
    for (int i = 0; i < m.attachments.size(); ++i) {
        const Attachment &a = m.attachments[i];
        QJsonObject json = attachmentJson(a, m.id, i);
        const bool bad = a.extension == u"exe"_s || a.extension == u"html"_s;
        json.insert(u"verdict"_s, bad ? u"malicious"_s : u"safe"_s);
        json.insert(u"scanDate"_s, isoDate(m.receivedMs + 30000));
        attachments.append(json);
    }
    item.insert(u"attachments"_s, attachments);
    return item;
}
} // namespace

HttpReply heldMessageDetail(SimContext &ctx)
{
    return detailById(ctx, ctx.data.heldIndex, u"err_held_message_not_found"_s,
                      u"No held message has this id"_s,
                      [&ctx](int row) { return heldDetailJson(ctx.data.held.at(row)); });
}

HttpReply heldReleaseLogs(SimContext &ctx)
{
    HttpReply reply;
    PageRequest page;
    if (!checkItemCount(ctx, 0, 1, &reply) || !readPage(ctx, 25, &page, &reply))
        return reply;
    std::optional<qint64> start, end;
    QJsonArray errors;
    readDateRange(page.item, &start, &end, &errors);
    if (!errors.isEmpty())
        return okReply({}, {QJsonObject{{u"key"_s, page.item}, {u"errors"_s, errors}}});
    QVector<int> hits; // newest first
    for (int i = int(ctx.data.releaseLog.size()) - 1; i >= 0; --i) {
        const qint64 t = ctx.data.releaseLog[i].timeMs;
        if ((!start || t >= *start) && (!end || t <= *end))
            hits.append(i);
    }
    QJsonArray items;
    const int last = std::min(int(hits.size()), page.offset + page.size);
    for (int i = page.offset; i < last; ++i) {
        const ReleaseLogEntry &e = ctx.data.releaseLog[hits[i]];
        const HeldMessage &m = ctx.data.held[e.heldIndex];
        QJsonObject item{{u"id"_s, e.id},
                         {u"operator"_s, e.operatorName},
                         {u"time"_s, isoDate(e.timeMs)},
                         {u"action"_s, e.action},
                         {u"from"_s, personJson(m.from)},
                         {u"to"_s, personJson(m.to)},
                         {u"subject"_s, m.subject},
                         {u"route"_s, m.route},
                         {u"reason"_s, holdReasons().at(m.reason).reason},
                         {u"policyInfo"_s, holdReasons().at(m.reason).policyInfo}};
        if (!e.rejectReason.isEmpty())
            item.insert(u"rejectReason"_s, e.rejectReason);
        items.append(item);
    }
    return okReply(items, {}, pagination(page, int(hits.size()), true));
}

} // namespace mcdesk::sim
