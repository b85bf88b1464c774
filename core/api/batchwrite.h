#pragma once

#include "core/api/apiclient.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <algorithm>

namespace mcdesk::api {

// What happened to one item of a bulk write. Unknown means the request may or may not have
// been carried out; the analyst refreshes and decides (we never repeat a write by ourselves).
struct ItemOutcome
{
    enum class Status { Done, Failed, Unknown };
    QString key;
    Status status = Status::Unknown;
    QString code;
    QString message;
    QJsonObject detail; // what Mimecast returned for the item (ids, types)
    ApiError::Kind errorKind = ApiError::Kind::None; // set when the whole request failed

    static QString statusName(Status status);
    // The inverse of statusName(); anything else reads as Unknown.
    static Status statusFromName(const QString &name);
    // A single write's status from its call's error: none = done, a lost answer = unknown.
    static Status statusOf(const ApiError &error);
    // Stopped by the analyst before it was sent: nothing changed, and the job should stop.
    bool wasCancelled() const { return code == kCancelledCode; }
};

// Told of each batch before it is sent and once its outcomes are known, so a job journal can
// record both (actions::JournaledWrite). A non-empty answer is the problem: the batch is not
// sent, and neither is any later one.
class BatchLedger
{
public:
    virtual ~BatchLedger() = default;
    virtual QString aboutToSend(const QStringList &keys) = 0;
    virtual QString settled(const QList<ItemOutcome> &outcomes) = 0;
};

// Sends keys in batches of `batchSize`, up to maxInFlight() requests at once, and maps every key
// to an outcome from data[] flags and fail[].key. Subclasses build the data[] of a batch.
// cancel() stops before the next batch (those in flight finish: they may already be running at
// Mimecast); items not yet sent are reported as failed, not sent. The outcomes are per item, in
// the order of the keys; error() is the first request that failed as a whole, or Cancelled when
// stopped early. After a rate-limited reply only one batch is in flight, and one more is allowed
// after each batch answered without one, up to maxInFlight().
class BatchWrite : public Operation
{
    Q_OBJECT
public:
    BatchWrite(ApiClient *client, QString path, QStringList keys, int batchSize,
               QObject *parent = nullptr);
    // Gives back the connection's write slots of batches still unanswered.
    ~BatchWrite() override;

    void setLedger(BatchLedger *ledger) { m_ledger = ledger; }
    // After a batch that could not reach Mimecast (connection, timeout), send no other: its
    // items and the rest are failed as "mcdesk_paused", never sent (a job resumes them).
    void setStopOnConnectionLoss(bool stop) { m_stopOnConnectionLoss = stop; }
    void setMaxInFlight(int requests) { m_maxInFlight = std::max(1, requests); }
    int maxInFlight() const { return m_maxInFlight; }

    const QList<ItemOutcome> &outcomes() const { return m_outcomes; }
    int requestsSent() const { return m_requests; }
    int mostInFlight() const { return m_mostInFlight; } // the most requests at once (benchmark)
    QStringList keysWith(ItemOutcome::Status status) const;

signals:
    void progress(int done, int total);

protected:
    void doStart() override;
    void doCancel() override;
    virtual QJsonArray dataFor(const QStringList &batch) const = 0;
    // Default: data[] items {id, <flag>: bool} and fail[] keys {id} or {ids:[…]}.
    virtual QList<ItemOutcome> interpret(const QStringList &batch, const ApiReply &reply) const;
    QString m_successFlag; // e.g. "release"; empty = presence in data[] means done

private:
    void prepareBatches();
    void sendMore();
    void sendBatch(int index);
    void onBatchFinished(int index, ApiCall *call);
    // Items of batches from `from` on that were never sent: failed, with why.
    void refuseUnsent(int from, const QString &code, const QString &message);
    void finishWhenSettled();

    ApiClient *m_client;
    QString m_path;
    QStringList m_keys;
    int m_batchSize;
    BatchLedger *m_ledger = nullptr;
    int m_maxInFlight = 1;
    bool m_stopOnConnectionLoss = false;
    int m_nextBatch = 0; // the next batch to send
    int m_batchCount = 0;
    int m_requests = 0;
    int m_mostInFlight = 0;
    bool m_stopped = false; // no further batch is sent (cancelled, closed, ledger failed)
    bool m_ledgerFailed = false;
    QList<QPointer<ApiCall>> m_calls;     // in flight
    QList<QList<ItemOutcome>> m_perBatch; // settled outcomes, by batch
    QList<bool> m_settled;
    QList<ItemOutcome> m_outcomes;
};

} // namespace mcdesk::api
