// ActionRunner's combined moves: release & permit sender, reject & block sender. Each is two
// actions of this same runner in a row, each audited as itself (release-message then
// permit-sender, reject-message then block-sender), so the audit log reads the same whether
// the held queue page or mcdesk-cli made the move.
#include "core/actions/actionrunner.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace mcdesk::actions {

namespace {

api::ItemOutcome notSentItem(const QString &key, const QString &code, const QString &message)
{
    return {key, api::ItemOutcome::Status::Failed, code, message, {}};
}

QJsonArray itemsJson(const QList<api::ItemOutcome> &items)
{
    QJsonArray out;
    for (const api::ItemOutcome &o : items)
        out.append(
            QJsonObject{{u"id"_s, o.key},
                        {u"outcome"_s, api::ItemOutcome::statusName(o.status)},
                        {u"error"_s, QJsonObject{{u"code"_s, o.code}, {u"message"_s, o.message}}}});
    return out;
}

// Why permitting the envelope senders of `messages` would not match their next message, or
// empty. Names the option that decides, so the caller can choose; nothing has been sent.
QString permitTrapProblem(const QList<held::HeldMessage> &messages)
{
    QStringList why;
    int trapped = 0, withHeader = 0;
    for (const held::HeldMessage &m : messages) {
        if (const std::optional<held::PermitTrap> trap = held::permitTrap(m)) {
            ++trapped;
            if (why.size() < 3)
                why << trap->why;
            withHeader += trap->header.isEmpty() ? 0 : 1;
        }
    }
    if (why.isEmpty())
        return {};
    return u"permit: not sent. %1 A permit for such an address does not match the sender's next "
           u"message (%2 of %3 messages). Choose --permit header to permit the From header "
           u"address instead (%4 of them have one), or --permit envelope to permit the envelope "
           u"address anyway."_s.arg(why.join(u' '))
               .arg(trapped)
               .arg(messages.size())
               .arg(withHeader);
}

} // namespace

void ActionRunner::runHeldMove(ActionId id, const ActionArgs &args)
{
    if (!args.heldMessages.isEmpty())
        return moveFirstStep(id, args, args.heldMessages, {});
    // Who sent each message is read from the held queue first: a released or rejected message
    // leaves it, and its sender is what the second step needs.
    held::HeldQuery everything;
    everything.limit = 100000;
    auto *lookup = new held::ListHeldMessages(m_client, everything, this);
    m_operation = lookup;
    const QSet<QString> wanted(args.messageIds.cbegin(), args.messageIds.cend());
    auto found = std::make_shared<QHash<QString, held::HeldMessage>>();
    connect(lookup, &held::ListHeldMessages::pageArrived, this,
            [lookup, wanted, found](const QList<held::HeldMessage> &page) {
                for (const held::HeldMessage &m : page)
                    if (wanted.contains(m.id))
                        found->insert(m.id, m);
                if (found->size() == wanted.size())
                    lookup->cancel(); // all found: no need to read the rest of the queue
            });
    connect(lookup, &held::ListHeldMessages::finished, this, [this, lookup, found, id, args] {
        lookup->deleteLater();
        if (lookup->error().isError() && lookup->error().kind != api::ApiError::Kind::Cancelled)
            return failWith(lookup->error());
        QList<held::HeldMessage> messages;
        QStringList notHeld;
        for (const QString &messageId : args.messageIds) {
            if (const auto m = found->constFind(messageId); m != found->cend())
                messages.append(*m);
            else
                notHeld.append(messageId);
        }
        moveFirstStep(id, args, messages, notHeld);
    });
    lookup->start();
}

void ActionRunner::moveFirstStep(ActionId id, ActionArgs args,
                                 const QList<held::HeldMessage> &messages,
                                 const QStringList &notHeld)
{
    QList<api::ItemOutcome> notSent;
    for (const QString &messageId : notHeld)
        notSent.append(notSentItem(messageId, u"mcdesk_not_held"_s,
                                   u"Not sent: the message is not in the held queue."_s));
    if (messages.isEmpty())
        return finishMove(id, ActionOutcome{}, nullptr, notSent);
    if (id == ActionId::ReleaseAndPermit && !args.permitAddress) {
        if (const QString trap = permitTrapProblem(messages); !trap.isEmpty())
            return finishWith({false, trap, {}, ExitCode::InvalidInput});
    }

    // The message step is a job that records who sent each message; when it closes, the sender
    // step is recorded as the job that follows it (JournaledWrite::recordAudited), so a crash
    // anywhere leaves one of the two to resume.
    args.heldMessages = messages;
    args.messageIds.clear();
    for (const held::HeldMessage &m : messages)
        args.messageIds.append(m.id);
    const bool permit = id == ActionId::ReleaseAndPermit;
    args.thenSenders =
        permit ? senders::ManagedSender::Action::Permit : senders::ManagedSender::Action::Block;
    auto *first = makeStep();
    m_operation = first;
    connect(first, &ActionRunner::progress, this, &ActionRunner::progress);
    connect(first, &ActionRunner::finished, this,
            [this, first, id, notSent] { moveSecondStep(id, first, notSent); });
    first->run(permit ? ActionId::ReleaseMessage : ActionId::RejectMessage, args);
}

void ActionRunner::moveSecondStep(ActionId id, ActionRunner *first, QList<api::ItemOutcome> notSent)
{
    first->deleteLater();
    const ActionOutcome step = first->outcome();
    notSent += first->m_senderRefusals;
    m_job = first->m_job;
    // Cancelled: the sender step stays recorded, offered for resuming, not sent now.
    if (first->m_nextJob == 0 || m_cancelled)
        return finishMove(id, step, nullptr, notSent);
    auto *next = makeStep();
    m_operation = next;
    connect(next, &ActionRunner::finished, this, [this, next, id, step, notSent] {
        next->deleteLater();
        finishMove(id, step, &next->outcome(), notSent);
    });
    next->resume(first->m_nextJob);
}

void ActionRunner::finishMove(ActionId id, const ActionOutcome &first, const ActionOutcome *second,
                              const QList<api::ItemOutcome> &notSent)
{
    ActionOutcome out;
    out.items = first.items + (second ? second->items : QList<api::ItemOutcome>{}) + notSent;
    QJsonObject messages = first.result;
    QJsonObject senders = second ? second->result : QJsonObject{};
    if (!notSent.isEmpty())
        messages.insert(u"not_sent"_s, itemsJson(notSent));
    out.result = {{u"messages"_s, messages}, {u"senders"_s, senders}};
    const bool firstRan = !first.items.isEmpty();
    out.success = firstRan && first.success && (!second || second->success) && notSent.isEmpty();
    const bool connection = first.exitCode == ExitCode::ConnectionFailure ||
                            (second && second->exitCode == ExitCode::ConnectionFailure);
    out.exitCode = out.success  ? ExitCode::Success
                   : connection ? ExitCode::ConnectionFailure
                                : ExitCode::Refused;
    out.error = first.error.isError() ? first.error : second ? second->error : api::ApiError{};
    const QString what = id == ActionId::ReleaseAndPermit ? u"permitted"_s : u"blocked"_s;
    const auto sentence = [](QString text) {
        return text.endsWith(u'.') ? text.chopped(1) : text;
    };
    QStringList parts;
    if (firstRan)
        parts << sentence(first.message);
    if (second)
        parts << u"senders "_s + what + u": "_s + sentence(second->message);
    if (!notSent.isEmpty())
        parts << u"%1 not sent (first: %2)"_s.arg(notSent.size()).arg(notSent.first().message);
    out.message = parts.join(u"; "_s) + u'.';
    finishWith(out);
}

} // namespace mcdesk::actions
