#include "core/api/batchwrite.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace mcdesk::api {

ItemOutcome::Status ItemOutcome::statusOf(const ApiError &error)
{
    if (!error.isError())
        return Status::Done;
    return error.outcomeUnknown ? Status::Unknown : Status::Failed;
}

QString ItemOutcome::statusName(Status status)
{
    switch (status) {
    case Status::Done:
        return u"done"_s;
    case Status::Failed:
        return u"failed"_s;
    case Status::Unknown:
        return u"unknown"_s;
    }
    return u"unknown"_s;
}

ItemOutcome::Status ItemOutcome::statusFromName(const QString &name)
{
    for (Status status : {Status::Done, Status::Failed})
        if (name == statusName(status))
            return status;
    return Status::Unknown;
}

BatchWrite::BatchWrite(ApiClient *client, QString path, QStringList keys, int batchSize,
                       QObject *parent)
    : Operation(Ownership::OwnerDeletes, parent)
    , m_client(client)
    , m_path(std::move(path))
    , m_keys(std::move(keys))
    , m_batchSize(batchSize)
{}

QStringList BatchWrite::keysWith(ItemOutcome::Status status) const
{
    QStringList out;
    for (const ItemOutcome &o : m_outcomes)
        if (o.status == status)
            out.append(o.key);
    return out;
}

BatchWrite::~BatchWrite()
{
    // A call still alive and unanswered means its client is alive too: the client's destructor
    // answers (and so removes) every call.
    for (const QPointer<ApiCall> &call : std::as_const(m_calls))
        if (call)
            m_client->releaseWriteSlot(false);
}

void BatchWrite::prepareBatches()
{
    m_batchCount = int((m_keys.size() + m_batchSize - 1) / m_batchSize);
    m_perBatch.resize(m_batchCount);
    m_settled.fill(false, m_batchCount);
}

void BatchWrite::doStart()
{
    prepareBatches();
    // Another write of this connection gave its slot back: there may be room for a batch.
    connect(m_client, &ApiClient::writeSlotFreed, this, &BatchWrite::sendMore);
    QTimer::singleShot(0, this, &BatchWrite::sendMore);
}

void BatchWrite::doCancel()
{
    // Batches in flight finish (they may already be running at Mimecast), and sendMore()
    // sends no other; one never started reports every item as not sent.
    if (!isStarted()) {
        prepareBatches();
        QTimer::singleShot(0, this, &BatchWrite::sendMore);
    }
}

void BatchWrite::refuseUnsent(int from, const QString &code, const QString &message)
{
    for (int b = from; b < m_batchCount; ++b) {
        QList<ItemOutcome> &slot = m_perBatch[b];
        for (const QString &key : m_keys.mid(qsizetype(b) * m_batchSize, m_batchSize))
            slot.append(
                {key,
                 ItemOutcome::Status::Failed,
                 code,
                 message,
                 {},
                 code == kCancelledCode ? ApiError::Kind::Cancelled : ApiError::Kind::Local});
        m_settled[b] = true;
    }
    m_nextBatch = m_batchCount;
}

void BatchWrite::sendMore()
{
    if (isFinished())
        return;
    if (!m_stopped && isCancelled()) {
        m_stopped = true;
        if (m_nextBatch < m_batchCount && !m_error.isError())
            m_error = cancelledError(u"Cancelled before every item was sent."_s);
        refuseUnsent(m_nextBatch, kCancelledCode,
                     u"Cancelled before it was sent; nothing was changed."_s);
    }
    // At most this write's own cap, and no more than the connection's window allows.
    while (!m_stopped && m_nextBatch < m_batchCount && m_calls.size() < m_maxInFlight &&
           m_client->takeWriteSlot())
        sendBatch(m_nextBatch++);
    finishWhenSettled();
}

void BatchWrite::sendBatch(int index)
{
    const QStringList batch = m_keys.mid(qsizetype(index) * m_batchSize, m_batchSize);
    if (m_ledger) {
        if (const QString problem = m_ledger->aboutToSend(batch); !problem.isEmpty()) {
            m_ledgerFailed = true;
            m_stopped = true;
            if (!m_error.isError())
                m_error = ApiError::local(u"mcdesk_journal_failed"_s, problem);
            refuseUnsent(index, u"mcdesk_journal_failed"_s,
                         u"Not sent: the job journal could not record it; nothing was changed."_s);
            m_client->releaseWriteSlot(false);
            return;
        }
    }
    ++m_requests;
    ApiCall *call =
        m_client->post(m_path, QJsonObject{{u"data"_s, dataFor(batch)}}, CallKind::Write);
    m_calls.append(call);
    m_mostInFlight = std::max(m_mostInFlight, int(m_calls.size()));
    connect(call, &ApiCall::finished, this, [this, index, call] { onBatchFinished(index, call); });
}

void BatchWrite::onBatchFinished(int index, ApiCall *call)
{
    m_calls.removeAll(call);
    const ApiReply &reply = call->reply();
    const ApiError &error = reply.error;
    if (error.isError() && error.kind != ApiError::Kind::Refused && !m_error.isError())
        m_error = error;
    m_client->releaseWriteSlot(reply.rateLimited);
    const QStringList batch = m_keys.mid(qsizetype(index) * m_batchSize, m_batchSize);
    m_perBatch[index] = interpret(batch, reply);
    m_settled[index] = true;
    int settledItems = 0;
    for (const QList<ItemOutcome> &slot : std::as_const(m_perBatch))
        settledItems += int(slot.size());
    // Every answered batch is settled, even after sending stopped; not after the ledger failed.
    if (m_ledger && !m_ledgerFailed) {
        if (const QString problem = m_ledger->settled(m_perBatch.at(index)); !problem.isEmpty()) {
            m_ledgerFailed = true;
            m_stopped = true;
            if (!m_error.isError())
                m_error = ApiError::local(u"mcdesk_journal_failed"_s, problem);
            refuseUnsent(m_nextBatch, u"mcdesk_journal_failed"_s,
                         u"Not sent: the job journal could not be written; nothing was "
                         u"changed."_s);
        }
    }
    const bool lostConnection =
        error.kind == ApiError::Kind::Connection || error.kind == ApiError::Kind::Timeout;
    if (m_stopOnConnectionLoss && lostConnection && !m_stopped) {
        m_stopped = true;
        refuseUnsent(m_nextBatch, u"mcdesk_paused"_s,
                     u"Not sent yet: the connection to Mimecast was lost first."_s);
    }
    // The client is going away: a write is never sent again, nor the next batch.
    if (error.code == kClientClosedCode && !m_stopped) {
        m_stopped = true;
        refuseUnsent(m_nextBatch, kClientClosedCode,
                     u"Not sent: the connection was closed first; nothing was changed."_s);
    }
    emit progress(settledItems, int(m_keys.size()));
    sendMore();
}

void BatchWrite::finishWhenSettled()
{
    if (!m_calls.isEmpty() || m_nextBatch < m_batchCount || isFinished())
        return;
    m_outcomes.clear();
    for (const QList<ItemOutcome> &slot : std::as_const(m_perBatch))
        m_outcomes.append(slot);
    finish();
}

QList<ItemOutcome> BatchWrite::interpret(const QStringList &batch, const ApiReply &reply) const
{
    QList<ItemOutcome> out;
    const ApiError &error = reply.error;
    if (error.isError() && error.kind != ApiError::Kind::Refused) {
        const auto status =
            error.outcomeUnknown ? ItemOutcome::Status::Unknown : ItemOutcome::Status::Failed;
        for (const QString &key : batch)
            out.append({key, status, error.code, error.describe(), {}, error.kind});
        return out;
    }
    const QList<ItemFailure> failures = parseFailures(reply.fail);
    for (const QString &key : batch) {
        ItemOutcome o{key,
                      ItemOutcome::Status::Unknown,
                      u"mcdesk_not_in_reply"_s,
                      u"Mimecast's reply did not mention this item; refresh to see its state."_s,
                      {}};
        for (const ItemFailure &f : failures) {
            const bool matches = f.key.value(u"id"_s).toString() == key ||
                                 f.key.value(u"ids"_s).toArray().contains(QJsonValue(key));
            if (matches) {
                o = {key, ItemOutcome::Status::Failed, f.code, f.message, f.key};
                break;
            }
        }
        if (o.status == ItemOutcome::Status::Unknown) {
            for (const QJsonValue &v : reply.data) {
                const QJsonObject item = v.toObject();
                if (item.value(u"id"_s).toString() != key)
                    continue;
                const bool done = m_successFlag.isEmpty() || item.value(m_successFlag).toBool();
                o = done ? ItemOutcome{key, ItemOutcome::Status::Done, {}, {}, item}
                         : ItemOutcome{key, ItemOutcome::Status::Failed,
                                       u"mcdesk_not_"_s + m_successFlag,
                                       u"Mimecast answered but did not "_s + m_successFlag +
                                           u" it (it may no longer be held)."_s,
                                       item};
                break;
            }
        }
        out.append(o);
    }
    return out;
}

} // namespace mcdesk::api
