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

    if (status == 0 || facts.truncated) {
        const ApiError e = facts.truncated
                               ? transportError(QNetworkReply::RemoteHostClosedError,
                                                u"the reply was cut off"_s, kind)
                               : transportError(facts.networkError, facts.networkErrorText, kind);
        const bool retryable =
            e.kind == ApiError::Kind::Timeout || e.kind == ApiError::Kind::Connection;
        if (retryable && readRetryLeft)
            return {Action::RetryRead, backoff(), {}};
        return {Action::Fail, 0, e};
    }

    if (status == 429) {
        // The function did not run, so even a write may be sent again.
        if (retries.rateLimitRetries < options.maxRateLimitRetries) {
            bool ok = false;
            int wait = QString::fromLatin1(facts.rateLimitReset).toInt(&ok);
            if (!ok || wait < 0)
                wait = qMin(30000, 5000 * (retries.rateLimitRetries + 1));
            return {Action::RetryRateLimited, wait + jitter(50), {}};
        }
        return {Action::Fail,
                0,
                {ApiError::Kind::RateLimited, status, u"mcdesk_rate_limited"_s,
                 u"Mimecast's rate limit is exhausted; wait a few minutes and try again."_s,
                 false}};
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
        if (readRetryLeft)
            return {Action::RetryRead, backoff(), {}};
        return {Action::Fail,
                0,
                {ApiError::Kind::Server, status, u"mcdesk_http_"_s + QString::number(status),
                 u"Mimecast had a server error (HTTP "_s + QString::number(status) +
                     u"). Try again later."_s,
                 kind == CallKind::Write}};
    }
    return {Action::Parse, 0, {}};
}

Envelope parseEnvelope(const QByteArray &body)
{
    Envelope envelope;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    envelope.valid = parseError.error == QJsonParseError::NoError && doc.isObject();
    envelope.parseError = parseError.errorString();
    if (envelope.valid) {
        const QJsonObject root = doc.object();
        envelope.meta = root.value(u"meta"_s).toObject();
        envelope.data = root.value(u"data"_s).toArray();
        envelope.fail = root.value(u"fail"_s).toArray();
    }
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
        return {ApiError::Kind::Malformed, httpStatus, u"mcdesk_malformed_reply"_s,
                u"Mimecast's reply was not valid JSON ("_s + envelope.parseError + u")."_s,
                kind == CallKind::Write};
    }
    if (!failures.isEmpty() && envelope.data.isEmpty()) {
        return {ApiError::Kind::Refused, httpStatus, mimecastCode,
                u"Mimecast refused the request: "_s + mimecastText, false};
    }
    return {};
}

ApiError clientClosedError(bool writeInFlight)
{
    return {ApiError::Kind::Local, 0, kClientClosedCode,
            u"The connection was closed before Mimecast answered; nothing more will be sent."_s,
            writeInFlight};
}

} // namespace mcdesk::api::replies
