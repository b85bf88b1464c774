#include "core/api/singlecall.h"

using namespace Qt::StringLiterals;

namespace mcdesk::api {

SingleCall::SingleCall(ApiClient *client, QString path, CallKind kind, QObject *parent)
    : Operation(Ownership::OwnerDeletes, parent)
    , m_client(client)
    , m_path(std::move(path))
    , m_kind(kind)
{}

void SingleCall::doStart()
{
    m_call = m_client->post(m_path, body(), m_kind);
    connect(m_call, &ApiCall::finished, this, [this, call = m_call.data()] {
        m_error = call->reply().error;
        parse(call->reply());
        finish();
    });
}

void SingleCall::doCancel()
{
    if (!m_call)
        return finishCancelledLater(u"Cancelled."_s); // not started: nothing was sent
    if (m_kind == CallKind::Write && m_call->isInFlight())
        return;       // it may already be running at Mimecast: its answer says what happened
    m_call->cancel(); // its finished() brings the Cancelled error
}

} // namespace mcdesk::api
