#include "core/api/singlecall.h"

namespace mcdesk::api {

SingleCall::SingleCall(ApiClient *client, QString path, CallKind kind, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(std::move(path))
    , m_kind(kind)
{}

void SingleCall::start()
{
    ApiCall *call = m_client->post(m_path, body(), m_kind);
    connect(call, &ApiCall::finished, this, [this, call] {
        m_error = call->reply().error;
        parse(call->reply());
        emit finished();
    });
}

} // namespace mcdesk::api
