#include "ui/held/heldactionjob.h"

#include "core/held/heldformat.h"
#include "ui/common/uilogging.h"
#include "ui/shell/session.h"

#include "core/senders/managedsender.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

HeldActionJob::HeldActionJob(Session *session, HeldActionRequest request, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_request(std::move(request))
{
    const QString step = messageStepTitle();
    for (const held::HeldMessage &m : std::as_const(m_request.messages)) {
        if (m_messageIndex.contains(m.id))
            continue;
        m_messageIndex.insert(m.id, int(m_messageRows.size()));
        m_messageRows.append({step,
                              m.id,
                              m.subject.isEmpty() ? tr("(no subject)") : m.subject,
                              Status::Pending,
                              {},
                              {},
                              true});
    }
}

QString HeldActionJob::actionTitle(HeldAction action)
{
    switch (action) {
    case HeldAction::Release:
        return tr("Release");
    case HeldAction::ReleaseToSandbox:
        return tr("Release to sandbox");
    case HeldAction::Reject:
        return tr("Reject");
    case HeldAction::Report:
        return tr("Report");
    case HeldAction::ReleaseAndPermit:
        return tr("Release & permit sender");
    case HeldAction::RejectAndBlock:
        return tr("Reject & block sender");
    }
    return {};
}

int HeldActionJob::senderPairs(const QList<held::HeldMessage> &messages,
                               held::PermitAddress address)
{
    QSet<QString> pairs;
    for (const held::HeldMessage &m : messages)
        pairs.insert(senders::ManagedSender{held::permittedAddress(m, address), m.to.email}.key());
    return int(pairs.size());
}

bool HeldActionJob::removesFromQueue(HeldAction action)
{
    return action != HeldAction::Report;
}

QString HeldActionJob::messageStepTitle() const
{
    return actionTitle(m_request.action == HeldAction::ReleaseAndPermit ? HeldAction::Release
                       : m_request.action == HeldAction::RejectAndBlock ? HeldAction::Reject
                                                                        : m_request.action);
}

QString HeldActionJob::title() const
{
    return actionTitle(m_request.action);
}

bool HeldActionJob::hasSecondStep() const
{
    return m_request.action == HeldAction::ReleaseAndPermit ||
           m_request.action == HeldAction::RejectAndBlock;
}

QStringList HeldActionJob::pending(const QList<HeldOutcomeRow> &rows) const
{
    QStringList keys;
    for (const HeldOutcomeRow &row : rows)
        if (row.status == Status::Pending || (row.status == Status::Failed && row.retryable))
            keys.append(row.key);
    return keys;
}

void HeldActionJob::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    emit changed();
    runFirstStep();
}

void HeldActionJob::runFirstStep()
{
    const QStringList ids = pending(m_messageRows);
    if (ids.isEmpty())
        return runSecondStep();
    actions::ActionArgs args;
    args.messageIds = ids;
    actions::ActionId id = actions::ActionId::ReleaseMessage;
    // The first run of a combined move is the actions layer's own combined move. A retry runs
    // the two steps here instead, so a sender pair done before is never sent again.
    const bool combined = hasSecondStep() && !m_secondStepRan;
    QString label;
    switch (m_request.action) {
    case HeldAction::Release:
        label = heldformat::plural(int(ids.size()), tr("Releasing 1 held message"),
                                   tr("Releasing %1 held messages"));
        break;
    case HeldAction::ReleaseAndPermit:
        id = combined ? actions::ActionId::ReleaseAndPermit : actions::ActionId::ReleaseMessage;
        args.permitAddress = permitAddress();
        label = combined
                    ? heldformat::plural(
                          int(ids.size()), tr("Releasing 1 held message and permitting its sender"),
                          tr("Releasing %1 held messages and permitting their senders"))
                    : heldformat::plural(int(ids.size()), tr("Releasing 1 held message"),
                                         tr("Releasing %1 held messages"));
        break;
    case HeldAction::ReleaseToSandbox:
        args.releaseToSandbox = true;
        label = heldformat::plural(int(ids.size()), tr("Releasing 1 held message to the sandbox"),
                                   tr("Releasing %1 held messages to the sandbox"));
        break;
    case HeldAction::Reject:
    case HeldAction::RejectAndBlock:
        id = combined && m_request.action == HeldAction::RejectAndBlock
                 ? actions::ActionId::RejectAndBlock
                 : actions::ActionId::RejectMessage;
        args.reason = m_request.reason;
        args.note = m_request.note;
        args.notifySender = m_request.notifySender;
        label = id == actions::ActionId::RejectAndBlock
                    ? heldformat::plural(int(ids.size()),
                                         tr("Rejecting 1 held message and blocking its sender"),
                                         tr("Rejecting %1 held messages and blocking their "
                                            "senders"))
                    : heldformat::plural(int(ids.size()), tr("Rejecting 1 held message"),
                                         tr("Rejecting %1 held messages"));
        break;
    case HeldAction::Report:
        id = actions::ActionId::ReportMessage;
        args.reportAs = m_request.reportAs;
        args.comment = m_request.comment;
        label = heldformat::plural(int(ids.size()), tr("Reporting 1 message"),
                                   tr("Reporting %1 messages"));
        break;
    }
    if (combined) {
        // The runner's combined move: the same two audited actions mcdesk-cli runs. It is
        // handed the messages, so it need not read the queue again for their senders.
        const QSet<QString> wanted(ids.cbegin(), ids.cend());
        for (const held::HeldMessage &m : std::as_const(m_request.messages))
            if (wanted.contains(m.id))
                args.heldMessages.append(m);
    }
    actions::ActionRunner *runner = m_session->runAction(id, args, label);
    if (!runner) {
        markAll(m_messageRows, m_messageIndex, ids, u"mcdesk_not_connected"_s,
                tr("Not sent: there is no working connection."));
        return finish();
    }
    connect(runner, &actions::ActionRunner::finished, this, [this, runner, ids] {
        const QStringList done = apply(m_messageRows, m_messageIndex, ids, runner, false);
        if (hasSecondStep())
            applySenderStep(runner);
        if (!done.isEmpty() && removesFromQueue(m_request.action))
            emit messagesDone(done);
        emit changed();
        if (m_cancelled)
            return finish(); // the analyst stopped the job
        runSecondStep();     // only sender rows left failed by an earlier attempt
    });
}

std::optional<HeldAction> HeldActionJob::actionOfJob(const jobs::JobRecord &record)
{
    const QString then = record.args.value(u"then_senders"_s).toString();
    const bool follows = record.args.value(u"follows"_s).toInteger() > 0;
    if (record.action == u"release-message"_s)
        return then == u"permit"_s                                   ? HeldAction::ReleaseAndPermit
               : record.args.value(u"release_to_sandbox"_s).toBool() ? HeldAction::ReleaseToSandbox
                                                                     : HeldAction::Release;
    if (record.action == u"reject-message"_s)
        return then == u"block"_s ? HeldAction::RejectAndBlock : HeldAction::Reject;
    if (record.action == u"report-message"_s)
        return HeldAction::Report;
    // The sender step of a combined move, resumed on its own.
    if (follows && record.action == u"permit-sender"_s)
        return HeldAction::ReleaseAndPermit;
    if (follows && record.action == u"block-sender"_s)
        return HeldAction::RejectAndBlock;
    return std::nullopt;
}

void HeldActionJob::follow(actions::ActionRunner *runner)
{
    m_running = true;
    emit changed();
    connect(runner, &actions::ActionRunner::finished, this, [this, runner] {
        // The messages are known by id only: their subjects left with the job's first run.
        const QString step = messageStepTitle();
        QStringList ids;
        for (const api::ItemOutcome &o : runner->outcome().items) {
            if (o.key.contains(u'\x1f') || m_messageIndex.contains(o.key))
                continue; // a sender entry, below
            m_messageIndex.insert(o.key, int(m_messageRows.size()));
            m_messageRows.append({step, o.key, o.key, Status::Pending, {}, {}, true});
            ids.append(o.key);
        }
        const QStringList done = apply(m_messageRows, m_messageIndex, ids, runner, false);
        if (hasSecondStep())
            applySenderStep(runner);
        if (!done.isEmpty() && removesFromQueue(m_request.action))
            emit messagesDone(done);
        finish();
    });
}

void HeldActionJob::applySenderStep(const actions::ActionRunner *runner)
{
    const bool permit = m_request.action == HeldAction::ReleaseAndPermit;
    const QString step = permit ? tr("Permit sender") : tr("Block sender");
    QStringList keys;
    for (const api::ItemOutcome &o : runner->outcome().items) {
        if (m_messageIndex.contains(o.key))
            continue; // a message's own outcome
        keys.append(o.key);
        if (m_senderIndex.contains(o.key))
            continue;
        const senders::ManagedSender entry = senders::ManagedSender::fromKey(o.key);
        m_senderIndex.insert(o.key, int(m_senderRows.size()));
        m_senderRows.append({step,
                             o.key,
                             entry.sender + u" → "_s + entry.recipient,
                             Status::Pending,
                             {},
                             {},
                             true});
    }
    apply(m_senderRows, m_senderIndex, keys, runner, true);
    for (const QString &key : std::as_const(keys)) {
        HeldOutcomeRow &row = m_senderRows[m_senderIndex.value(key)];
        // Nothing was sent for an address Mimecast would refuse; retrying cannot help.
        if (row.code == u"mcdesk_invalid_address"_s)
            row.retryable = false;
    }
    m_secondStepRan = true;
}

void HeldActionJob::runSecondStep()
{
    if (!hasSecondStep())
        return finish();
    // A retry: the senders of messages done since, each pair once and never one done before,
    // then the sender rows that failed.
    const bool permit = m_request.action == HeldAction::ReleaseAndPermit;
    const QString step = permit ? tr("Permit sender") : tr("Block sender");
    const auto kind =
        permit ? senders::ManagedSender::Action::Permit : senders::ManagedSender::Action::Block;
    for (const held::HeldMessage &m : std::as_const(m_request.messages)) {
        if (m_messageRows.at(m_messageIndex.value(m.id)).status != Status::Done)
            continue;
        const QString sender = permit ? held::permittedAddress(m, permitAddress()) : m.sender();
        const senders::ManagedSender entry{sender, m.to.email, kind};
        const QString key = entry.key(); // the runner reports each entry under this key
        if (m_senderIndex.contains(key))
            continue;
        HeldOutcomeRow row{
            step, key, entry.sender + u" → "_s + entry.recipient, Status::Pending, {}, {}, true};
        if (const QString problem = entry.addressProblem(); !problem.isEmpty()) {
            // Nothing is sent for an address Mimecast would refuse; retrying cannot help.
            row.status = Status::Failed;
            row.code = u"mcdesk_invalid_address"_s;
            row.message = tr("Not sent: %1").arg(problem);
            row.retryable = false;
        }
        m_senderIndex.insert(key, int(m_senderRows.size()));
        m_senderRows.append(row);
    }
    const QStringList keys = pending(m_senderRows);
    if (keys.isEmpty())
        return finish();
    actions::ActionArgs args;
    for (const QString &key : keys)
        args.senderEntries.append(senders::ManagedSender::fromKey(key));
    const QString label = permit ? heldformat::plural(int(keys.size()), tr("Permitting 1 sender"),
                                                      tr("Permitting %1 senders"))
                                 : heldformat::plural(int(keys.size()), tr("Blocking 1 sender"),
                                                      tr("Blocking %1 senders"));
    actions::ActionRunner *runner = m_session->runAction(
        permit ? actions::ActionId::PermitSender : actions::ActionId::BlockSender, args, label);
    if (!runner) {
        markAll(m_senderRows, m_senderIndex, keys, u"mcdesk_not_connected"_s,
                tr("Not sent: there is no working connection."));
        return finish();
    }
    connect(runner, &actions::ActionRunner::finished, this, [this, runner, keys] {
        apply(m_senderRows, m_senderIndex, keys, runner, true);
        finish();
    });
}

QStringList HeldActionJob::apply(QList<HeldOutcomeRow> &rows, const QHash<QString, int> &index,
                                 const QStringList &keys, const actions::ActionRunner *runner,
                                 bool senders)
{
    const actions::ActionOutcome &outcome = runner->outcome();
    QHash<QString, const api::ItemOutcome *> byKey;
    for (const api::ItemOutcome &o : outcome.items)
        byKey.insert(o.key, &o);
    QStringList done;
    for (const QString &key : keys) {
        HeldOutcomeRow &row = rows[index.value(key)];
        const api::ItemOutcome *o = byKey.value(key);
        if (!o) {
            // No per-item answer: refused before sending (exit 2) or it is unknown.
            const bool refused = outcome.exitCode == actions::ExitCode::InvalidInput;
            row.status = refused ? Status::Failed : Status::Unknown;
            row.code = refused ? u"mcdesk_invalid_input"_s : u"mcdesk_no_outcome"_s;
            row.message = outcome.message;
            continue;
        }
        row.code = o->code;
        row.message = o->message;
        switch (o->status) {
        case api::ItemOutcome::Status::Done:
            row.status = Status::Done;
            done.append(key);
            if (senders) // what Mimecast created, to find it in the console later
                row.message = tr("Managed sender %1 (%2)")
                                  .arg(o->detail.value(u"id"_s).toString(),
                                       o->detail.value(u"type"_s).toString());
            break;
        case api::ItemOutcome::Status::Failed:
            row.status = Status::Failed;
            if (o->wasCancelled())
                m_cancelled = true;
            break;
        case api::ItemOutcome::Status::Unknown:
            row.status = Status::Unknown;
            break;
        }
    }
    qCInfo(lcUiHeld) << title() << "step:" << done.size() << "of" << keys.size() << "done";
    return done;
}

void HeldActionJob::markAll(QList<HeldOutcomeRow> &rows, const QHash<QString, int> &index,
                            const QStringList &keys, const QString &code, const QString &message)
{
    for (const QString &key : keys) {
        HeldOutcomeRow &row = rows[index.value(key)];
        row.status = Status::Failed;
        row.code = code;
        row.message = message;
    }
}

void HeldActionJob::finish()
{
    m_running = false;
    emit changed();
    emit finished();
}

QList<HeldOutcomeRow> HeldActionJob::rows() const
{
    return m_messageRows + m_senderRows;
}

int HeldActionJob::retryableCount() const
{
    return int(pending(m_messageRows).size() + pending(m_senderRows).size());
}

int HeldActionJob::count(HeldOutcomeRow::Status status) const
{
    int n = 0;
    for (const QList<HeldOutcomeRow> *rows : {&m_messageRows, &m_senderRows})
        for (const HeldOutcomeRow &row : *rows)
            n += row.status == status ? 1 : 0;
    return n;
}

QString HeldActionJob::summary() const
{
    QStringList parts;
    for (const QList<HeldOutcomeRow> *rows : {&m_messageRows, &m_senderRows}) {
        if (rows->isEmpty())
            continue;
        int done = 0, failed = 0, unknown = 0, waiting = 0;
        for (const HeldOutcomeRow &row : *rows) {
            done += row.status == Status::Done;
            failed += row.status == Status::Failed;
            unknown += row.status == Status::Unknown;
            waiting += row.status == Status::Pending;
        }
        QStringList counts{tr("%1 done").arg(done)};
        if (failed)
            counts << tr("%1 failed").arg(failed);
        if (unknown)
            counts << tr("%1 unknown").arg(unknown);
        if (waiting)
            counts << tr("%1 waiting").arg(waiting);
        parts << rows->constFirst().step + u": "_s + counts.join(u", "_s);
    }
    QString text = parts.join(u" · "_s);
    if (retryableCount() > 0 && !m_running)
        text += tr(" — Retry failed sends only the failed items again.");
    return text;
}

} // namespace mcdesk::ui
