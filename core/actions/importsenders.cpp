// ActionRunner's bulk sender import: the Ready entries of a parsed import (senders/senderimport)
// sent as one permit-sender and one block-sender action of this same runner, in that order,
// each audited as itself. So the requests and the audit log read the same whether the Sender
// lists page or mcdesk-cli import-senders sent the file, and the same as single permits/blocks.
#include "core/actions/actionrunner.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace mcdesk::actions {

namespace {

using senders::ImportEntry;
using senders::ManagedSender;

QString rowsText(const ImportEntry &e)
{
    QStringList rows;
    for (int line : e.lines)
        rows << QString::number(line);
    return (e.lines.size() == 1 ? u"row "_s : u"rows "_s) + rows.join(u", "_s);
}

bool isSendable(const ImportEntry &e)
{
    return e.canSend() && e.state == ImportEntry::State::Ready;
}

// A managed-sender item as the journaled writes report it (journaledrun.cpp), for entries no
// request carried.
QJsonObject senderItem(const api::ItemOutcome &o)
{
    const ManagedSender entry = ManagedSender::fromKey(o.key);
    return {{u"sender"_s, entry.sender},
            {u"recipient"_s, entry.recipient},
            {u"action"_s, ManagedSender::actionName(entry.action)},
            {u"outcome"_s, api::ItemOutcome::statusName(o.status)},
            {u"error"_s, QJsonObject{{u"code"_s, o.code}, {u"message"_s, o.message}}}};
}

} // namespace

struct ActionRunner::ImportRun
{
    QList<std::pair<ActionId, QList<ManagedSender>>> pending; // permits, then blocks
    QList<std::pair<ActionId, ActionOutcome>> finished;
    QList<ImportEntry> invalid;      // reported, never sent (skipInvalid)
    QList<api::ItemOutcome> notSent; // cancelled before their step started
    int duplicates = 0;              // lines folded into an earlier identical line
    int total = 0;
    int settled = 0;
};

QString ActionRunner::validateImport(const ActionArgs &args)
{
    QStringList invalid;
    for (const ImportEntry &e : args.importEntries)
        if (!e.canSend())
            invalid << rowsText(e) + u": "_s + e.problem;
    if (!invalid.isEmpty() && !args.skipInvalid)
        return u"%1 invalid; nothing was sent. Fix the file, or give --skip-invalid to send "
               u"the other rows:\n"_s.arg(
                   invalid.size() == 1 ? u"1 row is"_s : u"%1 rows are"_s.arg(invalid.size())) +
               invalid.join(u'\n');
    // The parser already refuses these; an import built another way is held to the same rules.
    QHash<QString, const ImportEntry *> byPair;
    int sendable = 0;
    for (const ImportEntry &e : args.importEntries) {
        if (!isSendable(e))
            continue;
        ++sendable;
        if (const QString bad = e.toManagedSender().addressProblem(); !bad.isEmpty())
            return rowsText(e) + u": "_s + bad;
        const ImportEntry *first = byPair.value(e.pairKey());
        if (first && first->action != e.action)
            return rowsText(*first) + u" and "_s + rowsText(e) +
                   u" both permit and block the same sender and recipient: keep one of them"_s;
        if (!first)
            byPair.insert(e.pairKey(), &e);
    }
    if (sendable == 0)
        return u"--file has no entries to send: write sender,recipient,permit or block lines "
               u"(a header line is optional)"_s;
    return {};
}

void ActionRunner::runImport(const ActionArgs &args)
{
    auto run = std::make_shared<ImportRun>();
    QList<ManagedSender> permits;
    QList<ManagedSender> blocks;
    QSet<QString> keys;
    for (const ImportEntry &e : args.importEntries) {
        if (!e.canSend()) {
            run->invalid.append(e);
            continue;
        }
        run->duplicates += int(e.lines.size()) - 1;
        const ManagedSender entry = e.toManagedSender();
        if (!isSendable(e) || keys.contains(entry.key()))
            continue; // sent before (the GUI's Retry failed), or the same entry twice
        keys.insert(entry.key());
        (entry.action == ManagedSender::Action::Permit ? permits : blocks).append(entry);
    }
    run->total = int(permits.size() + blocks.size());
    if (!permits.isEmpty())
        run->pending.append({ActionId::PermitSender, permits});
    if (!blocks.isEmpty())
        run->pending.append({ActionId::BlockSender, blocks});
    importNext(run);
}

void ActionRunner::importNext(const std::shared_ptr<ImportRun> &run)
{
    if (run->pending.isEmpty())
        return finishImport(*run);
    const auto next = run->pending.takeFirst();
    const ActionId stepId = next.first;
    const QList<ManagedSender> &entries = next.second;
    if (m_cancelled) {
        // Stopped before this step: nothing was sent for it, as BatchWrite reports unsent items.
        for (const ManagedSender &e : entries)
            run->notSent.append({e.key(),
                                 api::ItemOutcome::Status::Failed,
                                 api::kCancelledCode,
                                 u"Cancelled before it was sent; nothing was changed."_s,
                                 {}});
        return importNext(run);
    }
    ActionArgs stepArgs;
    stepArgs.senderEntries = entries;
    auto *step = makeStep();
    m_operation = step;
    connect(step, &ActionRunner::progress, this,
            [this, run](int done, int) { emit progress(run->settled + done, run->total); });
    connect(step, &ActionRunner::finished, this,
            [this, step, run, stepId, count = int(entries.size())] {
                step->deleteLater();
                run->settled += count;
                emit progress(run->settled, run->total);
                run->finished.append({stepId, step->outcome()});
                importNext(run);
            });
    step->run(stepId, stepArgs);
}

void ActionRunner::finishImport(const ImportRun &run)
{
    ActionOutcome out;
    QJsonObject permits;
    QJsonObject blocks;
    QStringList parts;
    bool allDone = !run.finished.isEmpty();
    bool connection = false;
    for (const auto &[id, step] : run.finished) {
        out.items += step.items;
        (id == ActionId::PermitSender ? permits : blocks) = step.result;
        allDone = allDone && step.success;
        connection = connection || step.exitCode == ExitCode::ConnectionFailure;
        if (!out.error.isError())
            out.error = step.error;
        const QString text = step.message.endsWith(u'.') ? step.message.chopped(1) : step.message;
        parts << actionName(id) + u": "_s + text;
    }
    out.items += run.notSent;
    QJsonArray invalid;
    for (const ImportEntry &e : run.invalid)
        invalid.append(QJsonObject{{u"row"_s, e.lines.value(0)},
                                   {u"sender"_s, e.sender},
                                   {u"recipient"_s, e.recipient},
                                   {u"action"_s, e.actionText},
                                   {u"problem"_s, e.problem}});
    out.result = {{u"permits"_s, permits},
                  {u"blocks"_s, blocks},
                  {u"invalid"_s, invalid},
                  {u"duplicates"_s, run.duplicates}};
    if (!run.notSent.isEmpty()) {
        QJsonArray notSent;
        for (const api::ItemOutcome &o : run.notSent)
            notSent.append(senderItem(o));
        out.result.insert(u"not_sent"_s, notSent);
        parts << u"%1 not sent (cancelled)"_s.arg(run.notSent.size());
    }
    if (!run.invalid.isEmpty())
        parts << (run.invalid.size() == 1 ? u"1 invalid row skipped"_s
                                          : u"%1 invalid rows skipped"_s.arg(run.invalid.size()));
    // Skipped invalid rows were asked for (skipInvalid); anything else not done is a failure.
    out.success = allDone && run.notSent.isEmpty();
    out.exitCode = out.success  ? ExitCode::Success
                   : connection ? ExitCode::ConnectionFailure
                                : ExitCode::Refused;
    out.message = parts.join(u"; "_s) + u'.';
    finishWith(out);
}

} // namespace mcdesk::actions
