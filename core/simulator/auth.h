#pragma once

#include "core/simulator/httpmessage.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace mcdesk::sim {

struct AuthResult
{
    bool ok = false;
    QString identity; // the user or service account the call runs as (release-log operator)
    HttpReply reply;  // the refusal when !ok
};

// Checks API 1.0 signatures and API 2.0 bearer tokens the way Mimecast does, and mints tokens.
// Not thread-safe on its own: SimService serialises every call.
class Authenticator
{
public:
    explicit Authenticator(int tokenTtlSeconds);

    AuthResult check(const HttpRequest &request, const QDateTime &now);
    HttpReply issueToken(const HttpRequest &request, const QDateTime &now);
    void revokeAll() { m_tokens.clear(); }

private:
    AuthResult checkSigned(const HttpRequest &request, const QByteArray &credentials,
                           const QDateTime &now) const;
    AuthResult checkBearer(const QByteArray &token, const QDateTime &now);

    struct Token
    {
        QString identity;
        qint64 expiresMs = 0;
    };
    QHash<QByteArray, Token> m_tokens;
    int m_ttlSeconds;
};

} // namespace mcdesk::sim
