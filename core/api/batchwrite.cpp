#include "core/api/batchwrite.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace mcdesk::api {

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

void BatchWrite::doStart()
{
    QTimer::singleShot(0, this, &BatchWrite::sendNext);
}

void BatchWrite::doCancel()
{
    // The batch in flight finishes (it may already be running at Mimecast), and sendNext()
    // sends no other; one never started reports every item as not sent.
    if (!isStarted())
        QTimer::singleShot(0, this, &BatchWrite::sendNext);
}

void BatchWrite::sendNext()
{
    if (isCancelled() || m_clientClosed) {
        const bool closed = m_clientClosed;
        if (!closed && m_next < m_keys.size() && !m_error.isError())
            m_error = cancelledError(u"Cancelled before every item was sent."_s);
        for (; m_next < m_keys.size(); ++m_next)
            m_outcomes.append({m_keys.at(m_next),
                               ItemOutcome::Status::Failed,
                               closed ? kClientClosedCode : kCancelledCode,
                               closed ? u"Not sent: the connection was closed first; nothing "
                                        u"was changed."_s
                                      : u"Cancelled before it was sent; nothing was changed."_s,
                               {}});
    }
    if (m_next >= m_keys.size())
        return finish();
    const QStringList batch = m_keys.mid(m_next, m_batchSize);
    m_next += int(batch.size());
    ++m_requests;
    m_call = m_client->post(m_path, QJsonObject{{u"data"_s, dataFor(batch)}}, CallKind::Write);
    connect(m_call, &ApiCall::finished, this, [this, batch, call = m_call.data()] {
        const ApiError &error = call->reply().error;
        if (error.isError() && error.kind != ApiError::Kind::Refused && !m_error.isError())
            m_error = error;
        // The client is going away: a write is never sent again, nor the next batch.
        m_clientClosed = error.code == kClientClosedCode;
        m_outcomes.append(interpret(batch, call->reply()));
        emit progress(int(m_outcomes.size()), int(m_keys.size()));
        sendNext();
    });
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
