// Blocked-sender policy changes as jobs of the journal (docs/jobs.md): one item, recorded
// before the request is sent and settled by its answer. A change whose answer was lost is
// looked up in the policy list before anything is sent again: a create is done when a policy
// with the same fields is listed, a delete when the id is no longer listed.
#include "core/actions/actionrunner.h"

#include "core/jobs/jobclaim.h"
#include "core/jobs/jobjournal.h"

using namespace Qt::StringLiterals;

namespace mcdesk::actions {

namespace {

// The audit item of a policy change: {"id","outcome","description","from","to","error"}.
// Parties are written with Mimecast's own type names, not the GUI's translated labels.
QJsonObject policyItem(const QString &id, const senders::BlockedSenderPolicy &policy,
                       const api::ApiError &error)
{
    return withOutcome({{u"id"_s, id},
                        {u"description"_s, policy.description},
                        {u"from"_s, policy.from.describe()},
                        {u"to"_s, policy.to.describe()}},
                       error);
}

bool samePolicy(const senders::BlockedSenderPolicy &a, const senders::BlockedSenderPolicy &b)
{
    return a.option == b.option && a.description == b.description && a.fromPart == b.fromPart &&
           a.from.type == b.from.type && a.from.value == b.from.value && a.to.type == b.to.type &&
           a.to.value == b.to.value;
}

} // namespace

bool isPolicyChange(ActionId id)
{
    return id == ActionId::CreateBlockedSenderPolicy || id == ActionId::DeleteBlockedSenderPolicy;
}

void ActionRunner::runPolicyJob(ActionId id, const senders::BlockedSenderPolicy &policy)
{
    const bool create = id == ActionId::CreateBlockedSenderPolicy;
    const QJsonObject args{{u"policy"_s, create ? policy.toCreateItem() : policy.raw}};
    const QString key = create ? policy.description : policy.id;
    if (beginOneItemJob(id, args, key)) // oneitemjob.cpp
        sendPolicyChange(id, policy, key);
}

void ActionRunner::sendPolicyChange(ActionId id, const senders::BlockedSenderPolicy &policy,
                                    const QString &key)
{
    if (const QString problem = m_journal->markInFlight(m_job, {key}); !problem.isEmpty())
        return failWith(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
    if (id == ActionId::CreateBlockedSenderPolicy) {
        auto *op = new senders::CreateBlockedSenderPolicy(m_client, policy, this);
        m_operation = op;
        connect(op, &api::SingleCall::finished, this, [this, op, policy, key] {
            op->deleteLater();
            settlePolicyChange(ActionId::CreateBlockedSenderPolicy, op->error(), policy,
                               op->created(), key, {});
        });
        return op->start();
    }
    auto *op = new senders::DeleteBlockedSenderPolicy(m_client, policy.id, this);
    m_operation = op;
    connect(op, &api::SingleCall::finished, this, [this, op, policy, key] {
        op->deleteLater();
        settlePolicyChange(ActionId::DeleteBlockedSenderPolicy, op->error(), policy, policy, key,
                           {});
    });
    op->start();
}

void ActionRunner::settlePolicyChange(ActionId id, const api::ApiError &error,
                                      const senders::BlockedSenderPolicy &asked,
                                      const senders::BlockedSenderPolicy &changed,
                                      const QString &key, const QString &note)
{
    if (!settleOneItem(error, key, changed.raw, note))
        return;
    m_action = id;
    const bool create = id == ActionId::CreateBlockedSenderPolicy;
    const QJsonArray items{policyItem(create ? changed.id : asked.id, asked, error)};
    QString summary = error.isError() ? error.describe()
                      : create        ? u"Created policy %1"_s.arg(changed.id)
                                      : u"Deleted policy %1"_s.arg(asked.id);
    if (!note.isEmpty())
        summary += u" ("_s + note + u')';
    QJsonObject result{{u"items"_s, items}, {u"job"_s, m_job}};
    if (create && !error.isError())
        result.insert(u"policy"_s, changed.raw);
    ActionOutcome out{!error.isError(), summary + u'.', result, exitCodeFor(error)};
    out.error = error;
    if (!error.isError() || !create)
        out.policies = {create ? changed : asked};
    // An answer that was lost keeps the job open: `resume` looks the policy up before sending.
    finishAudited(out, items, summary, closeOneItemJob(error));
}

void ActionRunner::resumePolicyJob(qint64 jobId, bool discard)
{
    const std::optional<jobs::JobRecord> job = claimOneItemJob(jobId);
    if (!job)
        return;
    const ActionId id = m_action;
    const senders::BlockedSenderPolicy policy =
        senders::BlockedSenderPolicy::fromJson(job->args.value(u"policy"_s).toObject());
    const jobs::JobItem item = job->items.first();
    if (discard) {
        const api::ApiError why = discardedOneItem(item.state, u"list-blocked-sender-policies"_s);
        return settlePolicyChange(id, why, policy, policy, item.key, {});
    }
    if (item.state == jobs::ItemState::Pending)
        return sendPolicyChange(id, policy, item.key);
    // In flight when it stopped, or its answer lost: the policy list says whether it took.
    auto *lookup = new senders::GetBlockedSenderPolicies(m_client, this);
    m_operation = lookup;
    connect(lookup, &api::SingleCall::finished, this, [this, lookup, id, policy, item] {
        lookup->deleteLater();
        if (lookup->error().isError())
            return failWith(lookup->error()); // the job stays open; nothing was sent
        const bool create = id == ActionId::CreateBlockedSenderPolicy;
        for (const senders::BlockedSenderPolicy &p : lookup->policies()) {
            if (create && samePolicy(p, policy))
                return settlePolicyChange(id, {}, policy, p, item.key,
                                          u"found in the policy list; not sent again"_s);
            if (!create && p.id == policy.id)
                return sendPolicyChange(id, policy, item.key); // still there: it did not take
        }
        if (create)
            return sendPolicyChange(id, policy, item.key); // not listed: it did not take
        settlePolicyChange(id, {}, policy, policy, item.key,
                           u"no longer in the policy list; not sent again"_s);
    });
    lookup->start();
}

} // namespace mcdesk::actions
