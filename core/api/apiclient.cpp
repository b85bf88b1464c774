#include "core/api/apiclient.h"

#include "core/api/baseurlpolicy.h"
#include "core/api/requestsigner.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApi, "mcdesk.api")

namespace mcdesk::api {

namespace {

QByteArray userAgent()
{
    return "mcdesk/" MCDESK_VERSION;
}

QString authAdvice(Credentials::Kind kind)
{
    return kind == Credentials::Kind::Api1
               ? u"Check the Application ID and Key, the Access Key and Secret Key, and that this "
                 u"computer's clock is correct (Mimecast allows 15 minutes of skew)."_s
               : u"Check the Client ID and Client Secret, and that the API application is enabled."_s;
}

ApiError transportError(QNetworkReply::NetworkError error, const QString &text, CallKind kind)
{
    ApiError e;
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        e.kind = ApiError::Kind::Tls;
        e.code = u"mcdesk_tls"_s;
        e.message = u"The secure connection failed (" + text +
                    u"). Certificate errors are never ignored: check the base URL and any "
                    u"intercepting proxy."_s;
        return e;
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        e.kind = ApiError::Kind::Timeout;
        e.code = u"mcdesk_timeout"_s;
        e.message = u"Mimecast did not answer in time."_s;
        e.outcomeUnknown = kind == CallKind::Write;
        return e;
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
        e.kind = ApiError::Kind::Connection;
        e.code = u"mcdesk_connection"_s;
        e.message =
            u"Could not connect to Mimecast (" + text + u"). Check the network and the base URL."_s;
        return e; // nothing reached the server, so even a write is known not to have run
    default:
        e.kind = ApiError::Kind::Connection;
        e.code = u"mcdesk_connection"_s;
        e.message = u"The connection to Mimecast failed (" + text + u")."_s;
        e.outcomeUnknown = kind == CallKind::Write;
        return e;
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
ApiCall::ApiCall(ApiClient *client, QString path, QJsonObject body, CallKind kind)
    : QObject(client)
    , m_client(client)
    , m_path(std::move(path))
    , m_body(std::move(body))
    , m_kind(kind)
{}

void ApiCall::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_network)
        m_network->abort(); // onReplyFinished() reports the cancellation
    else
        QTimer::singleShot(0, this, [this] { finish(); });
}

void ApiCall::send()
{
    if (m_cancelled || m_done)
        return;
    if (m_client->authKind() == Credentials::Kind::Api2 && !m_client->hasValidToken()) {
        connect(
            m_client, &ApiClient::tokenReady, this,
            [this] {
                if (m_client->m_tokenError.isError()) {
                    m_reply.error = m_client->m_tokenError;
                    finish();
                } else {
                    send();
                }
            },
            Qt::SingleShotConnection);
        m_client->mintToken();
        return;
    }
    ++m_reply.attempts;
    m_timer.start();
    QString requestId;
    m_network = m_client->startRequest(m_path, QJsonDocument(m_body).toJson(QJsonDocument::Compact),
                                       &requestId);
    QNetworkReply *reply = m_network;
    connect(reply, &QNetworkReply::finished, this, [this, reply, requestId] {
        reply->deleteLater();
        reply->setProperty("mcdeskRequestId", requestId);
        onReplyFinished(reply);
    });
}

void ApiCall::scheduleRetry(int delayMs)
{
    qCInfo(lcApi) << "retrying" << m_path << "in" << delayMs << "ms";
    QTimer::singleShot(delayMs, this, [this] { send(); });
}

void ApiCall::onReplyFinished(QNetworkReply *reply)
{
    m_network.clear();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An aborted reply has no open device to read from.
    const QByteArray body = m_cancelled ? QByteArray() : reply->readAll();
    m_reply.httpStatus = status;
    m_reply.elapsedMs = m_timer.elapsed();
    if (reply->hasRawHeader("Date"))
        m_reply.serverDate =
            RequestSigner::parseHttpDate(QString::fromLatin1(reply->rawHeader("Date")));
    // Qt reports a connection closed mid-body as a normal end; a short body is a drop.
    const QVariant promised = reply->header(QNetworkRequest::ContentLengthHeader);
    const bool truncated = status != 0 && promised.isValid() && body.size() < promised.toLongLong();

    NetworkLogEntry log{QDateTime::currentDateTimeUtc(),
                        u"POST"_s,
                        m_path,
                        status,
                        m_reply.elapsedMs,
                        reply->property("mcdeskRequestId").toString(),
                        {}};
    auto done = [&](ApiError error) {
        m_reply.error = std::move(error);
        log.error = m_reply.error.describe();
        emit m_client->requestLogged(log);
        finish();
    };
    auto retry = [&](int delayMs) {
        log.error = u"retrying"_s;
        emit m_client->requestLogged(log);
        scheduleRetry(delayMs);
    };
    const int base = m_client->options().backoffBaseMs;
    const int backoff =
        base * (1 << m_readRetries) + int(QRandomGenerator::global()->bounded(base / 2 + 1));

    if (m_cancelled)
        return done({ApiError::Kind::Cancelled, 0, kCancelledCode, u"Cancelled."_s,
                     m_kind == CallKind::Write && m_reply.attempts > 0});

    if (status == 0 || truncated) {
        ApiError e = truncated ? transportError(QNetworkReply::RemoteHostClosedError,
                                                u"the reply was cut off"_s, m_kind)
                               : transportError(reply->error(), reply->errorString(), m_kind);
        const bool retryable =
            e.kind == ApiError::Kind::Timeout || e.kind == ApiError::Kind::Connection;
        if (retryable && m_kind == CallKind::Read &&
            m_readRetries < m_client->options().maxReadRetries) {
            ++m_readRetries;
            return retry(backoff);
        }
        return done(e);
    }

    if (status == 429) {
        // The function did not run, so even a write may be sent again.
        if (m_rateLimitRetries < m_client->options().maxRateLimitRetries) {
            ++m_rateLimitRetries;
            bool ok = false;
            int wait = QString::fromLatin1(reply->rawHeader("X-RateLimit-Reset")).toInt(&ok);
            if (!ok || wait < 0)
                wait = qMin(30000, 5000 * m_rateLimitRetries);
            return retry(wait + int(QRandomGenerator::global()->bounded(50)));
        }
        return done({ApiError::Kind::RateLimited, status, u"mcdesk_rate_limited"_s,
                     u"Mimecast's rate limit is exhausted; wait a few minutes and try again."_s,
                     false});
    }

    if (status == 401 && m_client->authKind() == Credentials::Kind::Api2 && !m_reminted) {
        // A token may expire early or be revoked: mint once more and retry once.
        m_reminted = true;
        m_client->invalidateToken(reply->request().rawHeader("Authorization").mid(7));
        log.error = u"token refused; minting a new one"_s;
        emit m_client->requestLogged(log);
        return send();
    }

    if (status >= 300 && status < 400) {
        return done({ApiError::Kind::Http, status, u"mcdesk_redirect"_s,
                     u"Mimecast redirected the request to "_s +
                         QString::fromLatin1(reply->rawHeader("Location")) +
                         u"; redirects are not followed so credentials never reach another "
                         u"host. Use your region's API host as the base URL."_s,
                     false});
    }

    if (status >= 500) {
        if (m_kind == CallKind::Read && m_readRetries < m_client->options().maxReadRetries) {
            ++m_readRetries;
            return retry(backoff);
        }
        return done({ApiError::Kind::Server, status, u"mcdesk_http_"_s + QString::number(status),
                     u"Mimecast had a server error (HTTP "_s + QString::number(status) +
                         u"). Try again later."_s,
                     m_kind == CallKind::Write});
    }

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const bool isEnvelope = parseError.error == QJsonParseError::NoError && doc.isObject();
    if (isEnvelope) {
        const QJsonObject root = doc.object();
        m_reply.meta = root.value(u"meta"_s).toObject();
        m_reply.data = root.value(u"data"_s).toArray();
        m_reply.fail = root.value(u"fail"_s).toArray();
    }
    const QList<ItemFailure> failures = parseFailures(m_reply.fail);
    const QString mimecastText = failures.isEmpty() ? QString() : failures.first().message;
    const QString mimecastCode = failures.isEmpty() ? QString() : failures.first().code;

    if (status >= 400) {
        ApiError e{ApiError::Kind::Http, status, mimecastCode, {}, false};
        if (e.code.isEmpty())
            e.code = u"mcdesk_http_"_s + QString::number(status);
        const QString said =
            mimecastText.isEmpty() ? QString() : u" Mimecast said: "_s + mimecastText + u'.';
        switch (status) {
        case 401:
            e.kind = ApiError::Kind::Authentication;
            e.message = u"Mimecast refused the credentials."_s + said + u' ' +
                        authAdvice(m_client->authKind());
            break;
        case 403:
            e.kind = ApiError::Kind::Forbidden;
            e.message = u"The API application or its user lacks permission for "_s + m_path + u'.' +
                        said + u" Grant the role in the Mimecast console."_s;
            break;
        case 418:
            e.kind = ApiError::Kind::BindingExpired;
            e.message =
                u"The access key binding has expired. Create a new Access Key and Secret Key "
                u"for the service user in the Mimecast console and update this connection; "
                u"set the user's authentication profile cache TTL to Never Expires to stop "
                u"it recurring."_s;
            break;
        default:
            e.message = u"Mimecast answered HTTP "_s + QString::number(status) + u" for "_s +
                        m_path + u'.' + said;
        }
        return done(e);
    }

    if (!isEnvelope) {
        return done(
            {ApiError::Kind::Malformed, status, u"mcdesk_malformed_reply"_s,
             u"Mimecast's reply was not valid JSON ("_s + parseError.errorString() + u")."_s,
             m_kind == CallKind::Write});
    }
    if (!failures.isEmpty() && m_reply.data.isEmpty()) {
        return done({ApiError::Kind::Refused, status, mimecastCode,
                     u"Mimecast refused the request: "_s + mimecastText, false});
    }
    return done({});
}

void ApiCall::finish()
{
    if (m_done)
        return;
    m_done = true;
    if (m_cancelled && !m_reply.error.isError())
        m_reply.error = {ApiError::Kind::Cancelled, 0, kCancelledCode, u"Cancelled."_s, false};
    emit finished();
    deleteLater();
}

// ---------------------------------------------------------------------------------------------
ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // Redirects are refused (see ApiCall); TLS errors abort because nothing ignores them.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient() = default;

QString ApiClient::configure(const QUrl &baseUrl, const Credentials &credentials,
                             const ClientOptions &options)
{
    const QString policy = BaseUrlPolicy::check(baseUrl, options.allowCustomHost);
    if (!policy.isEmpty())
        return policy;
    const QString missing = credentials.missingField();
    if (!missing.isEmpty())
        return missing + u" is missing: add it to the connection or the environment."_s;
    if (credentials.kind == Credentials::Kind::Api1 &&
        QByteArray::fromBase64Encoding(credentials.secretKey.toLatin1(),
                                       QByteArray::AbortOnBase64DecodingErrors)
                .decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return u"Secret Key is not valid base64: paste it exactly as Mimecast showed it."_s;
    m_baseUrl = baseUrl.adjusted(QUrl::StripTrailingSlash);
    m_credentials = credentials;
    m_options = options;
    m_token.clear();
    m_tokenExpiry = {};
    return {};
}

QDateTime ApiClient::now() const
{
    return m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
}

ApiCall *ApiClient::post(const QString &path, const QJsonObject &body, CallKind kind)
{
    auto *call = new ApiCall(this, path, body, kind);
    QTimer::singleShot(0, call, [call] { call->send(); });
    return call;
}

QNetworkReply *ApiClient::startRequest(const QString &path, const QByteArray &body,
                                       QString *requestId)
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", userAgent());
    *requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (m_credentials.kind == Credentials::Kind::Api1) {
        const QString date = RequestSigner::httpDate(now());
        const QByteArray sig = RequestSigner::signature(m_credentials.secretKey.toLatin1(), date,
                                                        *requestId, path, m_credentials.appKey);
        request.setRawHeader("x-mc-date", date.toLatin1());
        request.setRawHeader("x-mc-req-id", requestId->toLatin1());
        request.setRawHeader("x-mc-app-id", m_credentials.appId.toUtf8());
        request.setRawHeader("Authorization", "MC " + m_credentials.accessKey.toUtf8() + ':' + sig);
    } else {
        request.setRawHeader("Authorization", "Bearer " + m_token);
    }
    return m_network->post(request, body);
}

bool ApiClient::hasValidToken() const
{
    return !m_token.isEmpty() && now() < m_tokenExpiry;
}

void ApiClient::invalidateToken(const QByteArray &token)
{
    if (token == m_token)
        m_token.clear();
}

void ApiClient::mintToken()
{
    if (m_minting)
        return;
    m_minting = true;
    m_tokenError = {};
    QUrl url = m_baseUrl;
    url.setPath(u"/oauth/token"_s);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    request.setRawHeader("User-Agent", userAgent());
    QUrlQuery form;
    form.addQueryItem(u"client_id"_s,
                      QString::fromLatin1(QUrl::toPercentEncoding(m_credentials.clientId)));
    form.addQueryItem(u"client_secret"_s,
                      QString::fromLatin1(QUrl::toPercentEncoding(m_credentials.clientSecret)));
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = m_network->post(request, form.query(QUrl::FullyEncoded).toLatin1());
    connect(reply, &QNetworkReply::finished, this, [this, reply, timer] {
        reply->deleteLater();
        m_minting = false;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject root = QJsonDocument::fromJson(reply->readAll()).object();
        emit requestLogged({QDateTime::currentDateTimeUtc(),
                            u"POST"_s,
                            u"/oauth/token"_s,
                            status,
                            timer.elapsed(),
                            {},
                            {}});
        const QString token = root.value(u"access_token"_s).toString();
        if (status == 0) {
            m_tokenError = transportError(reply->error(), reply->errorString(), CallKind::Read);
        } else if (status != 200 || token.isEmpty()) {
            const QList<ItemFailure> f = parseFailures(root.value(u"fail"_s).toArray());
            const QString said =
                f.isEmpty() ? QString() : u" Mimecast said: "_s + f.first().message + u'.';
            m_tokenError = {ApiError::Kind::Authentication, status,
                            f.isEmpty() ? u"mcdesk_token_refused"_s : f.first().code,
                            u"Mimecast did not issue an API 2.0 token."_s + said + u' ' +
                                authAdvice(Credentials::Kind::Api2),
                            false};
        } else {
            m_token = token.toLatin1();
            const int ttl = root.value(u"expires_in"_s).toInt(1800);
            m_tokenExpiry = now().addSecs(qMax(30, ttl - 60));
        }
        emit tokenReady();
    });
}

} // namespace mcdesk::api
