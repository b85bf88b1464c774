#include "core/simulator/endpoints.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
int findPolicy(const SimContext &ctx, const QString &id)
{
    for (int i = 0; i < ctx.data.policies.size(); ++i)
        if (ctx.data.policies[i].value(u"id"_s).toString() == id)
            return i;
    return -1;
}

HttpReply notFound()
{
    return envelopeReply(404, {}, {}); // what Mimecast answers for a missing policy
}

void checkParty(const QJsonObject &policy, const QString &side, QJsonArray *errors)
{
    static const QStringList types = {
        u"everyone"_s,      u"internal_addresses"_s, u"external_addresses"_s,     u"email_domain"_s,
        u"email_address"_s, u"profile_group"_s,      u"address_attribute_value"_s};
    const QString prefix = u"policy."_s + side;
    const QJsonObject party = policy.value(side).toObject();
    const QString type = party.value(u"type"_s).toString();
    if (!policy.value(side).isObject()) {
        *errors << errorObject(u"err_validation_null"_s, u"%1 is required"_s.arg(prefix), prefix);
    } else if (!types.contains(type)) {
        *errors << errorObject(u"err_validation_invalid_value"_s,
                               u"%1.type must be one of %2"_s.arg(prefix, types.join(u", "_s)),
                               prefix + u".type"_s);
    } else if (type == u"email_address"_s &&
               !isValidEmail(party.value(u"emailAddress"_s).toString())) {
        *errors << errorObject(u"err_validation_invalid_email_address"_s,
                               u"Email address is not valid"_s, prefix + u".emailAddress"_s);
    } else if (type == u"email_domain"_s) {
        static const QRegularExpression domain(uR"(^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$)"_s);
        if (!domain.match(party.value(u"emailDomain"_s).toString()).hasMatch())
            *errors << errorObject(u"err_validation_invalid_value"_s,
                                   u"emailDomain is not a valid domain"_s,
                                   prefix + u".emailDomain"_s);
    } else if (type == u"profile_group"_s && party.value(u"groupId"_s).toString().isEmpty()) {
        *errors << errorObject(u"err_validation_blank"_s, u"groupId is required"_s,
                               prefix + u".groupId"_s);
    }
}

QJsonArray policyErrors(const QJsonObject &item)
{
    QJsonArray errors;
    const QString option = item.value(u"option"_s).toString();
    if (option != u"block_sender"_s && option != u"no_action"_s)
        errors << errorObject(u"err_validation_invalid_value"_s,
                              u"option must be block_sender or no_action"_s, u"option"_s);
    const QJsonObject policy = item.value(u"policy"_s).toObject();
    if (!item.value(u"policy"_s).isObject())
        return errors << errorObject(u"err_validation_null"_s, u"policy is required"_s,
                                     u"policy"_s);
    checkParty(policy, u"from"_s, &errors);
    checkParty(policy, u"to"_s, &errors);
    const QJsonValue fromPart = policy.value(u"fromPart"_s);
    static const QStringList parts = {u"envelope_from"_s, u"header_from"_s, u"both"_s};
    if (!fromPart.isUndefined() && !parts.contains(fromPart.toString()))
        errors << errorObject(u"err_validation_invalid_value"_s,
                              u"fromPart must be envelope_from, header_from or both"_s,
                              u"policy.fromPart"_s);
    return errors;
}

QJsonObject withDefaults(QJsonObject policy, const QString &created, const QString &now)
{
    const QJsonObject defaults{
        {u"description"_s, u""_s},
        {u"fromPart"_s, u"both"_s},
        {u"fromType"_s, policy.value(u"from"_s).toObject().value(u"type"_s)},
        {u"toType"_s, policy.value(u"to"_s).toObject().value(u"type"_s)},
        {u"fromEternal"_s, true},
        {u"toEternal"_s, true},
        {u"fromDate"_s, u"1900-01-01T00:00:00+0000"_s},
        {u"toDate"_s, u"2100-01-01T23:59:59+0000"_s},
        {u"override"_s, false},
        {u"bidirectional"_s, false},
        {u"conditions"_s, QJsonObject{}},
        {u"enabled"_s, true},
        {u"enforced"_s, false},
    };
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        if (!policy.contains(it.key()))
            policy.insert(it.key(), it.value());
    policy.insert(u"createTime"_s, created);
    policy.insert(u"lastUpdated"_s, now);
    return policy;
}
} // namespace

HttpReply getBlockedSenderPolicy(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 0, 500, &reply))
        return reply;
    if (ctx.items().isEmpty()) {
        QJsonArray all;
        for (const auto &p : std::as_const(ctx.data.policies))
            all.append(p);
        return okReply(all);
    }
    QJsonArray data;
    for (const auto &value : ctx.items()) {
        const int index = findPolicy(ctx, value.toObject().value(u"id"_s).toString());
        if (index < 0)
            return notFound();
        data.append(ctx.data.policies[index]);
    }
    return okReply(data);
}

HttpReply createBlockedSenderPolicy(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 25, &reply))
        return reply;
    QJsonArray data, fail;
    const QString now = isoDate(ctx.nowMs);
    for (const auto &value : ctx.items()) {
        const QJsonObject item = value.toObject();
        const QJsonArray errors = policyErrors(item);
        const QString id = item.value(u"id"_s).toString();
        const int existing = id.isEmpty() ? -1 : findPolicy(ctx, id);
        if (!errors.isEmpty()) {
            fail << QJsonObject{{u"key"_s, item}, {u"errors"_s, errors}};
        } else if (!id.isEmpty() && existing < 0) {
            fail << failItem(
                item, errorObject(u"err_policy_not_found"_s, u"No policy has this id"_s, u"id"_s));
        } else {
            const QString created = existing < 0 ? now
                                                 : ctx.data.policies[existing]
                                                       .value(u"policy"_s)
                                                       .toObject()
                                                       .value(u"createTime"_s)
                                                       .toString(now);
            const QJsonObject stored{
                {u"id"_s, existing < 0 ? ctx.data.mintId(u"policy"_s) : id},
                {u"option"_s, item.value(u"option"_s)},
                {u"policy"_s, withDefaults(item.value(u"policy"_s).toObject(), created, now)}};
            if (existing < 0)
                ctx.data.policies.append(stored);
            else
                ctx.data.policies[existing] = stored;
            data << stored;
        }
    }
    return okReply(data, fail);
}

HttpReply deleteBlockedSenderPolicy(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 1, &reply))
        return reply;
    const QString id = ctx.items().first().toObject().value(u"id"_s).toString();
    if (id.isEmpty())
        return okReply(
            {}, {failItem(ctx.items().first(),
                          errorObject(u"err_validation_blank"_s, u"id is required"_s, u"id"_s))});
    const int index = findPolicy(ctx, id);
    if (index < 0)
        return notFound();
    ctx.data.policies.removeAt(index);
    return okReply({QJsonObject{{u"id"_s, id}}});
}

} // namespace mcdesk::sim
