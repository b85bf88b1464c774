#include "core/archive/archivemessagedetail.h"

using namespace Qt::StringLiterals;

namespace mcdesk::archive {

GetArchiveMessageDetail::GetArchiveMessageDetail(api::ApiClient *client, QString id,
                                                 QObject *parent)
    : SingleCall(client, u"/api/archive/get-message-detail"_s, api::CallKind::Read, parent)
    , m_id(std::move(id))
{}

QJsonObject GetArchiveMessageDetail::body() const
{
    return {{u"data"_s, QJsonArray{QJsonObject{{u"id"_s, m_id}}}}};
}

void GetArchiveMessageDetail::parse(const api::ApiReply &reply)
{
    if (!reply.data.isEmpty())
        m_detail = held::MessageDetail::fromJson(reply.data.first().toObject());
}

} // namespace mcdesk::archive
