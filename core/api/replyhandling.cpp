#include "core/api/replyhandling.h"

#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace mcdesk::api::replies {

int randomJitter(int bound)
{
    return bound > 0 ? int(QRandomGenerator::global()->bounded(bound)) : 0;
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
        return e;
    default:
        e.kind = ApiError::Kind::Connection;
        e.code = u"mcdesk_connection"_s;
        e.message = u"The connection to Mimecast failed (" + text + u")."_s;
        e.outcomeUnknown = kind == CallKind::Write;
        return e;
    }
}

namespace {

// Errors Qt reports for the transfer itself, even after an HTTP status arrived: the body is
// incomplete or unusable whatever the status says. (Qt's codes for 4xx/5xx statuses are left
// to the status.)
bool transferFailed(QNetworkReply::NetworkError error, int status)
{
    if (error == QNetworkReply::NoError)
        return false;
    return (error <= QNetworkReply::UnknownNetworkError) ||
           error == QNetworkReply::ContentReSendError || error == QNetworkReply::ProtocolFailure ||
           (status >= 200 && status < 300); // a 2xx has no error of its own
}

ApiError rateLimitedError(int status, const QString &when)
{
    return {ApiError::Kind::RateLimited, status, u"mcdesk_rate_limited"_s,
            when.isEmpty()
                ? u"Mimecast's rate limit is exhausted; wait a few minutes and try again."_s
                : u"Mimecast's rate limit is exhausted until "_s + when + u"; try again then."_s,
            false};
}

QString clockTime(const QDateTime &utc)
{
    return utc.isValid() ? utc.toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s) : QString();
}

} // namespace

Decision classify(const ReplyFacts &facts, CallKind kind, Credentials::Kind auth,
                  const RetryState &retries, const ClientOptions &options, const Jitter &jitter)
{
    using Action = Decision::Action;
    const int status = facts.httpStatus;
    const int base = options.backoffBaseMs;
    const bool readRetryLeft =
        kind == CallKind::Read && retries.readRetries < options.maxReadRetries;
    auto backoff = [&] {
        return base * (1 << retries.readRetries) + jitter(base / 2 + 1);
    };
    // A retry that would end past the call's deadline is not made: the call fails as it stands.
    auto retryOrFail = [&](Action action, int delayMs, const ApiError &otherwise) -> Decision {
        if (retries.elapsedMs + delayMs > options.callDeadlineMs)
            return {Action::Fail, 0, otherwise};
        return {action, delayMs, {}};
    };

    if (facts.abort == ReplyFacts::Abort::TooLarge) {
        return {Action::Fail,
                0,
                {ApiError::Kind::Malformed, status, u"mcdesk_reply_too_large"_s,
                 u"Mimecast's reply was larger than %1 MB, so it was not read. Narrow the "
                 u"request (a shorter time range or a lower limit)."_s.arg(options.maxReplyBytes /
                                                                           (1024 * 1024)),
                 kind == CallKind::Write}};
    }
    if (facts.abort == ReplyFacts::Abort::Deadline) {
        const int seconds = ApiCall::attemptDeadlineMs(options) / 1000;
        const ApiError e{ApiError::Kind::Timeout, status, u"mcdesk_timeout"_s,
                         u"Mimecast did not finish answering within %1 s."_s.arg(seconds),
                         kind == CallKind::Write};
        if (readRetryLeft)
            return retryOrFail(Action::RetryRead, backoff(), e);
        return {Action::Fail, 0, e};
    }

    if (status == 0 || facts.truncated || transferFailed(facts.networkError, status)) {
        ApiError e;
        if (!facts.contentEncoding.isEmpty() && status >= 200 && status < 300 &&
            facts.networkError != QNetworkReply::NoError &&
            facts.networkError > QNetworkReply::UnknownNetworkError) {
            // Qt could not (or would not: a ratio that only a bomb has) decompress the body.
            return {Action::Fail,
                    0,
                    {ApiError::Kind::Malformed, status, u"mcdesk_decompression_failed"_s,
                     u"Mimecast's reply, compressed as "_s +
                         QString::fromLatin1(facts.contentEncoding) +
                         u", could not be decompressed within safe limits; nothing of it "
                         u"was used."_s,
                     kind == CallKind::Write}};
        }
        if (facts.networkError == QNetworkReply::ContentReSendError) {
            // Qt wanted to send the request again on a new connection; we never let it.
            e = {ApiError::Kind::Connection, status, u"mcdesk_connection"_s,
                 u"The connection dropped after the request was sent; it was not sent again."_s,
                 kind == CallKind::Write};
        } else if (status == 0 || facts.networkError == QNetworkReply::NoError) {
            e = facts.truncated ? transportError(QNetworkReply::RemoteHostClosedError,
                                                 u"the reply was cut off"_s, kind)
                                : transportError(facts.networkError, facts.networkErrorText, kind);
        } else {
            // The status arrived, the body did not (a drop, a decompression failure).
            e = transportError(facts.networkError,
                               u"the reply could not be read: "_s + facts.networkErrorText, kind);
        }
        e.httpStatus = status;
        const bool retryable =
            e.kind == ApiError::Kind::Timeout || e.kind == ApiError::Kind::Connection;
        if (retryable && readRetryLeft)
            return retryOrFail(Action::RetryRead, backoff(), e);
        return {Action::Fail, 0, e};
    }

    if (status == 429) {
        // The function did not run, so even a write may be sent again. The header is read in
        // 64 bits: a server may send any number.
        bool ok = false;
        qint64 wait = facts.rateLimitReset.trimmed().toLongLong(&ok);
        if (!ok || wait < 0)
            wait = qMin(30000, 5000 * (retries.rateLimitRetries + 1));
        const QString until =
            facts.receivedUtc.isValid() ? clockTime(facts.receivedUtc.addMSecs(wait)) : QString();
        if (wait > options.maxRateLimitWaitMs ||
            retries.rateLimitRetries >= options.maxRateLimitRetries)
            return {Action::Fail, 0, rateLimitedError(status, until)};
        return retryOrFail(Action::RetryRateLimited, int(wait) + jitter(50),
                           rateLimitedError(status, until));
    }

    // A token may expire early or be revoked: mint once more and retry once.
    if (status == 401 && auth == Credentials::Kind::Api2 && !retries.reminted)
        return {Action::Remint, 0, {}};

    if (status >= 300 && status < 400) {
        return {Action::Fail,
                0,
                {ApiError::Kind::Http, status, u"mcdesk_redirect"_s,
                 u"Mimecast redirected the request to "_s + QString::fromLatin1(facts.location) +
                     u"; redirects are not followed so credentials never reach another host. "
                     u"Use your region's API host as the base URL."_s,
                 false}};
    }

    if (status >= 500) {
        const ApiError e{ApiError::Kind::Server, status,
                         u"mcdesk_http_"_s + QString::number(status),
                         u"Mimecast had a server error (HTTP "_s + QString::number(status) +
                             u"). Try again later."_s,
                         kind == CallKind::Write};
        if (readRetryLeft)
            return retryOrFail(Action::RetryRead, backoff(), e);
        return {Action::Fail, 0, e};
    }
    return {Action::Parse, 0, {}};
}

Envelope parseEnvelope(const QByteArray &body)
{
    Envelope envelope;
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::IllegalUTF8String) {
        // One bad byte should not cost the whole page: decode leniently and say so.
        doc = QJsonDocument::fromJson(QString::fromUtf8(body).toUtf8(), &parseError);
        if (parseError.error == QJsonParseError::NoError)
            envelope.note = u"The reply held bytes that are not valid UTF-8; they are shown as "
                            u"\uFFFD."_s;
    }
    if (parseError.error != QJsonParseError::NoError) {
        envelope.parseError = body.isEmpty() ? u"the body was empty"_s : parseError.errorString();
        return envelope;
    }
    if (!doc.isObject()) {
        envelope.parseError = u"the body is a JSON list, not the {meta, data, fail} object"_s;
        return envelope;
    }
    const QJsonObject root = doc.object();
    const auto wrongType = [&](const QString &field, bool present, bool right, const char *is) {
        if (!present || right)
            return false;
        envelope.parseError = u"`%1` is not %2"_s.arg(field, QLatin1String(is));
        return true;
    };
    const QJsonValue meta = root.value(u"meta"_s);
    const QJsonValue data = root.value(u"data"_s);
    const QJsonValue fail = root.value(u"fail"_s);
    if (wrongType(u"meta"_s, !meta.isUndefined(), meta.isObject(), "an object") ||
        wrongType(u"data"_s, !data.isUndefined(), data.isArray(), "a list") ||
        wrongType(u"fail"_s, !fail.isUndefined(), fail.isArray(), "a list"))
        return envelope;
    envelope.valid = true;
    envelope.meta = meta.toObject();
    envelope.data = data.toArray();
    envelope.fail = fail.toArray();
    return envelope;
}

QString httpErrorText(int status, const QString &path, const QString &mimecastText,
                      Credentials::Kind auth)
{
    const QString said =
        mimecastText.isEmpty() ? QString() : u" Mimecast said: "_s + mimecastText + u'.';
    switch (status) {
    case 401:
        return u"Mimecast refused the credentials."_s + said + u' ' + authAdvice(auth);
    case 403:
        return u"The API application or its user lacks permission for "_s + path + u'.' + said +
               u" Grant the role in the Mimecast console."_s;
    case 418:
        return u"The access key binding has expired. Create a new Access Key and Secret Key "
               u"for the service user in the Mimecast console and update this connection; "
               u"set the user's authentication profile cache TTL to Never Expires to stop "
               u"it recurring."_s;
    default:
        return u"Mimecast answered HTTP "_s + QString::number(status) + u" for "_s + path + u'.' +
               said;
    }
}

ApiError replyError(int httpStatus, const Envelope &envelope, CallKind kind, Credentials::Kind auth,
                    const QString &path)
{
    const QList<ItemFailure> failures = parseFailures(envelope.fail);
    const QString mimecastText = failures.isEmpty() ? QString() : failures.first().message;
    const QString mimecastCode = failures.isEmpty() ? QString() : failures.first().code;

    if (httpStatus >= 400) {
        ApiError e{ApiError::Kind::Http, httpStatus, mimecastCode,
                   httpErrorText(httpStatus, path, mimecastText, auth), false};
        if (e.code.isEmpty())
            e.code = u"mcdesk_http_"_s + QString::number(httpStatus);
        if (httpStatus == 401)
            e.kind = ApiError::Kind::Authentication;
        else if (httpStatus == 403)
            e.kind = ApiError::Kind::Forbidden;
        else if (httpStatus == 418)
            e.kind = ApiError::Kind::BindingExpired;
        return e;
    }
    if (!envelope.valid) {
        ApiError e = malformedError(envelope.parseError, kind);
        e.httpStatus = httpStatus;
        return e;
    }
    if (!failures.isEmpty() && envelope.data.isEmpty()) {
        return {ApiError::Kind::Refused, httpStatus, mimecastCode,
                u"Mimecast refused the request: "_s + mimecastText, false};
    }
    return {};
}

ApiError malformedError(const QString &problem, CallKind kind)
{
    return {ApiError::Kind::Malformed, 0, u"mcdesk_malformed_reply"_s,
            u"Mimecast's reply was not the JSON it should be ("_s + problem + u")."_s,
            kind == CallKind::Write};
}

ApiError clientClosedError(bool writeInFlight)
{
    return {ApiError::Kind::Local, 0, kClientClosedCode,
            u"The connection was closed before Mimecast answered; nothing more will be sent."_s,
            writeInFlight};
}

} // namespace mcdesk::api::replies
