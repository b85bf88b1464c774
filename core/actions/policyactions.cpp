// ActionRunner's blocked-sender policy actions: list, create and delete. The changes are jobs of
// the journal, audited like every other write (one entry, one item), in policyjob.cpp.
#include "core/actions/actionrunner.h"

using namespace Qt::StringLiterals;

namespace mcdesk::actions {

void ActionRunner::runListPolicies()
{
    auto *op = new senders::GetBlockedSenderPolicies(m_client, this);
    m_operation = op;
    connect(op, &api::SingleCall::finished, this, [this, op] {
        op->deleteLater();
        if (op->error().isError())
            return failWith(op->error());
        QJsonArray policies;
        m_table = {{u"id"_s, u"description"_s, u"option"_s, u"fromPart"_s, u"from"_s, u"to"_s,
                    u"enabled"_s}};
        for (const senders::BlockedSenderPolicy &p : op->policies()) {
            policies.append(p.raw);
            m_table.append({p.id, p.description, p.option, p.fromPart, p.from.describe(),
                            p.to.describe(), p.enabled ? u"true"_s : u"false"_s});
        }
        ActionOutcome out{true,
                          u"%1 blocked-sender policies."_s.arg(policies.size()),
                          {{u"count"_s, policies.size()}, {u"policies"_s, policies}},
                          ExitCode::Success};
        out.policies = op->policies();
        finishWith(out);
    });
    op->start();
}

void ActionRunner::runCreatePolicy(const senders::BlockedSenderPolicy &policy)
{
    runPolicyJob(ActionId::CreateBlockedSenderPolicy, policy); // policyjob.cpp
}

void ActionRunner::runDeletePolicy(const QString &id)
{
    // Read first: the audit entry names what was deleted, whoever asks (the CLI knows only the
    // id), and an id Mimecast does not have is refused before any write is sent.
    auto *lookup = new senders::GetBlockedSenderPolicies(m_client, this);
    m_operation = lookup;
    connect(lookup, &api::SingleCall::finished, this, [this, lookup, id] {
        lookup->deleteLater();
        if (lookup->error().isError())
            return failWith(lookup->error());
        for (const senders::BlockedSenderPolicy &p : lookup->policies())
            if (p.id == id)
                return deleteKnownPolicy(p);
        failWith({api::ApiError::Kind::Refused, 0, u"err_policy_not_found"_s,
                  u"Mimecast has no blocked-sender policy with id \""_s + id +
                      u"\"; nothing was deleted (list-blocked-sender-policies shows the ids)."_s,
                  false});
    });
    lookup->start();
}

void ActionRunner::deleteKnownPolicy(const senders::BlockedSenderPolicy &policy)
{
    runPolicyJob(ActionId::DeleteBlockedSenderPolicy, policy); // policyjob.cpp
}

} // namespace mcdesk::actions
