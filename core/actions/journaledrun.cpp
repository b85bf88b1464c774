// ActionRunner's bulk writes: each a job of the journal (JournaledWrite), reported and audited
// here, for a first run and for a resumed one alike.

#include "core/actions/actionrunner.h"

#include "core/audit/audittrail.h"
#include "core/jobs/jobclaim.h"
#include "core/jobs/jobjournal.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace mcdesk::actions {

namespace {

using jobs::ItemState;

api::ItemOutcome outcomeOf(const jobs::JobItem &item, qint64 job)
{
    using S = api::ItemOutcome::Status;
    const api::ApiError::Kind kind = api::ApiError::kindFromName(item.errorKind);
    switch (item.state) {
    case ItemState::Done:
        return {item.key, S::Done, item.code, item.message, item.detail};
    case ItemState::Failed:
        return {item.key, S::Failed, item.code, item.message, item.detail, kind};
    case ItemState::Pending:
        return {item.key,
                S::Failed,
                u"mcdesk_not_sent"_s,
                u"Not sent yet: job %1 keeps it for `mcdesk-cli resume --job %1`."_s.arg(job),
                {},
                api::ApiError::Kind::Connection};
    case ItemState::InFlight:
    case ItemState::Unknown:
        break;
    }
    return {item.key,
            S::Unknown,
            item.code.isEmpty() ? u"mcdesk_unknown"_s : item.code,
            item.message.isEmpty() ? u"Sent, but whether it took effect is not known."_s
                                   : item.message,
            {},
            kind};
}

void addNote(ActionOutcome &out, const QString &note)
{
    out.notes.append(note);
    out.result.insert(u"notes"_s, QJsonArray::fromStringList(out.notes));
    out.message += u' ' + note;
}

} // namespace

jobs::JobJournal *ActionRunner::journal(QString *problem)
{
    if (m_journal) {
        if (!m_journal->isOpen())
            *problem = m_journal->open();
        return problem->isEmpty() ? m_journal : nullptr;
    }
    // The journal sits beside the audit log: the app's data folder, or a test's own folder.
    const QString path = m_audit ? QFileInfo(m_audit->path()).dir().filePath(u"jobs.sqlite"_s)
                                 : jobs::JobJournal::defaultPath();
    m_ownJournal = std::make_unique<jobs::JobJournal>(path);
    *problem = m_ownJournal->open();
    if (!problem->isEmpty()) {
        m_ownJournal.reset();
        return nullptr;
    }
    m_journal = m_ownJournal.get();
    return m_journal;
}

ActionRunner *ActionRunner::makeStep()
{
    auto *step = new ActionRunner(m_client, m_audit, m_context, this);
    QString ignored;
    step->setJournal(journal(&ignored));
    step->setJobSettings(m_jobSettings);
    connect(step, &ActionRunner::paused, this, &ActionRunner::paused);
    connect(step, &ActionRunner::unpaused, this, &ActionRunner::unpaused);
    return step;
}

void ActionRunner::resume(qint64 job)
{
    m_action = ActionId::ResumeJob; // until the journal says which action the job is
    runResume(QString::number(job), false);
}

void ActionRunner::runListJobs()
{
    QString problem;
    jobs::JobJournal *store = journal(&problem);
    if (!store)
        return failWith(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
    const QList<jobs::JobRecord> open = store->openJobs(&problem);
    if (!problem.isEmpty())
        return failWith(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
    QJsonArray list;
    for (const jobs::JobRecord &job : open) {
        QJsonObject json = job.toJson();
        json.insert(u"running"_s, jobs::JobClaim::isHeld(store->path(), job.id));
        list.append(json);
    }
    ActionOutcome out{true,
                      open.isEmpty() ? u"No unfinished jobs."_s
                                     : u"%1 unfinished jobs."_s.arg(open.size()),
                      {{u"count"_s, list.size()}, {u"jobs"_s, list}},
                      ExitCode::Success};
    out.jobs = open;
    if (!store->notice().isEmpty())
        addNote(out, store->notice());
    finishWith(out);
}

void ActionRunner::discard(qint64 job)
{
    m_action = ActionId::ResumeJob;
    runResume(QString::number(job), true);
}

void ActionRunner::runResume(const QString &jobId, bool discard)
{
    QString problem;
    jobs::JobJournal *store = journal(&problem);
    if (!store)
        return failWith(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
    qint64 job = jobId.toLongLong();
    if (job == 0) {
        for (const jobs::JobRecord &r : jobs::unclaimedOpenJobs(*store, &problem))
            if (r.profile == m_context.profile) {
                job = r.id;
                break;
            }
        if (job == 0)
            return finishWith(
                {true,
                 u"No unfinished job of the connection \"%1\" to resume."_s.arg(m_context.profile),
                 {{u"job"_s, 0}},
                 ExitCode::Success});
    }
    if (const std::optional<jobs::JobRecord> record = store->load(job, &problem, false)) {
        if (const std::optional<ActionId> id = actionFromName(record->action);
            id && isPolicyChange(*id))
            return resumePolicyJob(job, discard);
        else if (id && *id == ActionId::Remediate)
            return resumeRemediationJob(job, discard);
    }
    // One step runner per job: a combined move's message step is followed by its sender step.
    auto *first = makeStep();
    m_operation = first;
    connect(first, &ActionRunner::progress, this, &ActionRunner::progress);
    connect(first, &ActionRunner::finished, this, [this, first] {
        m_context = first->m_context;
        if (!first->m_moveStep) {
            first->deleteLater();
            m_action = first->m_action;
            m_job = first->m_job;
            return finishWith(first->outcome());
        }
        m_action = first->m_action == ActionId::ReleaseMessage ? ActionId::ReleaseAndPermit
                                                               : ActionId::RejectAndBlock;
        moveSecondStep(m_action, first, {});
    });
    first->runJournaled(ActionId::ResumeJob, {}, job, discard);
}

void ActionRunner::runJournaled(ActionId id, const ActionArgs &args, qint64 resumeJob, bool discard)
{
    QString problem;
    jobs::JobJournal *store = journal(&problem);
    if (!store) // a write nobody could account for is never sent
        return failWith(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
    auto *write = new JournaledWrite(m_client, store, m_jobSettings, this);
    m_operation = write;
    connect(write, &JournaledWrite::progress, this, &ActionRunner::progress);
    connect(write, &JournaledWrite::paused, this, &ActionRunner::paused);
    connect(write, &JournaledWrite::unpaused, this, &ActionRunner::unpaused);
    connect(write, &JournaledWrite::finished, this, [this, write] { finishJournaled(write); });
    if (resumeJob > 0)
        write->resume(resumeJob, m_context.profile, discard);
    else
        write->start(id, args, m_context);
}

void ActionRunner::finishJournaled(JournaledWrite *write)
{
    // Kept until its audit entry is on disk: only then does it record that, and close the job.
    m_job = write->job();
    const api::ApiError jobError = write->error();
    if (write->items().isEmpty()) { // refused before anything was recorded: nothing was sent
        write->deleteLater();
        return failWith(jobError);
    }
    m_action = write->action();
    m_moveStep = write->isMoveStep();
    const QString profile = m_context.profile;
    m_context = write->context();
    m_context.profile = profile;

    const bool senders = m_action == ActionId::PermitSender || m_action == ActionId::BlockSender;
    const bool closing = !write->isOpen();
    QJsonArray items, audited;
    QList<int> auditedSeqs;
    QList<api::ItemOutcome> outcomes;
    QList<threats::ManagedUrl> createdUrls; // block-url / permit-url: with Mimecast's ids
    int done = 0;
    bool allTransport = true; // every failure was the connection or the credentials
    for (const jobs::JobItem &item : write->items()) {
        const api::ItemOutcome o = outcomeOf(item, m_job);
        outcomes.append(o);
        QJsonObject json;
        if (senders) {
            const senders::ManagedSender entry = senders::ManagedSender::fromKey(o.key);
            json.insert(u"sender"_s, entry.sender);
            json.insert(u"recipient"_s, entry.recipient);
            json.insert(u"action"_s, senders::ManagedSender::actionName(entry.action));
            if (o.status == api::ItemOutcome::Status::Done && o.detail.contains(u"id"_s)) {
                json.insert(u"managed_sender_id"_s, o.detail.value(u"id"_s));
                json.insert(u"type"_s, o.detail.value(u"type"_s));
            }
        } else if (m_action == ActionId::BlockUrl || m_action == ActionId::PermitUrl) {
            threats::ManagedUrl entry = threats::ManagedUrl::fromKey(o.key);
            json = entry.toJson();
            if (o.status == api::ItemOutcome::Status::Done && o.detail.contains(u"id"_s)) {
                json.insert(u"managed_url_id"_s, o.detail.value(u"id"_s));
                entry.id = o.detail.value(u"id"_s).toString();
                createdUrls.append(entry);
            }
        } else {
            json.insert(u"id"_s, o.key);
        }
        json.insert(u"outcome"_s, api::ItemOutcome::statusName(o.status));
        if (o.status == api::ItemOutcome::Status::Done) {
            ++done;
            allTransport = false;
            if (!o.code.isEmpty())
                json.insert(u"note"_s, o.message); // reconciled: how we know
        } else {
            json.insert(u"error"_s, QJsonObject{{u"code"_s, o.code}, {u"message"_s, o.message}});
            if (exitCodeFor({o.errorKind, 0, {}, {}, false}) != ExitCode::ConnectionFailure)
                allTransport = false;
        }
        items.append(json);
        // What this run settled is audited now; what is still open, when it settles.
        const bool settled = item.state == ItemState::Done || item.state == ItemState::Failed ||
                             (closing && item.state == ItemState::Unknown);
        if (settled && !item.audited) {
            audited.append(json);
            auditedSeqs.append(item.seq);
        }
    }
    const int total = int(outcomes.size());
    QJsonObject result{{u"items"_s, items},
                       {u"requests"_s, write->requestsSent()},
                       {u"job"_s, m_job},
                       {u"most_in_flight"_s, write->mostInFlight()},
                       {u"job_open"_s, write->isOpen()}};
    QString summary = u"%1 of %2 done"_s.arg(done).arg(total);
    ActionOutcome out;
    if (done == total && !jobError.isError()) {
        out = {true, summary + u'.', result, ExitCode::Success};
    } else {
        const auto first = std::find_if(outcomes.cbegin(), outcomes.cend(), [](const auto &o) {
            return o.status != api::ItemOutcome::Status::Done;
        });
        const QString why = jobError.isError() ? jobError.describe() : first->message;
        out = {false,
               summary + u"; "_s + (jobError.isError() ? QString() : u"first problem: "_s) + why,
               result,
               jobError.isError() ? exitCodeFor(jobError)
               : allTransport     ? ExitCode::ConnectionFailure
                                  : ExitCode::Refused};
        out.error = jobError;
        if (jobError.isError())
            out.result.insert(u"error"_s, errorJson(jobError));
    }
    out.items = outcomes;
    out.managedUrls = createdUrls;
    if (audited.isEmpty() && !closing) { // nothing changed in this run
        write->deleteLater();
        return finishWith(out);
    }
    const QString auditSummary = summary; // the entry names the job in its own field
    finishAudited(out, audited, auditSummary,
                  [this, write = QPointer<JournaledWrite>(write), auditedSeqs] {
                      if (!write)
                          return QString();
                      write->deleteLater();
                      const QString problem = write->recordAudited(auditedSeqs);
                      m_nextJob = write->nextJob();
                      m_senderRefusals = write->senderRefusals();
                      return problem;
                  });
}

} // namespace mcdesk::actions
