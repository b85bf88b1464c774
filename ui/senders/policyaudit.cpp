#include "policyaudit.h"

#include "blockedpolicymodel.h"

using namespace Qt::StringLiterals;

namespace mcdesk::ui::policyaudit {

QJsonObject item(const QString &id, const senders::BlockedSenderPolicy &policy,
                 const api::ApiError &error)
{
    const QString outcome = !error.isError()       ? u"done"_s
                            : error.outcomeUnknown ? u"unknown"_s
                                                   : u"failed"_s;
    QJsonObject item{{u"id"_s, id},
                     {u"outcome"_s, outcome},
                     {u"description"_s, policy.description},
                     {u"from"_s, BlockedPolicyModel::partyText(policy.from)},
                     {u"to"_s, BlockedPolicyModel::partyText(policy.to)}};
    if (error.isError())
        item.insert(u"error"_s,
                    QJsonObject{{u"code"_s, error.code}, {u"message"_s, error.message}});
    return item;
}

QString append(const audit::AuditLog &log, const actions::ActionContext &context,
               const QString &action, const QJsonObject &item, const QString &message)
{
    audit::AuditEntry entry;
    entry.profile = context.profile;
    entry.action = action;
    entry.caseId = context.caseId;
    entry.alertGroups = context.alertGroups;
    entry.targetEntities = context.targetsJson();
    entry.scope = context.scope;
    entry.items = {item};
    entry.message = message;
    QString error;
    if (log.append(entry, &error))
        return {};
    return error.isEmpty() ? u"unknown error"_s : error;
}

} // namespace mcdesk::ui::policyaudit
