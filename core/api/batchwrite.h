#pragma once

#include "core/api/apiclient.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

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
    // Stopped by the analyst before it was sent: nothing changed, and the job should stop.
    bool wasCancelled() const { return code == kCancelledCode; }
};

// Sends keys in batches of `batchSize`, one request after the other, and maps every key to an
// outcome from data[] flags and fail[].key. Subclasses build the data[] of a batch.
// cancel() stops before the next batch (the one in flight finishes: it may already be running
// at Mimecast); items not yet sent are reported as failed, not sent. The outcomes are per item;
// error() is the first request that failed as a whole, or Cancelled when stopped early.
class BatchWrite : public Operation
{
    Q_OBJECT
public:
    BatchWrite(ApiClient *client, QString path, QStringList keys, int batchSize,
               QObject *parent = nullptr);

    const QList<ItemOutcome> &outcomes() const { return m_outcomes; }
    int requestsSent() const { return m_requests; }
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
    void sendNext();

    ApiClient *m_client;
    QString m_path;
    QStringList m_keys;
    int m_batchSize;
    int m_next = 0;
    int m_requests = 0;
    bool m_clientClosed = false;
    QPointer<ApiCall> m_call;
    QList<ItemOutcome> m_outcomes;
};

} // namespace mcdesk::api
