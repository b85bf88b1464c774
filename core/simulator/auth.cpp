#include "core/simulator/auth.h"

#include "core/api/requestsigner.h"
#include "core/simulator/envelope.h"
#include "core/simulator/simulatorhost.h"

#include <QRandomGenerator>
#include <QUrlQuery>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
// Public demo values: printed by mcdesk-sim and used by --demo. Never real Mimecast keys.
const auto kAppId = u"8f3c2a51-6d0e-4b7a-9c1f-2e5d7a9b0c11"_s;
const auto kAppKey = u"b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e"_s;
const auto kAccessKey = u"DEMO-mcdesk-sim-access-key-0001"_s;
const auto kSecretKey =
    u"bWNkZXNrLXNpbXVsYXRvciBkZW1vIHNlY3JldCBrZXk6IGEgcHVibGljIHZhbHVlLCBub3QgYSBzZWNyZXQhIQ=="_s;
const auto kExpiredAccessKey = u"DEMO-mcdesk-sim-expired-binding-0001"_s;
const auto kExpiredSecretKey =
    u"bWNkZXNrLXNpbXVsYXRvciBleHBpcmVkIGJpbmRpbmcga2V5OiBwdWJsaWMsIG5vdCBhIHNlY3JldCEhISE="_s;
const auto kClientId = u"mcdesk-sim-demo-client"_s;
const auto kClientSecret = u"mcdesk-sim-demo-client-secret-public-demo-value"_s;

constexpr qint64 kDateWindowSecs = 15 * 60;

struct Binding
{
    QString secretKey;
    QString identity;
    bool expired;
};

const QHash<QString, Binding> &bindings()
{
    static const QHash<QString, Binding> table = {
        {kAccessKey, {kSecretKey, u"analyst@demo.example"_s, false}},
        {kExpiredAccessKey, {kExpiredSecretKey, u"former.analyst@demo.example"_s, true}},
    };
    return table;
}

AuthResult refuse(int status, const QString &code, const QString &message)
{
    AuthResult result;
    result.reply = errorReply(status, code, message);
    return result;
}

HttpReply tokenError(int status, const QString &code, const QString &message)
{
    return jsonReply(
        status, {{u"fail"_s, QJsonArray{QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}}});
}

// Constant-time compare: the signature check must not leak how many bytes matched.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}
} // namespace

api::Credentials demoCredentials()
{
    api::Credentials c;
    c.kind = api::Credentials::Kind::Api1;
    c.appId = kAppId;
    c.appKey = kAppKey;
    c.accessKey = kAccessKey;
    c.secretKey = kSecretKey;
    return c;
}

api::Credentials demoOAuthCredentials()
{
    api::Credentials c;
    c.kind = api::Credentials::Kind::Api2;
    c.clientId = kClientId;
    c.clientSecret = kClientSecret;
    return c;
}

api::Credentials expiredBindingCredentials()
{
    api::Credentials c = demoCredentials();
    c.accessKey = kExpiredAccessKey;
    c.secretKey = kExpiredSecretKey;
    return c;
}

Authenticator::Authenticator(int tokenTtlSeconds)
    : m_ttlSeconds(tokenTtlSeconds)
{}

AuthResult Authenticator::check(const HttpRequest &request, const QDateTime &now)
{
    const QByteArray authorization = request.header("authorization"_ba).trimmed();
    if (authorization.isEmpty())
        return refuse(401, u"err_xdk_client_unauthorized"_s,
                      u"0001 Authorization header is missing"_s);
    const int space = authorization.indexOf(' ');
    const QByteArray scheme = authorization.left(space).toLower();
    const QByteArray rest = space < 0 ? QByteArray() : authorization.mid(space + 1).trimmed();
    if (scheme == "mc"_ba)
        return checkSigned(request, rest, now);
    if (scheme == "bearer"_ba)
        return checkBearer(rest, now);
    return refuse(401, u"err_xdk_client_unauthorized"_s,
                  u"0001 Authorization type is not supported (use MC or Bearer)"_s);
}

AuthResult Authenticator::checkSigned(const HttpRequest &request, const QByteArray &credentials,
                                      const QDateTime &now) const
{
    const int colon = credentials.indexOf(':');
    if (colon <= 0)
        return refuse(401, u"err_xdk_client_unauthorized"_s,
                      u"Authorization must be 'MC <accessKey>:<signature>'"_s);
    const QString accessKey = QString::fromUtf8(credentials.left(colon));
    const QByteArray signature = credentials.mid(colon + 1);
    const auto binding = bindings().constFind(accessKey);
    if (binding == bindings().cend())
        return refuse(401, u"err_xdk_client_unauthorized"_s, u"The access key is not recognised"_s);

    const QString appId = QString::fromUtf8(request.header("x-mc-app-id"_ba));
    if (appId.isEmpty())
        return refuse(401, u"err_developer_key"_s, u"The x-mc-app-id header is missing"_s);
    if (appId != kAppId)
        return refuse(401, u"err_developer_key"_s, u"The application id is not recognised"_s);
    const QString reqId = QString::fromUtf8(request.header("x-mc-req-id"_ba));
    if (reqId.isEmpty())
        return refuse(401, u"err_xdk_client_unauthorized"_s,
                      u"The x-mc-req-id header is missing"_s);
    const QString date = QString::fromUtf8(request.header("x-mc-date"_ba));
    const QDateTime sent = api::RequestSigner::parseHttpDate(date);
    if (!sent.isValid())
        return refuse(401, u"err_xdk_client_unauthorized"_s,
                      u"x-mc-date is missing or not a date like 'Tue, 24 Nov 2015 12:50:11 UTC'"_s);
    if (std::llabs(sent.secsTo(now)) > kDateWindowSecs)
        return refuse(401, u"err_xdk_client_unauthorized"_s,
                      u"x-mc-date is outside the allowed 15 minute window"_s);

    const QByteArray expected = api::RequestSigner::signature(binding->secretKey.toLatin1(), date,
                                                              reqId, request.path, kAppKey);
    if (!sameBytes(expected, signature))
        return refuse(401, u"err_xdk_invalid_signature"_s, u"0004 Invalid Signature"_s);
    if (binding->expired)
        return refuse(418, u"err_xdk_binding_expired"_s, u"Binding Expired"_s);
    return {true, binding->identity, {}};
}

AuthResult Authenticator::checkBearer(const QByteArray &token, const QDateTime &now)
{
    const auto it = m_tokens.find(token);
    if (it != m_tokens.end() && it->expiresMs <= now.toMSecsSinceEpoch())
        m_tokens.erase(it);
    else if (it != m_tokens.end())
        return {true, it->identity, {}};
    AuthResult result = refuse(401, u"err_xdk_client_unauthorized"_s,
                               u"The bearer token is unknown, revoked or expired"_s);
    result.reply.headers.append({"WWW-Authenticate"_ba, R"(Bearer error="invalid_token")"_ba});
    return result;
}

HttpReply Authenticator::issueToken(const HttpRequest &request, const QDateTime &now)
{
    if (!request.header("content-type"_ba).startsWith("application/x-www-form-urlencoded"))
        return tokenError(400, u"InvalidRequest"_s,
                          u"Content-Type must be application/x-www-form-urlencoded"_s);
    // Form values may use '+' for spaces; QUrlQuery only knows %20.
    QByteArray form = request.body;
    form.replace('+', "%20"_ba);
    const QUrlQuery query(QString::fromUtf8(form));
    QString clientId = query.queryItemValue(u"client_id"_s, QUrl::FullyDecoded);
    QString clientSecret = query.queryItemValue(u"client_secret"_s, QUrl::FullyDecoded);
    const QByteArray authorization = request.header("authorization"_ba);
    if (clientId.isEmpty() && authorization.toLower().startsWith("basic ")) {
        // client_secret_basic is allowed by RFC 6749 as well.
        const QString pair = QString::fromUtf8(QByteArray::fromBase64(authorization.mid(6)));
        clientId = pair.section(u':', 0, 0);
        clientSecret = pair.section(u':', 1);
    }
    if (query.queryItemValue(u"grant_type"_s) != u"client_credentials"_s)
        return tokenError(400, u"UnsupportedGrantType"_s,
                          u"grant_type must be client_credentials"_s);
    if (clientId != kClientId || clientSecret != kClientSecret)
        return tokenError(401, u"InvalidClientIdentifier"_s, u"Client credentials are invalid"_s);

    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray raw(reinterpret_cast<const char *>(words), sizeof(words));
    const QByteArray token =
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    m_tokens.insert(token, {u"api-service@demo.example"_s,
                            now.toMSecsSinceEpoch() + qint64(m_ttlSeconds) * 1000});
    return jsonReply(200, {{u"access_token"_s, QString::fromLatin1(token)},
                           {u"token_type"_s, u"Bearer"_s},
                           {u"expires_in"_s, m_ttlSeconds}});
}

} // namespace mcdesk::sim
