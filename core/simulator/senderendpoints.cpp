#include "core/simulator/endpoints.h"

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
// Appends the error for a required e-mail field, if any.
void checkAddress(const QJsonObject &item, const QString &field, QJsonArray *errors)
{
    const QJsonValue value = item.value(field);
    if (!value.isString())
        *errors << errorObject(u"err_validation_null"_s, u"%1 is required"_s.arg(field), field);
    else if (value.toString().trimmed().isEmpty())
        *errors << errorObject(u"err_validation_blank"_s, u"%1 must not be blank"_s.arg(field),
                               field);
    else if (!isValidEmail(value.toString().trimmed()))
        *errors << errorObject(u"err_validation_invalid_email_address"_s,
                               u"Email address is not valid"_s, field);
}
} // namespace

HttpReply permitOrBlockSender(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 100, &reply))
        return reply;
    QJsonArray data, fail;
    for (const auto &value : ctx.items()) {
        const QJsonObject item = value.toObject();
        QJsonArray errors;
        checkAddress(item, u"sender"_s, &errors);
        checkAddress(item, u"to"_s, &errors);
        const QString action = item.value(u"action"_s).toString().toLower();
        if (action != u"permit"_s && action != u"block"_s)
            errors << errorObject(u"err_validation_invalid_value"_s,
                                  u"action must be permit or block"_s, u"action"_s);
        if (!errors.isEmpty()) {
            fail << QJsonObject{{u"key"_s, item}, {u"errors"_s, errors}};
            continue;
        }
        const QString sender = item.value(u"sender"_s).toString().trimmed().toLower();
        const QString to = item.value(u"to"_s).toString().trimmed().toLower();
        if (ctx.failingIds.contains(sender)) {
            fail << injectedFailure(item);
            continue;
        }
        const QString type = action == u"permit"_s ? u"Permit"_s : u"Block"_s;
        ManagedSender *entry = nullptr;
        for (auto &existing : ctx.data.senders)
            if (existing.sender == sender && existing.to == to)
                entry = &existing;
        if (entry) {
            entry->type = type; // a later permit/block replaces the earlier one
        } else {
            ctx.data.senders.append({ctx.data.mintId(u"managed-sender"_s), sender, to, type});
            entry = &ctx.data.senders.last();
        }
        data << QJsonObject{{u"id"_s, entry->id},
                            {u"sender"_s, entry->sender},
                            {u"to"_s, entry->to},
                            {u"type"_s, entry->type}};
    }
    return okReply(data, fail);
}

HttpReply reportMessage(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 25, &reply))
        return reply;
    QJsonArray data, fail;
    for (const auto &value : ctx.items()) {
        const QJsonObject item = value.toObject();
        const QString id = item.value(u"id"_s).toString();
        const QString type = item.value(u"type"_s).toString();
        QJsonArray errors;
        if (id.trimmed().isEmpty())
            errors << errorObject(u"err_validation_blank"_s, u"id is required"_s, u"id"_s);
        if (type != u"spam"_s && type != u"malware"_s && type != u"phishing"_s)
            errors << errorObject(u"err_validation_invalid_value"_s,
                                  u"type must be spam, malware or phishing"_s, u"type"_s);
        const QJsonValue comment = item.value(u"comment"_s);
        if (!comment.isUndefined() && !comment.isString())
            errors << errorObject(u"err_validation_invalid_value"_s, u"comment must be a string"_s,
                                  u"comment"_s);
        if (!errors.isEmpty()) {
            fail << QJsonObject{{u"key"_s, item}, {u"errors"_s, errors}};
        } else if (ctx.failingIds.contains(id)) {
            fail << injectedFailure(item);
        } else if (!ctx.data.heldIndex.contains(id) && !ctx.data.archiveIndex.contains(id)) {
            fail << failItem(item, errorObject(u"err_message_not_found"_s,
                                               u"No message has this id"_s, u"id"_s));
        } else {
            data << QJsonObject{{u"id"_s, id}, {u"type"_s, type}, {u"reported"_s, true}};
        }
    }
    return okReply(data, fail);
}

} // namespace mcdesk::sim
