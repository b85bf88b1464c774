#pragma once

#include "core/api/singlecall.h"
#include "core/held/heldmessage.h"

namespace mcdesk::archive {

// /api/archive/get-message-detail: headers, attachments and a plain-text body preview of one
// archived message, for the results grid's detail pane.
class GetArchiveMessageDetail : public api::SingleCall
{
    Q_OBJECT
public:
    GetArchiveMessageDetail(api::ApiClient *client, QString id, QObject *parent = nullptr);
    const held::MessageDetail &detail() const { return m_detail; }

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    QString m_id;
    held::MessageDetail m_detail;
};

} // namespace mcdesk::archive
