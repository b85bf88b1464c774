#pragma once

#include "core/api/apiclient.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace mcdesk::api {

// Follows meta.pagination.next as pageToken until `limit` items have arrived or the server
// has no more, asking for no more than the limit (page size = min(remaining, maxPageSize)).
// Each page is handed out as it arrives so views can show the first rows at once. The typed
// list operations derive from it; cancel() aborts the page on its way.
class PagedCall : public Operation
{
    Q_OBJECT
public:
    using ItemsOf = std::function<QJsonArray(const ApiReply &)>;

    PagedCall(ApiClient *client, QString path, QJsonArray data, int limit, int maxPageSize,
              ItemsOf itemsOf, QObject *parent = nullptr);

    int fetched() const { return m_fetched; }
    int pages() const { return m_pages; }
    // totalCount from the last page's meta.pagination, or -1 when the server gave none.
    int totalCount() const { return m_totalCount; }
    const ApiReply &lastReply() const { return m_last; }

    // Items for the two envelope shapes: data[] directly, or data[0].items (archive search).
    static QJsonArray itemsInData(const ApiReply &reply);
    static QJsonArray itemsInFirstData(const ApiReply &reply);

signals:
    // The items of one page (the derived operations hand out typed pages of their own).
    void itemsArrived(const QJsonArray &items);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void requestPage(const QString &pageToken);

    ApiClient *m_client;
    QString m_path;
    QJsonArray m_data;
    int m_limit;
    int m_maxPageSize;
    ItemsOf m_itemsOf;
    QPointer<ApiCall> m_call;
    ApiReply m_last;
    int m_fetched = 0;
    int m_pages = 0;
    int m_totalCount = -1;
};

} // namespace mcdesk::api
