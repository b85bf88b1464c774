#include "core/senders/managedsender.h"

using namespace Qt::StringLiterals;

namespace mcdesk::senders {

namespace {
QStringList keysOf(const QList<ManagedSender> &entries)
{
    QStringList keys;
    for (const ManagedSender &e : entries)
        keys.append(e.key());
    return keys;
}
} // namespace

QString ManagedSender::addressProblem() const
{
    if (const QString problem = address::checkEmailAddress(sender); !problem.isEmpty())
        return problem;
    return address::checkEmailAddress(recipient);
}

QString ManagedSender::actionName(Action action)
{
    return action == Action::Permit ? u"permit"_s : u"block"_s;
}

ManagedSender ManagedSender::fromKey(const QString &key)
{
    const QStringList parts = key.split(u'\x1f');
    return {parts.value(0), parts.value(1),
            parts.value(2) == u"permit"_s ? Action::Permit : Action::Block};
}

PermitOrBlockSenders::PermitOrBlockSenders(api::ApiClient *client,
                                           const QList<ManagedSender> &entries, QObject *parent)
    : BatchWrite(client, u"/api/managedsender/permit-or-block-sender"_s, keysOf(entries),
                 kBatchSize, parent)
    , m_entries(entries)
{}

QJsonArray PermitOrBlockSenders::dataFor(const QStringList &batch) const
{
    QJsonArray data;
    for (const ManagedSender &e : m_entries) {
        if (batch.contains(e.key()))
            data.append(QJsonObject{{u"sender"_s, e.sender},
                                    {u"to"_s, e.recipient},
                                    {u"action"_s, ManagedSender::actionName(e.action)}});
    }
    return data;
}

QList<api::ItemOutcome> PermitOrBlockSenders::interpret(const QStringList &batch,
                                                        const api::ApiReply &reply) const
{
    using api::ItemOutcome;
    if (reply.error.isError() && reply.error.kind != api::ApiError::Kind::Refused)
        return BatchWrite::interpret(batch, reply);
    const QList<api::ItemFailure> failures = api::parseFailures(reply.fail);
    QList<ItemOutcome> out;
    for (const QString &key : batch) {
        const ManagedSender entry = ManagedSender::fromKey(key);
        const QString &sender = entry.sender;
        const QString &to = entry.recipient;
        ItemOutcome o{key,
                      ItemOutcome::Status::Unknown,
                      u"mcdesk_not_in_reply"_s,
                      u"Mimecast's reply did not mention this entry; check it in the console."_s,
                      {}};
        for (const api::ItemFailure &f : failures) {
            if (f.key.value(u"sender"_s).toString() == sender &&
                f.key.value(u"to"_s).toString() == to) {
                o = {key, ItemOutcome::Status::Failed, f.code,
                     f.field.isEmpty() ? f.message : f.field + u": "_s + f.message, f.key};
                break;
            }
        }
        for (const QJsonValue &v : reply.data) {
            const QJsonObject item = v.toObject();
            if (o.status == ItemOutcome::Status::Unknown &&
                item.value(u"sender"_s).toString().compare(sender, Qt::CaseInsensitive) == 0 &&
                item.value(u"to"_s).toString().compare(to, Qt::CaseInsensitive) == 0) {
                o = {key, ItemOutcome::Status::Done, {}, {}, item};
            }
        }
        out.append(o);
    }
    return out;
}

} // namespace mcdesk::senders
