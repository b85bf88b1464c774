#pragma once

#include "core/api/apiclient.h"

#include <QPointer>

namespace mcdesk::api {

// Base of the operations that are one request and one typed answer (account, summary,
// details, policies). Subclasses build the body and read the reply. cancel() stops a read at
// once; a write already on the wire is not taken back, and its answer is reported.
class SingleCall : public Operation
{
    Q_OBJECT
protected:
    SingleCall(ApiClient *client, QString path, CallKind kind, QObject *parent);
    void doStart() override;
    void doCancel() override;
    virtual QJsonObject body() const = 0;
    // Called for every reply, also failed ones; may set m_error for a reply it cannot use.
    virtual void parse(const ApiReply &reply) = 0;

    ApiClient *m_client;

private:
    QString m_path;
    CallKind m_kind;
    QPointer<ApiCall> m_call;
};

} // namespace mcdesk::api
