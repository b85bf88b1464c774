#include "core/actions/journaledwrite.h"

#include "core/actions/actionrunner.h"
#include "core/held/heldoperations.h"
#include "core/jobs/crashpoint.h"
#include "core/jobs/jobclaim.h"
#include "core/senders/managedsender.h"
#include "core/threats/threatoperations.h"

#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcJobRun, "mcdesk.jobs.run")

namespace mcdesk::actions {

namespace {

using jobs::ItemState;
using jobs::JobItem;

constexpr int kLongestWaitMs = 30000;

// The address a combined move permits or blocks for `m`: the envelope sender unless the
// caller chose the header From for a release & permit.
QString moveSender(const ActionArgs &args, const held::HeldMessage &m)
{
    return held::permittedAddress(m, args.permitAddress.value_or(held::PermitAddress::Envelope));
}

bool isHeldWrite(ActionId action)
{
    return action == ActionId::ReleaseMessage || action == ActionId::RejectMessage;
}

// Failed for a reason that means the request never reached Mimecast: safe to send later.
bool neverSent(const api::ItemOutcome &o)
{
    if (o.status != api::ItemOutcome::Status::Failed)
        return false;
    using K = api::ApiError::Kind;
    return o.errorKind == K::Connection || o.errorKind == K::Timeout ||
           o.code == api::kClientClosedCode || o.code == u"mcdesk_journal_failed"_s ||
           o.code == u"mcdesk_paused"_s;
}

QString clockText(const QDateTime &utc)
{
    return utc.toLocalTime().toString(u"HH:mm:ss"_s);
}

} // namespace

JournaledWrite::JournaledWrite(api::ApiClient *client, jobs::JobJournal *journal,
                               JobSettings settings, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
    , m_settings(settings)
    , m_args(std::make_unique<ActionArgs>())
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_client, &api::ApiClient::rateLimited, this, [this](const QDateTime &until) {
        emit paused(u"Paused by Mimecast's rate limit until "_s + clockText(until) +
                    u" — %1 left"_s.arg(remaining()));
        const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(until);
        QTimer::singleShot(std::max<qint64>(0, wait), this, [this] {
            if (m_client->rateLimitedUntil() <= QDateTime::currentDateTimeUtc())
                emit unpaused();
        });
    });
}

JournaledWrite::~JournaledWrite() = default;

QStringList JournaledWrite::keysFor(ActionId action, const ActionArgs &args)
{
    if (action == ActionId::PermitSender || action == ActionId::BlockSender) {
        QStringList keys;
        for (const senders::ManagedSender &e : args.senderEntries)
            keys.append(e.key());
        return keys;
    }
    if (action == ActionId::BlockUrl || action == ActionId::PermitUrl) {
        QStringList keys;
        for (const threats::ManagedUrl &e : args.managedUrls)
            keys.append(e.key());
        return keys;
    }
    if (action == ActionId::DeleteManagedUrl)
        return args.managedUrlIds;
    return args.messageIds;
}

QJsonObject JournaledWrite::argsJson(const ActionArgs &args)
{
    QJsonObject json{{u"release_to_sandbox"_s, args.releaseToSandbox},
                     {u"note"_s, args.note},
                     {u"reason"_s, args.reason},
                     {u"notify_sender"_s, args.notifySender},
                     {u"comment"_s, args.comment},
                     {u"report_as"_s, args.reportAs}};
    if (args.thenSenders) {
        // Who sent each message: the sender step needs it after the messages left the queue.
        QJsonArray messages;
        for (const held::HeldMessage &m : args.heldMessages)
            messages.append(QJsonObject{
                {u"id"_s, m.id}, {u"sender"_s, moveSender(args, m)}, {u"recipient"_s, m.to.email}});
        json.insert(u"then_senders"_s, senders::ManagedSender::actionName(*args.thenSenders));
        json.insert(u"senders"_s, messages);
    }
    return json;
}

void JournaledWrite::argsFromJson(const QJsonObject &json, ActionArgs &args)
{
    args.releaseToSandbox = json.value(u"release_to_sandbox"_s).toBool();
    args.note = json.value(u"note"_s).toString();
    args.reason = json.value(u"reason"_s).toString();
    args.notifySender = json.value(u"notify_sender"_s).toBool();
    args.comment = json.value(u"comment"_s).toString();
    args.reportAs = json.value(u"report_as"_s).toString(u"spam"_s);
    const QString then = json.value(u"then_senders"_s).toString();
    if (then.isEmpty())
        return;
    args.thenSenders = then == u"permit"_s ? senders::ManagedSender::Action::Permit
                                           : senders::ManagedSender::Action::Block;
    for (const QJsonValue &v : json.value(u"senders"_s).toArray()) {
        held::HeldMessage m;
        m.id = v[u"id"_s].toString();
        m.fromEnvelope.email = v[u"sender"_s].toString();
        m.to.email = v[u"recipient"_s].toString();
        args.heldMessages.append(m);
    }
}

bool JournaledWrite::isMoveStep() const
{
    return m_args->thenSenders.has_value();
}

bool JournaledWrite::isOpen() const
{
    return std::any_of(m_items.cbegin(), m_items.cend(), [](const JobItem &i) {
        return i.state == ItemState::Pending || i.state == ItemState::InFlight ||
               (i.state == ItemState::Unknown && i.code != u"mcdesk_cannot_check"_s);
    });
}

int JournaledWrite::remaining() const
{
    return int(std::count_if(m_items.cbegin(), m_items.cend(), [](const JobItem &i) {
        return i.state == ItemState::Pending || i.state == ItemState::InFlight;
    }));
}

QList<int> JournaledWrite::seqsIn(ItemState state) const
{
    QList<int> out;
    for (const JobItem &i : m_items)
        if (i.state == state)
            out.append(i.seq);
    return out;
}

void JournaledWrite::failJob(const api::ApiError &error)
{
    m_error = error;
    done();
}

void JournaledWrite::done()
{
    if (m_finished)
        return;
    m_finished = true;
    QMetaObject::invokeMethod(this, &JournaledWrite::finished, Qt::QueuedConnection);
}

void JournaledWrite::start(ActionId action, const ActionArgs &args, const ActionContext &context)
{
    m_action = action;
    *m_args = args;
    m_context = context;
    const QStringList keys = keysFor(action, args);
    QString problem;
    const std::optional<qint64> job = m_journal->createJob(
        actionName(action), argsJson(args), contextJson(context), context.profile, keys, &problem);
    if (!job)
        return failJob(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
    m_job = *job;
    for (int i = 0; i < keys.size(); ++i) {
        m_items.append({i, keys.at(i), ItemState::Pending, {}, {}, {}, {}, false});
        m_indexOfKey.insert(keys.at(i), i);
    }
    jobs::crashPoint("job-recorded");
    claimAndRun();
}

void JournaledWrite::resume(qint64 job, const QString &profile, bool discard)
{
    m_job = job;
    QString problem;
    m_claim = jobs::JobClaim::take(m_journal->path(), job, &problem);
    if (!m_claim)
        return failJob(api::ApiError::local(u"mcdesk_job_claimed"_s, problem));
    // Read only once claimed: what another process did before is in the journal by now.
    const std::optional<jobs::JobRecord> record = m_journal->load(job, &problem);
    if (!record)
        return failJob(api::ApiError::local(u"mcdesk_job_unknown"_s, problem));
    const std::optional<ActionId> action = actionFromName(record->action);
    if (!action || !changesState(*action))
        return failJob(api::ApiError::local(
            u"mcdesk_job_unknown"_s, u"Job %1 records the action \"%2\", which this version cannot "
                                     u"resume."_s.arg(job)
                                         .arg(record->action)));
    if (!record->open)
        return failJob(api::ApiError::local(
            u"mcdesk_job_closed"_s, u"Job %1 is finished; there is nothing to resume."_s.arg(job)));
    if (record->profile != profile)
        return failJob(api::ApiError::local(
            u"mcdesk_job_profile"_s,
            u"Job %1 was started on the connection \"%2\"; resume it there (--profile %2), not on "
            u"\"%3\"."_s.arg(job)
                .arg(record->profile, profile)));
    m_action = *action;
    argsFromJson(record->args, *m_args);
    m_context = contextFromJson(record->context);
    m_context.profile = record->profile;
    m_items = record->items;
    for (int i = 0; i < m_items.size(); ++i)
        m_indexOfKey.insert(m_items.at(i).key, i);
    if (m_action == ActionId::PermitSender || m_action == ActionId::BlockSender)
        for (const JobItem &i : std::as_const(m_items))
            m_args->senderEntries.append(senders::ManagedSender::fromKey(i.key));
    qCInfo(lcJobRun) << (discard ? "discarding job" : "resuming job") << job << record->describe();
    if (discard) {
        m_discarded = true;
        return discardRest();
    }
    QList<int> unsure = seqsIn(ItemState::InFlight);
    unsure += seqsIn(ItemState::Unknown);
    if (!unsure.isEmpty())
        return reconcile(unsure);
    sendRound();
}

void JournaledWrite::discardRest()
{
    QList<JobItem> changed;
    for (JobItem item : std::as_const(m_items)) {
        if (item.state == ItemState::Pending) {
            item.state = ItemState::Failed;
            item.code = u"mcdesk_discarded"_s;
            item.message = u"Discarded before it was sent; nothing was changed."_s;
        } else if (item.state == ItemState::InFlight || item.state == ItemState::Unknown) {
            item.state = ItemState::Unknown;
            item.code = u"mcdesk_cannot_check"_s;
            item.message = u"Discarded without checking: it may have taken effect; look it up "
                           u"in the held queue or the console."_s;
        } else {
            continue;
        }
        changed.append(item);
    }
    if (const QString problem = m_journal->settle(m_job, changed); !problem.isEmpty())
        return failJob(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
    settleLocally(changed);
    done();
}

void JournaledWrite::claimAndRun()
{
    QString problem;
    m_claim = jobs::JobClaim::take(m_journal->path(), m_job, &problem);
    if (!m_claim) // another process took the job in the moment after it was recorded
        return failJob(api::ApiError::local(u"mcdesk_job_claimed"_s, problem));
    sendRound();
}

void JournaledWrite::cancel()
{
    m_cancelled = true;
    m_retry->stop();
    if (auto *op = qobject_cast<api::Operation *>(m_step.data()))
        op->cancel();
    else if (!m_finished && !m_step)
        sendRound(); // paused: settle what is left as cancelled and finish
}

void JournaledWrite::sendRound()
{
    const QList<int> pending = seqsIn(ItemState::Pending);
    if (m_cancelled && !pending.isEmpty()) {
        QList<JobItem> changed;
        for (int seq : pending) {
            JobItem item = m_items.at(seq);
            item.state = ItemState::Failed;
            item.code = api::kCancelledCode;
            item.message = u"Cancelled before it was sent; nothing was changed."_s;
            changed.append(item);
        }
        if (const QString problem = m_journal->settle(m_job, changed); !problem.isEmpty())
            return failJob(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
        settleLocally(changed);
        return done();
    }
    if (pending.isEmpty())
        return done();
    QStringList keys;
    for (int seq : pending)
        keys.append(m_items.at(seq).key);
    api::BatchWrite *write = nullptr;
    const ActionArgs &a = *m_args;
    switch (m_action) {
    case ActionId::ReleaseMessage:
        write = a.releaseToSandbox ? static_cast<api::BatchWrite *>(
                                         new held::ReleaseHeldToSandbox(m_client, keys, this))
                                   : new held::ReleaseHeldMessages(m_client, keys, this);
        break;
    case ActionId::RejectMessage:
        write =
            new held::RejectHeldMessages(m_client, keys, a.note, a.reason, a.notifySender, this);
        break;
    case ActionId::ReportMessage:
        write = new held::ReportMessages(m_client, keys, a.reportAs, a.comment, this);
        break;
    case ActionId::BlockUrl:
    case ActionId::PermitUrl: {
        QList<threats::ManagedUrl> entries;
        for (const QString &key : keys)
            entries.append(threats::ManagedUrl::fromKey(key));
        write = new threats::CreateManagedUrls(m_client, entries, this);
        break;
    }
    case ActionId::DeleteManagedUrl:
        write = new threats::DeleteManagedUrls(m_client, keys, this);
        break;
    default: {
        QList<senders::ManagedSender> entries;
        for (const QString &key : keys)
            entries.append(senders::ManagedSender::fromKey(key));
        write = new senders::PermitOrBlockSenders(m_client, entries, this);
        break;
    }
    }
    write->setLedger(this);
    write->setMaxInFlight(m_client->options().batchesInFlight);
    write->setStopOnConnectionLoss(true);
    m_step = write;
    connect(write, &api::BatchWrite::progress, this, [this](int, int) {
        const int total = int(m_items.size());
        emit progress(total - remaining(), total);
    });
    connect(write, &api::BatchWrite::finished, this, [this, write] { onRoundFinished(write); });
    write->start();
}

QString JournaledWrite::aboutToSend(const QStringList &keys)
{
    jobs::crashPoint("before-batch");
    if (const QString problem = m_journal->markInFlight(m_job, keys); !problem.isEmpty())
        return problem;
    for (const QString &key : keys)
        m_items[m_indexOfKey.value(key)].state = ItemState::InFlight;
    return {};
}

QString JournaledWrite::settled(const QList<api::ItemOutcome> &outcomes)
{
    QList<JobItem> changed;
    for (const api::ItemOutcome &o : outcomes) {
        JobItem item = m_items.at(m_indexOfKey.value(o.key));
        item.code = o.code;
        item.message = o.message;
        item.detail = o.detail;
        item.errorKind = o.errorKind == api::ApiError::Kind::None
                             ? QString()
                             : api::ApiError{o.errorKind, 0, {}, {}, false}.kindName();
        if (neverSent(o))
            item.state = ItemState::Pending; // nothing reached Mimecast: sent when it answers
        else if (o.status == api::ItemOutcome::Status::Done)
            item.state = ItemState::Done;
        else if (o.status == api::ItemOutcome::Status::Failed)
            item.state = ItemState::Failed;
        else
            item.state = ItemState::Unknown;
        changed.append(item);
    }
    if (const QString problem = m_journal->settle(m_job, changed); !problem.isEmpty())
        return problem;
    settleLocally(changed);
    jobs::crashPoint("after-settle");
    const bool answered = std::any_of(changed.cbegin(), changed.cend(), [](const JobItem &i) {
        return i.state == ItemState::Done || i.state == ItemState::Failed;
    });
    if (answered && m_pausedSince.isValid()) { // Mimecast answers again
        m_pausedSince = {};
        emit unpaused();
    }
    return {};
}

void JournaledWrite::settleLocally(const QList<JobItem> &changed)
{
    for (const JobItem &item : changed)
        m_items[item.seq] = item;
}

void JournaledWrite::onRoundFinished(api::BatchWrite *write)
{
    write->deleteLater();
    m_step.clear();
    m_requests += write->requestsSent();
    m_mostInFlight = std::max(m_mostInFlight, write->mostInFlight());
    const api::ApiError &error = write->error();
    if (error.code == u"mcdesk_journal_failed"_s)
        return failJob(error);
    if (error.code == api::kClientClosedCode)
        return failJob(error);
    if (m_cancelled)
        return sendRound();
    const QList<int> lost = seqsIn(ItemState::Unknown);
    const bool unsent = !seqsIn(ItemState::Pending).isEmpty();
    const bool connectionLost =
        error.kind == api::ApiError::Kind::Connection || error.kind == api::ApiError::Kind::Timeout;
    const bool mayReconcile = !lost.isEmpty() && m_reconcileRounds < m_settings.reconcileRounds;
    // No connection: wait before anything else; the first thing tried then is the read that
    // settles lost replies (safe to repeat), or else the next batch.
    if (connectionLost && mayReconcile)
        return pauseForConnection(error, [this, lost] { reconcile(lost); });
    if (connectionLost && unsent)
        return pauseForConnection(error, [this] { sendRound(); });
    if (mayReconcile)
        return reconcile(lost);
    // Anything else that left items unsent ends this run; they stay in the journal for resume.
    done();
}

void JournaledWrite::pauseForConnection(const api::ApiError &why,
                                        const std::function<void()> &retry)
{
    if (!m_pausedSince.isValid()) {
        m_pausedSince = QDateTime::currentDateTimeUtc();
        m_pausedMs = 0;
        m_nextWaitMs = m_settings.firstRetryMs;
    }
    if (m_pausedMs >= m_settings.maxPauseMs) {
        // Bounded: the job stays in the journal for `resume`, and says so.
        return failJob({why.kind, why.httpStatus, why.code,
                        u"No connection to Mimecast since %1 (%2); job %3 is kept with %4 left: "
                        u"resume it when Mimecast answers (mcdesk-cli resume --job %3)."_s
                            .arg(clockText(m_pausedSince), why.describe())
                            .arg(m_job)
                            .arg(remaining()),
                        false});
    }
    emit paused(u"Paused: no connection since "_s + clockText(m_pausedSince) +
                u" — %1 left"_s.arg(remaining()));
    const int wait = std::min(m_nextWaitMs, m_settings.maxPauseMs - m_pausedMs);
    m_pausedMs += wait;
    m_nextWaitMs = std::min(kLongestWaitMs, m_nextWaitMs * 2);
    m_retry->disconnect(this);
    connect(m_retry, &QTimer::timeout, this, [this, retry] { retry(); });
    m_retry->start(std::max(1, wait));
}

void JournaledWrite::reconcile(const QList<int> &seqs)
{
    ++m_reconcileRounds;
    if (isManagedUrlWrite(m_action))
        return reconcileManagedUrls(seqs); // managedurljob.cpp
    QList<JobItem> changed;
    if (m_action == ActionId::PermitSender || m_action == ActionId::BlockSender) {
        // Permitting or blocking a sender again leaves the same entry: safe to resend.
        for (int seq : seqs) {
            JobItem item = m_items.at(seq);
            item.state = ItemState::Pending;
            item.message = u"Reply lost; sent again (a permit or block may be repeated)."_s;
            changed.append(item);
        }
    } else if (!isHeldWrite(m_action)) {
        // A report leaves no state a read can see: never sent again, shown as unknown.
        for (int seq : seqs) {
            JobItem item = m_items.at(seq);
            item.state = ItemState::Unknown;
            item.code = u"mcdesk_cannot_check"_s;
            item.message = u"The reply was lost and a report leaves nothing to check, so it was "
                           u"not sent again; see the console's report history."_s;
            changed.append(item);
        }
    }
    if (!changed.isEmpty()) {
        if (const QString problem = m_journal->settle(m_job, changed); !problem.isEmpty())
            return failJob(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
        settleLocally(changed);
        return sendRound();
    }
    // Held-message writes: a message still held was not released or rejected; one gone was.
    held::HeldQuery everything;
    everything.limit = 1000000;
    auto *read = new held::ListHeldMessages(m_client, everything, this);
    m_step = read;
    auto stillHeld = std::make_shared<QSet<QString>>();
    connect(read, &held::ListHeldMessages::pageArrived, this,
            [stillHeld](const QList<held::HeldMessage> &page) {
                for (const held::HeldMessage &m : page)
                    stillHeld->insert(m.id);
            });
    connect(read, &held::ListHeldMessages::finished, this, [this, read, seqs, stillHeld] {
        read->deleteLater();
        m_step.clear();
        const api::ApiError &error = read->error();
        if (m_cancelled && error.isError())
            return sendRound();
        if (error.kind == api::ApiError::Kind::Connection ||
            error.kind == api::ApiError::Kind::Timeout) {
            --m_reconcileRounds;
            return pauseForConnection(error, [this, seqs] { reconcile(seqs); });
        }
        QList<JobItem> settledNow;
        for (int seq : seqs) {
            JobItem item = m_items.at(seq);
            if (error.isError()) {
                item.state = ItemState::Unknown;
                item.message = u"Its state could not be checked ("_s + error.describe() +
                               u"); it is not sent again until it can be."_s;
            } else if (stillHeld->contains(item.key)) {
                item.state = ItemState::Pending;
                item.message = u"Still held, so the earlier request did not take effect; sent "
                               u"again."_s;
            } else {
                item.state = ItemState::Done;
                item.code = u"mcdesk_reconciled"_s;
                item.message = u"No longer held: counted as done (the earlier request took "
                               u"effect, or someone else handled it)."_s;
            }
            settledNow.append(item);
        }
        afterReconcileRead(settledNow, error);
    });
    read->start();
}

void JournaledWrite::afterReconcileRead(const QList<JobItem> &settledNow,
                                        const api::ApiError &error)
{
    if (const QString problem = m_journal->settle(m_job, settledNow); !problem.isEmpty())
        return failJob(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
    settleLocally(settledNow);
    if (m_pausedSince.isValid()) {
        m_pausedSince = {};
        emit unpaused();
    }
    if (error.isError())
        return done();
    sendRound();
}

QString JournaledWrite::recordAudited(const QList<int> &seqs)
{
    if (const QString problem = m_journal->markAudited(m_job, seqs); !problem.isEmpty())
        return problem;
    for (int seq : seqs)
        m_items[seq].audited = true;
    if (isOpen())
        return {};
    if (isMoveStep() && !m_discarded)
        return recordSenderStep();
    return m_journal->close(m_job);
}

QString JournaledWrite::recordSenderStep()
{
    // The sender of each message done, for its recipient, each pair once; an address Mimecast
    // would refuse is not sent.
    QSet<QString> done, keys;
    for (const JobItem &i : std::as_const(m_items))
        if (i.state == ItemState::Done)
            done.insert(i.key);
    ActionArgs next;
    for (const held::HeldMessage &m : std::as_const(m_args->heldMessages)) {
        const senders::ManagedSender entry{moveSender(*m_args, m), m.to.email,
                                           *m_args->thenSenders};
        if (!done.contains(m.id) || keys.contains(entry.key()))
            continue;
        keys.insert(entry.key());
        if (const QString problem = entry.addressProblem(); !problem.isEmpty())
            m_senderRefusals.append({entry.key(),
                                     api::ItemOutcome::Status::Failed,
                                     u"mcdesk_invalid_address"_s,
                                     u"Not sent: "_s + problem,
                                     {}});
        else
            next.senderEntries.append(entry);
    }
    if (next.senderEntries.isEmpty())
        return m_journal->close(m_job);
    const ActionId action = *m_args->thenSenders == senders::ManagedSender::Action::Permit
                                ? ActionId::PermitSender
                                : ActionId::BlockSender;
    QJsonObject args = argsJson(next);
    args.insert(u"follows"_s, m_job);
    jobs::crashPoint("sender-step");
    QString problem;
    const std::optional<qint64> job =
        m_journal->createJob(actionName(action), args, contextJson(m_context), m_context.profile,
                             keysFor(action, next), &problem, m_job);
    if (!job)
        return problem;
    m_nextJob = *job;
    return {};
}

} // namespace mcdesk::actions
