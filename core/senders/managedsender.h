#pragma once

#include "core/api/batchwrite.h"
#include "core/common/address.h"

namespace mcdesk::senders {

// One permit/block entry: a sender managed for one recipient.
struct ManagedSender
{
    enum class Action { Permit, Block };
    QString sender;
    QString recipient;
    Action action = Action::Block;

    // Identifies the entry among a batch's outcomes: "sender\x1frecipient\x1faction".
    // Why Mimecast would refuse the entry (the sender's problem first), or an empty string.
    QString addressProblem() const;
    QString key() const { return sender + u'\x1f' + recipient + u'\x1f' + actionName(action); }
    static ManagedSender fromKey(const QString &key);
    static QString actionName(Action action);
};

// /api/managedsender/permit-or-block-sender, at most 100 entries a call.
class PermitOrBlockSenders : public api::BatchWrite
{
    Q_OBJECT
public:
    static constexpr int kBatchSize = 100;
    PermitOrBlockSenders(api::ApiClient *client, const QList<ManagedSender> &entries,
                         QObject *parent = nullptr);
    const QList<ManagedSender> &entries() const { return m_entries; }

protected:
    QJsonArray dataFor(const QStringList &batch) const override;
    QList<api::ItemOutcome> interpret(const QStringList &batch,
                                      const api::ApiReply &reply) const override;

private:
    QList<ManagedSender> m_entries;
};

} // namespace mcdesk::senders
