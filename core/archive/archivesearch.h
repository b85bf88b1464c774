#pragma once

#include "core/api/pagedcall.h"
#include "core/archive/simplesearch.h"

namespace mcdesk::archive {

// /api/archive/search with an archive query XML, paged until `limit` results: the page size
// is min(remaining, 500), so a search for 50 is one request however many messages match.
class ArchiveSearch : public api::PagedCall
{
    Q_OBJECT
public:
    ArchiveSearch(api::ApiClient *client, const QString &queryXml, int limit,
                  QObject *parent = nullptr);

    // Sum of the server's queryDuration (ms) over the pages.
    qint64 queryDurationMs() const { return m_queryDurationMs; }

signals:
    void pageArrived(const QJsonArray &emails);

private:
    qint64 m_queryDurationMs = 0;
};

} // namespace mcdesk::archive
