#include "core/simulator/endpoints.h"

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
const QStringList &reasonTypes()
{
    static const QStringList list = {
        u"MESSAGE CONTAINS UNDESIRABLE CONTENT"_s, u"MESSAGE CONTAINS CONFIDENTIAL INFORMATION"_s,
        u"REVIEWER DISAPPROVES OF CONTENT"_s, u"INAPPROPRIATE COMMUNICATION"_s,
        u"MESSAGE GOES AGAINST EMAIL POLICIES"_s};
    return list;
}

QJsonObject notFound()
{
    return errorObject(u"err_held_message_not_found"_s,
                       u"No held message has this id; it may have been released, rejected or "
                       u"expired already"_s,
                       u"id"_s);
}

// Takes a message out of the queue and writes the release log. Returns false when the id is
// unknown or already handled.
bool handle(SimContext &ctx, const QString &id, const QString &action, const QString &reason)
{
    ++ctx.data.heldWrites[id]; // every release or reject that reached us, for the tests
    const auto found = ctx.data.heldIndex.constFind(id);
    if (found == ctx.data.heldIndex.cend() || ctx.data.held[*found].handled)
        return false;
    ctx.data.held[*found].handled = true;
    --ctx.data.liveHeld;
    ctx.data.releaseLog.append({id, ctx.operatorName, ctx.nowMs, action, *found, reason});
    return true;
}

HttpReply release(SimContext &ctx, const QString &action)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 25, &reply))
        return reply;
    QJsonArray data, fail;
    for (const auto &value : ctx.items()) {
        const QJsonObject key = value.toObject();
        const QJsonValue idValue = key.value(u"id"_s);
        const QString id = idValue.toString();
        if (!idValue.isString())
            fail << failItem(key, errorObject(u"err_validation_null"_s,
                                              u"id is required and must be a string"_s, u"id"_s));
        else if (id.trimmed().isEmpty())
            fail << failItem(
                key, errorObject(u"err_validation_blank"_s, u"id must not be blank"_s, u"id"_s));
        else if (ctx.failingIds.contains(id))
            fail << injectedFailure(key);
        else if (!handle(ctx, id, action, {}))
            fail << failItem(key, notFound());
        else
            data << QJsonObject{{u"id"_s, id}, {u"release"_s, true}};
    }
    return okReply(data, fail);
}

// Validates one hold-reject item; returns the errors (empty when valid).
QJsonArray rejectErrors(const QJsonObject &item)
{
    QJsonArray errors;
    const QJsonValue ids = item.value(u"ids"_s);
    if (!ids.isArray()) {
        errors << errorObject(u"err_validation_null"_s, u"ids is required (an array of ids)"_s,
                              u"ids"_s);
    } else if (ids.toArray().isEmpty() || ids.toArray().size() > 25) {
        errors << errorObject(
            u"err_validation_item_count"_s,
            u"ids must contain between 1 and 25 ids, got %1"_s.arg(ids.toArray().size()), u"ids"_s);
    } else {
        for (const auto &id : ids.toArray())
            if (!id.isString() || id.toString().trimmed().isEmpty())
                errors << errorObject(u"err_validation_blank"_s,
                                      u"every id must be a non-blank string"_s, u"ids"_s);
    }
    const QJsonValue reasonType = item.value(u"reasonType"_s);
    if (!reasonType.isUndefined() && !reasonTypes().contains(reasonType.toString()))
        errors << errorObject(u"err_validation_invalid_value"_s,
                              u"reasonType must be one of: %1"_s.arg(reasonTypes().join(u", "_s)),
                              u"reasonType"_s);
    const QJsonValue message = item.value(u"message"_s);
    if (!message.isUndefined() && !message.isString())
        errors << errorObject(u"err_validation_invalid_value"_s, u"message must be a string"_s,
                              u"message"_s);
    const QJsonValue notify = item.value(u"notify"_s);
    const bool notifyOk = notify.isUndefined() || notify.isBool() ||
                          notify.toString() == u"true"_s || notify.toString() == u"false"_s;
    if (!notifyOk)
        errors << errorObject(u"err_validation_invalid_value"_s, u"notify must be true or false"_s,
                              u"notify"_s);
    return errors;
}
} // namespace

HttpReply holdRelease(SimContext &ctx)
{
    return release(ctx, u"release"_s);
}

HttpReply releaseToSandbox(SimContext &ctx)
{
    return release(ctx, u"release_to_sandbox"_s);
}

HttpReply holdReject(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 25, &reply))
        return reply;
    QJsonArray data, fail;
    for (const auto &value : ctx.items()) {
        const QJsonObject item = value.toObject();
        const QJsonArray errors = rejectErrors(item);
        if (!errors.isEmpty()) {
            fail << QJsonObject{{u"key"_s, item}, {u"errors"_s, errors}};
            continue;
        }
        const QString reason = item.value(u"reasonType"_s).toString();
        for (const auto &idValue : item.value(u"ids"_s).toArray()) {
            const QString id = idValue.toString();
            const QJsonObject key{{u"id"_s, id}};
            if (ctx.failingIds.contains(id))
                fail << injectedFailure(key);
            else if (!handle(ctx, id, u"reject"_s, reason))
                fail << failItem(key, notFound());
            else
                data << QJsonObject{{u"id"_s, id}, {u"reject"_s, true}};
        }
    }
    return okReply(data, fail);
}

} // namespace mcdesk::sim
