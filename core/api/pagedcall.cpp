#include "core/api/pagedcall.h"

#include "core/api/replyhandling.h"

#include <climits>

using namespace Qt::StringLiterals;

namespace mcdesk::api {

PagedCall::PagedCall(ApiClient *client, QString path, QJsonArray data, int limit, int maxPageSize,
                     ItemsOf itemsOf, QObject *parent)
    : Operation(Ownership::OwnerDeletes, parent)
    , m_client(client)
    , m_path(std::move(path))
    , m_data(std::move(data))
    , m_limit(limit)
    , m_maxPageSize(maxPageSize)
    , m_itemsOf(std::move(itemsOf))
{}

QJsonArray PagedCall::itemsInData(const ApiReply &reply)
{
    return reply.data;
}

QJsonArray PagedCall::itemsInFirstData(const ApiReply &reply)
{
    const QJsonObject first = reply.data.at(0).toObject(); // undefined when data is empty
    if (first.contains(u"items"_s))
        return first.value(u"items"_s).toArray();
    return reply.data; // some archive replies are flat
}

void PagedCall::doStart()
{
    requestPage({});
}

void PagedCall::doCancel()
{
    if (m_call)
        m_call->cancel(); // its finished() brings the Cancelled error
    else
        finishCancelledLater(u"Stopped."_s); // not started: nothing was sent
}

void PagedCall::requestPage(const QString &pageToken)
{
    QJsonObject pagination{{u"pageSize"_s, qMin(m_limit - m_fetched, m_maxPageSize)}};
    if (!pageToken.isEmpty())
        pagination.insert(u"pageToken"_s, pageToken);
    // The filters are sent again with every page; Mimecast accepts that (and some endpoints
    // need it), and it keeps each request self-describing in the network log.
    const QJsonObject body{{u"meta"_s, QJsonObject{{u"pagination"_s, pagination}}},
                           {u"data"_s, m_data}};
    m_call = m_client->post(m_path, body, CallKind::Read);
    connect(m_call, &ApiCall::finished, this, [this, call = m_call.data()] {
        m_last = call->reply();
        for (const QString &note : std::as_const(m_last.notes))
            if (!m_notes.contains(note))
                m_notes.append(note);
        if (m_last.error.isError()) {
            m_error = m_last.error;
            return finish();
        }
        ++m_pages;
        // Strict where a wrong type would mislead: a count that is no number, a token that is no
        // text. Items that are not records are skipped and counted, never shown as empty rows.
        const QJsonValue pagination = m_last.meta.value(u"pagination"_s);
        const QJsonObject page = pagination.toObject();
        const QJsonValue total = page.value(u"totalCount"_s);
        const QJsonValue nextValue = page.value(u"next"_s);
        QString wrong;
        if (!pagination.isUndefined() && !pagination.isObject())
            wrong = u"`meta.pagination` is not an object"_s;
        else if (!total.isUndefined() && !total.isDouble())
            wrong = u"`meta.pagination.totalCount` is not a number"_s;
        else if (!nextValue.isUndefined() && !nextValue.isNull() && !nextValue.isString())
            wrong = u"`meta.pagination.next` is not text"_s;
        if (!wrong.isEmpty()) {
            m_error = replies::malformedError(wrong, CallKind::Read);
            return finish();
        }
        const QJsonArray all = m_itemsOf ? m_itemsOf(m_last) : m_last.data;
        QJsonArray items;
        for (const QJsonValue &item : all) {
            if (!item.isObject())
                ++m_skipped;
            else if (m_fetched + items.size() < m_limit)
                items.append(item);
        }
        m_fetched += int(items.size());
        if (total.isDouble())
            m_totalCount = int(qBound<qint64>(0, total.toInteger(), qint64(INT_MAX)));
        emit itemsArrived(items);
        const QString next = nextValue.toString();
        const bool repeated = !next.isEmpty() && m_tokens.contains(next);
        m_tokens.insert(next);
        if (repeated)
            m_notes.append(u"Mimecast sent the same page token twice; paging stopped after %1 "
                           u"pages so that no page is counted twice."_s.arg(m_pages));
        if (isCancelled()) {
            m_error = cancelledError(u"Stopped."_s);
            finish();
        } else if (next.isEmpty() || repeated || m_fetched >= m_limit || items.isEmpty() ||
                   m_enough) {
            m_stoppedWithMore = !next.isEmpty() && !repeated && (m_fetched >= m_limit || m_enough);
            finish();
        } else {
            requestPage(next);
        }
    });
}

void PagedCall::addSkipped(int count)
{
    m_skipped += count;
}

QStringList PagedCall::notes() const
{
    QStringList out = m_notes;
    if (m_skipped > 0)
        out.append(u"%1 items in Mimecast's reply were not usable records (no id, or not an "
                   u"object) and were skipped."_s.arg(m_skipped));
    return out;
}

} // namespace mcdesk::api
