#pragma once

#include "core/api/apiclient.h"

#include <QObject>
#include <QPointer>
#include <QSet>

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
    // Paging stopped (at the limit, or because the derived operation had enough) while the
    // server still offered a next page.
    bool stoppedWithMore() const { return m_stoppedWithMore; }
    // Items the reply held that were not usable records, skipped rather than shown.
    int skipped() const { return m_skipped; }
    // What the analyst should know of a read that still succeeded: skipped items, a repeated
    // page token that ended paging, bytes that were not UTF-8.
    QStringList notes() const;

    // Items for the two envelope shapes: data[] directly, or data[0].items (archive search).
    static QJsonArray itemsInData(const ApiReply &reply);
    static QJsonArray itemsInFirstData(const ApiReply &reply);

signals:
    // The items of one page (the derived operations hand out typed pages of their own).
    void itemsArrived(const QJsonArray &items);

protected:
    void doStart() override;
    void doCancel() override;
    // For the typed lists: records the derived operation could not use (a held message with no
    // id) and dropped.
    void addSkipped(int count);
    // From an itemsArrived handler: no further page is needed (a filtered read found its rows).
    void markEnough() { m_enough = true; }

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
    int m_skipped = 0;
    bool m_enough = false;
    bool m_stoppedWithMore = false;
    QStringList m_notes;
    QSet<QString> m_tokens; // every page token followed, so a repeated one ends paging
};

} // namespace mcdesk::api
