#pragma once

#include "core/api/pagedcall.h"
#include "core/archive/simplesearch.h"

namespace mcdesk::archive {

// /api/archive/search with an archive query XML, paged until `limit` results: the page size
// is min(remaining, 500), so a search for 50 is one request however many messages match.
class ArchiveSearch : public QObject
{
    Q_OBJECT
public:
    ArchiveSearch(api::ApiClient *client, const QString &queryXml, int limit,
                  QObject *parent = nullptr);
    void start() { m_paged.start(); }
    void cancel() { m_paged.cancel(); }

    const api::ApiError &error() const { return m_paged.error(); }
    int fetched() const { return m_paged.fetched(); }
    int pages() const { return m_paged.pages(); }
    // Sum of the server's queryDuration (ms) over the pages.
    qint64 queryDurationMs() const { return m_queryDurationMs; }

signals:
    void pageArrived(const QJsonArray &emails);
    void finished();

private:
    api::PagedCall m_paged;
    qint64 m_queryDurationMs = 0;
};

} // namespace mcdesk::archive
