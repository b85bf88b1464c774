#include "core/actions/actioncontext.h"

using namespace Qt::StringLiterals;

namespace mcdesk::actions {

namespace {
const QList<std::pair<ActionId, QString>> &table()
{
    static const QList<std::pair<ActionId, QString>> names{
        {ActionId::Ping, u"ping"_s},
        {ActionId::SimpleArchiveSearch, u"simple-archive-search"_s},
        {ActionId::AdvancedArchiveSearch, u"advanced-archive-search"_s},
        {ActionId::ReleaseMessage, u"release-message"_s},
        {ActionId::RejectMessage, u"reject-message"_s},
        {ActionId::PermitSender, u"permit-sender"_s},
        {ActionId::BlockSender, u"block-sender"_s},
        {ActionId::ReportMessage, u"report-message"_s},
        {ActionId::ListHeld, u"list-held"_s},
        {ActionId::HeldSummary, u"held-summary"_s},
        {ActionId::ListBlockedSenderPolicies, u"list-blocked-sender-policies"_s},
        {ActionId::CreateBlockedSenderPolicy, u"create-blocked-sender-policy"_s},
        {ActionId::DeleteBlockedSenderPolicy, u"delete-blocked-sender-policy"_s},
        {ActionId::ReleaseAndPermit, u"release-and-permit"_s},
        {ActionId::RejectAndBlock, u"reject-and-block"_s},
        {ActionId::ImportManagedSenders, u"import-senders"_s},
        {ActionId::ListJobs, u"jobs"_s},
        {ActionId::ResumeJob, u"resume"_s},
        {ActionId::TrackMessage, u"track-message"_s},
        {ActionId::MessageInfo, u"message-info"_s},
        {ActionId::Remediate, u"remediate"_s},
        {ActionId::GetIncident, u"get-incident"_s},
        {ActionId::ListIncidents, u"list-incidents"_s},
        {ActionId::SearchHash, u"search-hash"_s},
        {ActionId::UrlLogs, u"url-logs"_s},
        {ActionId::AttachmentLogs, u"attachment-logs"_s},
        {ActionId::ImpersonationLogs, u"impersonation-logs"_s},
        {ActionId::ListManagedUrls, u"list-managed-urls"_s},
        {ActionId::BlockUrl, u"block-url"_s},
        {ActionId::PermitUrl, u"permit-url"_s},
        {ActionId::DeleteManagedUrl, u"delete-managed-url"_s},
        {ActionId::DecodeUrl, u"decode-url"_s}};
    return names;
}
} // namespace

QJsonArray ActionContext::targetsJson() const
{
    QJsonArray out;
    for (const TargetEntity &t : targets)
        out.append(QJsonObject{{u"Identifier"_s, t.identifier}, {u"EntityType"_s, t.type}});
    return out;
}

TargetEntity ActionContext::parseTarget(const QString &text)
{
    // Split at the last colon so identifiers such as URLs keep theirs when a type is given.
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0 || text.mid(colon + 1).contains(u'/'))
        return {text, {}};
    return {text.left(colon), text.mid(colon + 1)};
}

QJsonObject contextJson(const ActionContext &context)
{
    return {{u"case_id"_s, context.caseId},
            {u"alert_group_identifiers"_s, QJsonArray::fromStringList(context.alertGroups)},
            {u"target_entities"_s, context.targetsJson()},
            {u"scope"_s, context.scope}};
}

ActionContext contextFromJson(const QJsonObject &json)
{
    ActionContext c;
    c.caseId = json.value(u"case_id"_s).toString();
    for (const QJsonValue &v : json.value(u"alert_group_identifiers"_s).toArray())
        c.alertGroups.append(v.toString());
    for (const QJsonValue &v : json.value(u"target_entities"_s).toArray()) {
        const QJsonObject t = v.toObject();
        c.targets.append(
            {t.value(u"Identifier"_s).toString(), t.value(u"EntityType"_s).toString()});
    }
    c.scope = json.value(u"scope"_s).toString(c.scope);
    return c;
}

QString actionName(ActionId id)
{
    for (const auto &[key, name] : table())
        if (key == id)
            return name;
    return {};
}

std::optional<ActionId> actionFromName(const QString &name)
{
    for (const auto &[key, text] : table())
        if (text == name)
            return key;
    return std::nullopt;
}

QStringList actionNames()
{
    QStringList out;
    for (const auto &entry : table())
        out.append(entry.second);
    return out;
}

bool changesState(ActionId id)
{
    switch (id) {
    case ActionId::ReleaseMessage:
    case ActionId::RejectMessage:
    case ActionId::PermitSender:
    case ActionId::BlockSender:
    case ActionId::ReportMessage:
    case ActionId::CreateBlockedSenderPolicy:
    case ActionId::DeleteBlockedSenderPolicy:
    case ActionId::ReleaseAndPermit:
    case ActionId::RejectAndBlock:
    case ActionId::ImportManagedSenders:
    case ActionId::Remediate:
    case ActionId::BlockUrl:
    case ActionId::PermitUrl:
    case ActionId::DeleteManagedUrl:
        return true;
    default:
        return false;
    }
}

} // namespace mcdesk::actions
