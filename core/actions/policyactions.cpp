// ActionRunner's blocked-sender policy actions: list, create and delete, audited like every
// other write (one entry, one item) so the Activity page and exports read GUI and CLI alike.
#include "core/actions/actionrunner.h"

#include "core/audit/auditlog.h"

using namespace Qt::StringLiterals;

namespace mcdesk::actions {

namespace {

// The audit item of a policy change: {"id","outcome","description","from","to","error"}.
// Parties are written with Mimecast's own type names, not the GUI's translated labels.
QJsonObject policyItem(const QString &id, const senders::BlockedSenderPolicy &policy,
                       const api::ApiError &error)
{
    const api::ItemOutcome::Status status = !error.isError() ? api::ItemOutcome::Status::Done
                                            : error.outcomeUnknown
                                                ? api::ItemOutcome::Status::Unknown
                                                : api::ItemOutcome::Status::Failed;
    QJsonObject item{{u"id"_s, id},
                     {u"outcome"_s, api::ItemOutcome::statusName(status)},
                     {u"description"_s, policy.description},
                     {u"from"_s, policy.from.describe()},
                     {u"to"_s, policy.to.describe()}};
    if (error.isError())
        item.insert(u"error"_s,
                    QJsonObject{{u"code"_s, error.code}, {u"message"_s, error.message}});
    return item;
}

} // namespace

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
    auto *op = new senders::CreateBlockedSenderPolicy(m_client, policy, this);
    m_operation = op;
    connect(op, &api::SingleCall::finished, this, [this, op, policy] {
        op->deleteLater();
        const api::ApiError &error = op->error();
        const senders::BlockedSenderPolicy created = op->created();
        const QJsonArray items{policyItem(created.id, policy, error)};
        const QString summary =
            error.isError() ? error.describe() : u"Created policy %1"_s.arg(created.id);
        QJsonObject result{{u"items"_s, items}};
        if (!error.isError())
            result.insert(u"policy"_s, created.raw);
        ActionOutcome out{!error.isError(), summary + u'.', result, exitCodeFor(error)};
        out.error = error;
        if (!error.isError())
            out.policies = {created};
        finishAudited(out, items, summary);
    });
    op->start();
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
    auto *op = new senders::DeleteBlockedSenderPolicy(m_client, policy.id, this);
    m_operation = op;
    connect(op, &api::SingleCall::finished, this, [this, op, policy] {
        op->deleteLater();
        const api::ApiError &error = op->error();
        const QJsonArray items{policyItem(policy.id, policy, error)};
        const QString summary =
            error.isError() ? error.describe() : u"Deleted policy %1"_s.arg(policy.id);
        ActionOutcome out{
            !error.isError(), summary + u'.', {{u"items"_s, items}}, exitCodeFor(error)};
        out.error = error;
        out.policies = {policy};
        finishAudited(out, items, summary);
    });
    op->start();
}

} // namespace mcdesk::actions
