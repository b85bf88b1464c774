#include "core/api/pagedcall.h"

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
    const QJsonObject first = reply.data.first().toObject();
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
        if (m_last.error.isError()) {
            m_error = m_last.error;
            return finish();
        }
        ++m_pages;
        QJsonArray items = m_itemsOf ? m_itemsOf(m_last) : m_last.data;
        while (m_fetched + items.size() > m_limit)
            items.removeLast();
        m_fetched += int(items.size());
        const QJsonObject page = m_last.meta.value(u"pagination"_s).toObject();
        if (page.contains(u"totalCount"_s))
            m_totalCount = page.value(u"totalCount"_s).toInt();
        emit itemsArrived(items);
        const QString next = page.value(u"next"_s).toString();
        if (isCancelled()) {
            m_error = cancelledError(u"Stopped."_s);
            finish();
        } else if (next.isEmpty() || m_fetched >= m_limit || items.isEmpty()) {
            finish();
        } else {
            requestPage(next);
        }
    });
}

} // namespace mcdesk::api
