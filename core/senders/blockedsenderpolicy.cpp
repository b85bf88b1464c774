#include "core/senders/blockedsenderpolicy.h"

#include "core/held/heldmessage.h"
#include "core/senders/managedsender.h"

using namespace Qt::StringLiterals;

namespace mcdesk::senders {

namespace {
const QString kFarPast = u"1900-01-01T00:00:00+0000"_s;
const QString kFarFuture = u"2100-01-01T23:59:59+0000"_s;

PolicyParty partyFrom(const QJsonObject &o)
{
    const QString type = o.value(u"type"_s).toString();
    for (const QString &key : {u"emailAddress"_s, u"emailDomain"_s, u"groupId"_s})
        if (o.contains(key))
            return {type, o.value(key).toString()};
    return {type, {}};
}

QJsonObject partyJson(const PolicyParty &p)
{
    QJsonObject o{{u"type"_s, p.type}};
    if (p.type == u"email_address"_s)
        o.insert(u"emailAddress"_s, p.value);
    else if (p.type == u"email_domain"_s)
        o.insert(u"emailDomain"_s, p.value);
    else if (p.type == u"profile_group"_s)
        o.insert(u"groupId"_s, p.value);
    return o;
}

QString checkParty(const PolicyParty &p, const QString &side)
{
    if (!PolicyParty::types().contains(p.type))
        return side + u" type must be one of "_s + PolicyParty::types().join(u", "_s);
    if (PolicyParty::typeNeedsValue(p.type) && p.value.trimmed().isEmpty())
        return side + u" needs a value for type "_s + p.type;
    if (p.type == u"email_address"_s)
        if (const QString bad = address::checkEmailAddress(p.value); !bad.isEmpty())
            return side + u' ' + bad;
    return {};
}
} // namespace

const QStringList &PolicyParty::types()
{
    static const QStringList values{u"everyone"_s,           u"email_domain"_s,
                                    u"email_address"_s,      u"internal_addresses"_s,
                                    u"external_addresses"_s, u"profile_group"_s};
    return values;
}

QString PolicyParty::describe() const
{
    return value.isEmpty() ? type : type + u": "_s + value;
}

bool PolicyParty::typeNeedsValue(const QString &type)
{
    return type == u"email_domain"_s || type == u"email_address"_s || type == u"profile_group"_s;
}

BlockedSenderPolicy BlockedSenderPolicy::fromJson(const QJsonObject &json)
{
    BlockedSenderPolicy p;
    p.raw = json;
    p.id = json.value(u"id"_s).toString();
    p.option = json.value(u"option"_s).toString();
    const QJsonObject policy = json.value(u"policy"_s).toObject();
    p.description = policy.value(u"description"_s).toString();
    p.fromPart = policy.value(u"fromPart"_s).toString();
    p.from = partyFrom(policy.value(u"from"_s).toObject());
    p.to = partyFrom(policy.value(u"to"_s).toObject());
    p.fromEternal = policy.value(u"fromEternal"_s).toBool(true);
    p.toEternal = policy.value(u"toEternal"_s).toBool(true);
    p.fromDate = held::parseMimecastDate(policy.value(u"fromDate"_s).toString());
    p.toDate = held::parseMimecastDate(policy.value(u"toDate"_s).toString());
    p.enabled = policy.value(u"enabled"_s).toBool(true);
    p.bidirectional = policy.value(u"bidirectional"_s).toBool();
    p.override = policy.value(u"override"_s).toBool();
    return p;
}

QJsonObject BlockedSenderPolicy::toCreateItem() const
{
    const QJsonObject policy{
        {u"description"_s, description},
        {u"fromPart"_s, fromPart},
        {u"from"_s, partyJson(from)},
        {u"to"_s, partyJson(to)},
        {u"fromType"_s, from.type},
        {u"toType"_s, to.type},
        {u"fromEternal"_s, fromEternal},
        {u"toEternal"_s, toEternal},
        {u"fromDate"_s, fromEternal ? kFarPast : held::formatMimecastDate(fromDate)},
        {u"toDate"_s, toEternal ? kFarFuture : held::formatMimecastDate(toDate)},
        {u"enabled"_s, enabled},
        {u"bidirectional"_s, bidirectional},
        {u"override"_s, override}};
    return {{u"option"_s, option}, {u"policy"_s, policy}};
}

QString BlockedSenderPolicy::validate() const
{
    if (option != u"block_sender"_s && option != u"no_action"_s)
        return u"Option must be block_sender or no_action"_s;
    if (description.trimmed().isEmpty())
        return u"Description is required: say why this sender is blocked"_s;
    if (fromPart != u"envelope_from"_s && fromPart != u"header_from"_s && fromPart != u"both"_s)
        return u"From part must be envelope_from, header_from or both"_s;
    if (const QString bad = checkParty(from, u"From"_s); !bad.isEmpty())
        return bad;
    if (const QString bad = checkParty(to, u"To"_s); !bad.isEmpty())
        return bad;
    if (!fromEternal && !fromDate.isValid())
        return u"Start date is required unless the policy starts at once"_s;
    if (!toEternal && !toDate.isValid())
        return u"End date is required unless the policy never ends"_s;
    if (!fromEternal && !toEternal && toDate <= fromDate)
        return u"End date must be later than the start date"_s;
    return {};
}

GetBlockedSenderPolicies::GetBlockedSenderPolicies(api::ApiClient *client, QObject *parent)
    : SingleCall(client, u"/api/policy/blockedsenders/get-policy"_s, api::CallKind::Read, parent)
{}

QJsonObject GetBlockedSenderPolicies::body() const
{
    return {{u"data"_s, QJsonArray()}};
}

void GetBlockedSenderPolicies::parse(const api::ApiReply &reply)
{
    for (const QJsonValue &v : reply.data)
        m_policies.append(BlockedSenderPolicy::fromJson(v.toObject()));
}

CreateBlockedSenderPolicy::CreateBlockedSenderPolicy(api::ApiClient *client,
                                                     BlockedSenderPolicy policy, QObject *parent)
    : SingleCall(client, u"/api/policy/blockedsenders/create-policy"_s, api::CallKind::Write,
                 parent)
    , m_policy(std::move(policy))
{}

QJsonObject CreateBlockedSenderPolicy::body() const
{
    return {{u"data"_s, QJsonArray{m_policy.toCreateItem()}}};
}

void CreateBlockedSenderPolicy::parse(const api::ApiReply &reply)
{
    if (!m_error.isError() && reply.data.isEmpty())
        m_error = {api::ApiError::Kind::Malformed, reply.httpStatus, u"mcdesk_not_in_reply"_s,
                   u"Mimecast did not return the created policy; refresh to check."_s, true};
    if (!reply.data.isEmpty())
        m_created = BlockedSenderPolicy::fromJson(reply.data.first().toObject());
}

DeleteBlockedSenderPolicy::DeleteBlockedSenderPolicy(api::ApiClient *client, QString id,
                                                     QObject *parent)
    : SingleCall(client, u"/api/policy/blockedsenders/delete-policy"_s, api::CallKind::Write,
                 parent)
    , m_id(std::move(id))
{}

QJsonObject DeleteBlockedSenderPolicy::body() const
{
    return {{u"data"_s, QJsonArray{QJsonObject{{u"id"_s, m_id}}}}};
}

void DeleteBlockedSenderPolicy::parse(const api::ApiReply &reply)
{
    // An unknown id comes back as meta.status 404 with empty data and fail.
    if (!m_error.isError() && reply.meta.value(u"status"_s).toInt(200) == 404)
        m_error = {api::ApiError::Kind::Refused, 404, u"err_policy_not_found"_s,
                   u"Mimecast has no policy with this id; it may already be deleted."_s, false};
}

} // namespace mcdesk::senders
