#include "core/api/apiclient.h"

#include "core/api/baseurlpolicy.h"
#include "core/api/replyhandling.h"
#include "core/api/requestsigner.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <climits>
#include <cstring>
#include <utility>

using namespace Qt::StringLiterals;

// Debug lines (one per reply) only when asked for: QT_LOGGING_RULES="mcdesk.api.debug=true".
Q_LOGGING_CATEGORY(lcApi, "mcdesk.api", QtInfoMsg)

namespace mcdesk::api {

namespace {

constexpr qint64 kReadBufferBytes = 1024 * 1024;

QByteArray userAgent()
{
    return "mcdesk/" MCDESK_VERSION;
}

// The body of a write, readable once. Qt 6.4 sends a request again on a new connection when
// the old one closes before the reply, whatever the method; before it does, it asks the upload
// device to reset. This one refuses, so Qt fails the reply (ContentReSendError) instead of
// sending the write a second time.
class SendOnceBody : public QIODevice
{
public:
    SendOnceBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_position + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        if (m_position >= m_data.size())
            return -1; // a sequential device says "the end" with -1
        const qint64 n = qMin(max, m_data.size() - m_position);
        std::memcpy(out, m_data.constData() + m_position, size_t(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

replies::ReplyFacts factsOf(const QNetworkReply &reply, qint64 bodySize)
{
    replies::ReplyFacts facts;
    facts.networkError = reply.error();
    facts.networkErrorText = reply.errorString();
    facts.httpStatus = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Qt reports a connection closed mid-body as a normal end; a short body is a drop.
    const QVariant promised = reply.header(QNetworkRequest::ContentLengthHeader);
    facts.truncated =
        facts.httpStatus != 0 && promised.isValid() && bodySize < promised.toLongLong();
    facts.rateLimitReset = reply.rawHeader("X-RateLimit-Reset");
    facts.location = reply.rawHeader("Location");
    facts.contentEncoding = reply.rawHeader("Content-Encoding");
    return facts;
}

} // namespace

// ---------------------------------------------------------------------------------------------
ApiCall::ApiCall(ApiClient *client, QString path, QJsonObject body, CallKind kind)
    : Operation(Ownership::DeletesItself, client)
    , m_client(client)
    , m_path(std::move(path))
    , m_request(std::move(body))
    , m_kind(kind)
{}

bool ApiCall::isInFlight() const
{
    return !m_network.isNull();
}

void ApiCall::doStart()
{
    QTimer::singleShot(0, this, [this] { send(); });
}

void ApiCall::doCancel()
{
    // QNetworkReply::abort() emits finished() at once; deferring it keeps finished() out of
    // cancel(), as the Operation contract says.
    QTimer::singleShot(0, this, [this] {
        if (m_network)
            m_network->abort(); // onReplyFinished() reports the cancellation
        else
            finishCall();
    });
}

void ApiCall::send()
{
    if (isCancelled() || isFinished() || m_client->m_closing)
        return;
    if (m_client->authKind() == Credentials::Kind::Api2 && !m_client->hasValidToken()) {
        connect(
            m_client, &ApiClient::tokenReady, this,
            [this] {
                if (m_client->m_tokenError.isError()) {
                    m_reply.error = m_client->m_tokenError;
                    finishCall();
                } else {
                    send();
                }
            },
            Qt::SingleShotConnection);
        m_client->mintToken();
        return;
    }
    // Mimecast said to wait: every request of this profile waits, not only the one told.
    if (const qint64 wait = m_client->m_holdUntil.remainingTime(); wait > 0) {
        QTimer::singleShot(int(wait), this, [this] { send(); });
        return;
    }
    if (m_reply.attempts++ == 0)
        m_callTimer.start();
    m_timer.start();
    m_body.clear();
    m_abortReason = int(replies::ReplyFacts::Abort::None);
    QString requestId;
    m_network = m_client->startRequest(
        m_path, QJsonDocument(m_request).toJson(QJsonDocument::Compact), m_kind, &requestId);
    QNetworkReply *reply = m_network;
    // Qt's network thread stops reading the socket while this much waits unread, so a body
    // that streams in faster than we take it never piles up in memory. Qt 6.4 passes the size
    // to that thread only once the request has reached it, which is after the next turn of
    // the event loop; set at the headers only, a fast server gets tens of MB in first.
    QTimer::singleShot(0, reply, [reply] { reply->setReadBufferSize(kReadBufferBytes); });
    const qint64 cap = m_client->options().maxReplyBytes;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply, cap] {
        reply->setReadBufferSize(kReadBufferBytes); // in case the request went out at once
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > cap)
            abortAttempt(int(replies::ReplyFacts::Abort::TooLarge));
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { takeBody(reply); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, requestId] {
        reply->deleteLater();
        reply->setProperty("mcdeskRequestId", requestId);
        onReplyFinished(reply);
    });
    // The transfer timeout only notices silence; this bounds an attempt that drips.
    if (!m_deadline) {
        m_deadline = new QTimer(this);
        m_deadline->setSingleShot(true);
        connect(m_deadline, &QTimer::timeout, this,
                [this] { abortAttempt(int(replies::ReplyFacts::Abort::Deadline)); });
    }
    m_deadline->start(attemptDeadlineMs(m_client->options()));
}

int ApiCall::attemptDeadlineMs(const ClientOptions &options)
{
    return options.attemptDeadlineMs > 0 ? options.attemptDeadlineMs
                                         : int(qMin<qint64>(2LL * options.timeoutMs, INT_MAX));
}

void ApiCall::takeBody(QNetworkReply *reply)
{
    if (!reply->isOpen() || m_abortReason != int(replies::ReplyFacts::Abort::None))
        return;
    m_body += reply->readAll();
    if (m_body.size() > m_client->options().maxReplyBytes)
        abortAttempt(int(replies::ReplyFacts::Abort::TooLarge));
}

void ApiCall::abortAttempt(int reason)
{
    if (!m_network || m_abortReason != int(replies::ReplyFacts::Abort::None))
        return;
    qCWarning(lcApi) << "stopping" << m_path
                     << (reason == int(replies::ReplyFacts::Abort::TooLarge) ? "reply too large"
                                                                             : "attempt deadline");
    m_abortReason = reason;
    m_body.clear(); // nothing of it is used
    m_network->abort();
}

void ApiCall::scheduleRetry(int delayMs)
{
    qCInfo(lcApi) << "retrying" << m_path << "in" << delayMs << "ms";
    QTimer::singleShot(delayMs, this, [this] { send(); });
}

void ApiCall::done(NetworkLogEntry &log, ApiError error)
{
    m_reply.error = std::move(error);
    log.error = m_reply.error.describe();
    emit m_client->requestLogged(log);
    finishCall();
}

void ApiCall::onReplyFinished(QNetworkReply *reply)
{
    using Action = replies::Decision::Action;
    m_network.clear();
    if (m_deadline)
        m_deadline->stop();
    // An aborted reply has no open device to read from.
    if (!isCancelled())
        takeBody(reply);
    const QByteArray body = std::exchange(m_body, {});
    replies::ReplyFacts facts = factsOf(*reply, body.size());
    facts.abort = replies::ReplyFacts::Abort(m_abortReason);
    qCDebug(lcApi) << "reply" << m_path << "HTTP" << facts.httpStatus << body.size() << "bytes"
                   << facts.networkError << facts.networkErrorText;
    facts.receivedUtc = m_client->now();
    m_retries.elapsedMs = m_callTimer.elapsed();
    m_reply.httpStatus = facts.httpStatus;
    m_reply.elapsedMs = m_timer.elapsed();
    if (reply->hasRawHeader("Date"))
        m_reply.serverDate =
            RequestSigner::parseHttpDate(QString::fromLatin1(reply->rawHeader("Date")));
    NetworkLogEntry log{QDateTime::currentDateTimeUtc(),
                        u"POST"_s,
                        m_path,
                        facts.httpStatus,
                        m_reply.elapsedMs,
                        reply->property("mcdeskRequestId").toString(),
                        {}};

    if (isCancelled())
        return done(log, cancelledError(u"Cancelled."_s,
                                        m_kind == CallKind::Write && m_reply.attempts > 0));

    const replies::Decision decision =
        replies::classify(facts, m_kind, m_client->authKind(), m_retries, m_client->options());
    switch (decision.action) {
    case Action::RetryRead:
    case Action::RetryRateLimited:
        if (decision.action == Action::RetryRateLimited) {
            m_reply.rateLimited = true;
            m_client->holdRequestsFor(decision.delayMs);
        }
        ++(decision.action == Action::RetryRead ? m_retries.readRetries
                                                : m_retries.rateLimitRetries);
        log.error = u"retrying"_s;
        emit m_client->requestLogged(log);
        return scheduleRetry(decision.delayMs);
    case Action::Remint:
        m_retries.reminted = true;
        m_client->invalidateToken(reply->request().rawHeader("Authorization").mid(7));
        log.error = u"token refused; minting a new one"_s;
        emit m_client->requestLogged(log);
        return send();
    case Action::Fail:
        m_reply.rateLimited =
            m_reply.rateLimited || decision.error.kind == ApiError::Kind::RateLimited;
        return done(log, decision.error);
    case Action::Parse:
        break;
    }
    const replies::Envelope envelope = replies::parseEnvelope(body);
    if (!envelope.note.isEmpty())
        m_reply.notes.append(envelope.note);
    m_reply.meta = envelope.meta;
    m_reply.data = envelope.data;
    m_reply.fail = envelope.fail;
    done(log,
         replies::replyError(facts.httpStatus, envelope, m_kind, m_client->authKind(), m_path));
}

void ApiCall::finishCall()
{
    if (isFinished())
        return;
    if (isCancelled() && !m_reply.error.isError())
        m_reply.error = cancelledError(u"Cancelled."_s);
    m_error = m_reply.error;
    finish();
}

void ApiCall::closeByClient()
{
    const bool writeInFlight = m_kind == CallKind::Write && m_network;
    if (QNetworkReply *reply = m_network) {
        m_network.clear();
        reply->disconnect(this); // abort() emits finished(); this call answers for itself
        reply->abort();
    }
    qCInfo(lcApi) << "client closed with" << m_path << "unanswered";
    m_reply.error = replies::clientClosedError(writeInFlight);
    finishCall();
}

// ---------------------------------------------------------------------------------------------
ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // Redirects are refused (see ApiCall); TLS errors abort because nothing ignores them.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient()
{
    m_closing = true;
    // An owner may answer a finished() by posting again (the next page or batch, the next
    // step); such a call is closed here too, before anything is sent.
    for (;;) {
        const QList<ApiCall *> calls = findChildren<ApiCall *>(Qt::FindDirectChildrenOnly);
        const auto live =
            std::find_if(calls.cbegin(), calls.cend(), [](ApiCall *c) { return !c->isFinished(); });
        if (live == calls.cend())
            break;
        (*live)->closeByClient();
    }
}

void ApiClient::holdRequestsFor(int ms)
{
    if (m_holdUntil.remainingTime() >= ms)
        return;
    m_holdUntil = QDeadlineTimer(ms);
    m_rateLimitedUntil = QDateTime::currentDateTimeUtc().addMSecs(ms);
    qCInfo(lcApi) << "rate limited: every request waits until" << m_rateLimitedUntil;
    emit rateLimited(m_rateLimitedUntil);
}

bool ApiClient::takeWriteSlot()
{
    if (m_writesInFlight >= m_writeWindow)
        return false;
    ++m_writesInFlight;
    return true;
}

void ApiClient::releaseWriteSlot(bool rateLimited)
{
    m_writesInFlight = std::max(0, m_writesInFlight - 1);
    // Mimecast asked us to slow down: one batch at a time, then one more after each calm reply.
    m_writeWindow = rateLimited ? 1 : std::min(m_options.batchesInFlight, m_writeWindow + 1);
    QMetaObject::invokeMethod(this, &ApiClient::writeSlotFreed, Qt::QueuedConnection);
}

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
    if (options.batchesInFlight < 1 || options.batchesInFlight > 8)
        return u"Batches in flight must be from 1 to 8, not %1"_s.arg(options.batchesInFlight);
    m_options = options;
    m_writeWindow = options.batchesInFlight;
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
    call->start();
    return call;
}

QNetworkReply *ApiClient::startRequest(const QString &path, const QByteArray &body, CallKind kind,
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
    if (kind == CallKind::Read)
        return m_network->post(request, body);
    // A write goes out once (SendOnceBody); HTTP/1.1 only, where Qt asks before resending.
    request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    auto *device = new SendOnceBody(body, nullptr);
    QNetworkReply *reply = m_network->post(request, device);
    device->setParent(reply); // it must live as long as the reply
    return reply;
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
    // The same bounds as any call: a token reply is small, and never takes long.
    const qint64 cap = m_options.maxReplyBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, cap](qint64 received) {
        if (received > cap)
            reply->abort();
    });
    QTimer::singleShot(ApiCall::attemptDeadlineMs(m_options), reply, [reply] {
        if (reply->isRunning())
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, timer] {
        reply->deleteLater();
        m_minting = false;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject root =
            reply->isOpen() ? QJsonDocument::fromJson(reply->readAll()).object() : QJsonObject();
        emit requestLogged({QDateTime::currentDateTimeUtc(),
                            u"POST"_s,
                            u"/oauth/token"_s,
                            status,
                            timer.elapsed(),
                            {},
                            {}});
        const QString token = root.value(u"access_token"_s).toString();
        if (status == 0) {
            m_tokenError =
                replies::transportError(reply->error(), reply->errorString(), CallKind::Read);
        } else if (status != 200 || token.isEmpty()) {
            const QList<ItemFailure> f = parseFailures(root.value(u"fail"_s).toArray());
            const QString said =
                f.isEmpty() ? QString() : u" Mimecast said: "_s + f.first().message + u'.';
            m_tokenError = {ApiError::Kind::Authentication, status,
                            f.isEmpty() ? u"mcdesk_token_refused"_s : f.first().code,
                            u"Mimecast did not issue an API 2.0 token."_s + said + u' ' +
                                replies::authAdvice(Credentials::Kind::Api2),
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
