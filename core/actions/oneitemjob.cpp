// Writes of one item as jobs of the journal (docs/jobs.md): a blocked-sender policy change, a
// remediation. Recorded and claimed before the request is sent, settled by its answer, closed
// once audited — except when the answer was lost: the job then stays open and `resume` looks
// the change up (the policy list, the incident list) before anything is sent again.
#include "core/actions/actionrunner.h"

#include "core/jobs/jobclaim.h"
#include "core/jobs/jobjournal.h"

using namespace Qt::StringLiterals;

namespace mcdesk::actions {

bool ActionRunner::beginOneItemJob(ActionId id, const QJsonObject &args, const QString &key)
{
    QString problem;
    jobs::JobJournal *store = journal(&problem);
    if (!store) { // a change nobody could account for is never sent
        failWith(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
        return false;
    }
    const std::optional<qint64> job = store->createJob(actionName(id), args, contextJson(m_context),
                                                       m_context.profile, {key}, &problem);
    if (!job) {
        failWith(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
        return false;
    }
    m_job = *job;
    m_claim = jobs::JobClaim::take(store->path(), m_job, &problem);
    if (!m_claim) {
        failWith(api::ApiError::local(u"mcdesk_job_claimed"_s, problem));
        return false;
    }
    return true;
}

std::optional<jobs::JobRecord> ActionRunner::claimOneItemJob(qint64 jobId)
{
    QString problem;
    m_job = jobId;
    m_claim = jobs::JobClaim::take(m_journal->path(), m_job, &problem);
    if (!m_claim) {
        failWith(api::ApiError::local(u"mcdesk_job_claimed"_s, problem));
        return std::nullopt;
    }
    // Read again once claimed: another process may have finished it in the meantime.
    std::optional<jobs::JobRecord> job = m_journal->load(m_job, &problem, true);
    if (!job || !job->open || job->items.size() != 1) {
        failWith(api::ApiError::local(
            u"mcdesk_job_closed"_s,
            problem.isEmpty() ? u"Job %1 is finished; there is nothing to resume."_s.arg(m_job)
                              : problem));
        return std::nullopt;
    }
    const QString profile = m_context.profile;
    m_context = contextFromJson(job->context);
    m_context.profile = profile;
    m_action = *actionFromName(job->action);
    return job;
}

bool ActionRunner::settleOneItem(const api::ApiError &error, const QString &key,
                                 const QJsonObject &detail, const QString &note)
{
    jobs::JobItem item{0, key, jobs::ItemState::Done, {}, {}, {}, {}, false};
    if (error.isError()) {
        item.state = error.outcomeUnknown ? jobs::ItemState::Unknown : jobs::ItemState::Failed;
        item.code = error.code;
        item.message = error.message;
        item.errorKind = error.kindName();
    } else {
        item.detail = detail;
        item.message = note;
    }
    if (const QString problem = m_journal->settle(m_job, {item}); !problem.isEmpty()) {
        failWith(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
        return false;
    }
    return true;
}

std::function<QString()> ActionRunner::closeOneItemJob(const api::ApiError &error)
{
    // A lost answer keeps the job open, unless it was discarded without checking.
    const bool closing = !error.outcomeUnknown || error.code == u"mcdesk_cannot_check"_s;
    return [this, closing]() -> QString {
        if (const QString problem = m_journal->markAudited(m_job, {0}); !problem.isEmpty())
            return problem;
        return closing ? m_journal->close(m_job) : QString();
    };
}

QJsonObject withOutcome(QJsonObject item, const api::ApiError &error)
{
    item.insert(u"outcome"_s, api::ItemOutcome::statusName(api::ItemOutcome::statusOf(error)));
    if (error.isError())
        item.insert(u"error"_s,
                    QJsonObject{{u"code"_s, error.code}, {u"message"_s, error.message}});
    return item;
}

api::ApiError discardedOneItem(jobs::ItemState state, const QString &whereToCheck)
{
    if (state == jobs::ItemState::Pending)
        return api::ApiError::local(u"mcdesk_discarded"_s,
                                    u"Discarded before it was sent; nothing was changed."_s);
    return {api::ApiError::Kind::Local, 0, u"mcdesk_cannot_check"_s,
            u"Discarded without checking: it may have taken effect; see "_s + whereToCheck + u'.',
            true};
}

} // namespace mcdesk::actions
