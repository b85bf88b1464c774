#pragma once

#include "core/api/apiclient.h"

namespace mcdesk::api {

// Base of the operations that are one request and one typed answer (account, summary,
// details, policies). Subclasses build the body and read the reply.
class SingleCall : public QObject
{
    Q_OBJECT
public:
    void start();
    const ApiError &error() const { return m_error; }

signals:
    void finished();

protected:
    SingleCall(ApiClient *client, QString path, CallKind kind, QObject *parent);
    virtual QJsonObject body() const = 0;
    // Called for every reply, also failed ones; may set m_error for a reply it cannot use.
    virtual void parse(const ApiReply &reply) = 0;

    ApiClient *m_client;
    ApiError m_error;

private:
    QString m_path;
    CallKind m_kind;
};

} // namespace mcdesk::api
