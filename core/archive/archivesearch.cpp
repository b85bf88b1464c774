#include "core/archive/archivesearch.h"

using namespace Qt::StringLiterals;

namespace mcdesk::archive {

ArchiveSearch::ArchiveSearch(api::ApiClient *client, const QString &queryXml, int limit,
                             QObject *parent)
    : PagedCall(
          client, u"/api/archive/search"_s,
          // admin:true searches the whole organisation; without it results are silently
          // empty for an administrator's key.
          QJsonArray{QJsonObject{{u"admin"_s, true}, {u"query"_s, queryXml}}}, limit, kMaxPageSize,
          [this](const api::ApiReply &reply) {
              m_queryDurationMs +=
                  reply.data.at(0).toObject().value(u"queryDuration"_s).toInteger();
              return api::PagedCall::itemsInFirstData(reply);
          },
          parent)
{
    connect(this, &api::PagedCall::itemsArrived, this, &ArchiveSearch::pageArrived);
}

} // namespace mcdesk::archive
