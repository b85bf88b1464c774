#pragma once

#include "core/api/apiclient.h"

#include <QByteArray>
#include <QNetworkReply>

#include <functional>

// The client's reply policy as pure functions (docs/contract.md, errors, limits, retries), so
// each rule is tested without a server: ApiCall::onReplyFinished() only gathers the facts of
// a reply, asks classify() what to do and, for a reply that arrived, maps its envelope.
namespace mcdesk::api::replies {

// What one attempt's reply looked like on the wire.
struct ReplyFacts
{
    // Why we stopped the attempt ourselves, if we did.
    enum class Abort { None, TooLarge, Deadline };
    Abort abort = Abort::None;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    int httpStatus = 0;         // 0 when no HTTP answer arrived
    bool truncated = false;     // shorter than its Content-Length: the connection dropped
    QByteArray rateLimitReset;  // X-RateLimit-Reset (ms)
    QByteArray location;        // Location of a redirect
    QByteArray contentEncoding; // Content-Encoding, when the body came compressed
    QDateTime receivedUtc;      // when the reply ended, for "try again after"
};

struct Decision
{
    enum class Action {
        Parse,            // an answer to read: parseEnvelope() and replyError() say the rest
        RetryRead,        // a read after a 5xx, timeout or drop, after delayMs
        RetryRateLimited, // any call after a 429 (it did not run), after delayMs
        Remint,           // an API 2.0 token was refused: mint a new one and send again
        Fail,             // stop with `error`
    };
    Action action = Action::Parse;
    int delayMs = 0;
    ApiError error;
};

// A number in [0, bound): the jitter added to waits. Tests pass a fixed one.
using Jitter = std::function<int(int bound)>;
int randomJitter(int bound);

Decision classify(const ReplyFacts &facts, CallKind kind, Credentials::Kind auth,
                  const RetryState &retries, const ClientOptions &options,
                  const Jitter &jitter = randomJitter);

// A reply that never arrived complete, in the analyst's terms. Connection refused or host not
// found means nothing reached the server, so even a write is known not to have run.
ApiError transportError(QNetworkReply::NetworkError error, const QString &text, CallKind kind);

// The {"meta","data","fail"} envelope. `valid` is false for anything but a JSON object whose
// meta is an object and whose data and fail are lists (each may be absent); parseError then
// says what was wrong, naming the field. Invalid UTF-8 does not reject the reply: the bad bytes
// become U+FFFD and `note` says so.
struct Envelope
{
    bool valid = false;
    QString parseError;
    QString note;
    QJsonObject meta;
    QJsonArray data;
    QJsonArray fail;
};
Envelope parseEnvelope(const QByteArray &body);

// The error of an answer classify() passed on (2xx or 4xx), or no error: 4xx texts, a body
// that is not the envelope, and a 2xx whose fail[] says the function did not run.
ApiError replyError(int httpStatus, const Envelope &envelope, CallKind kind, Credentials::Kind auth,
                    const QString &path);
// What to tell the analyst about HTTP `status` (4xx) for `path`; `mimecastText` is the first
// fail[] message, if any.
QString httpErrorText(int status, const QString &path, const QString &mimecastText,
                      Credentials::Kind auth);
QString authAdvice(Credentials::Kind kind);

// A reply whose shape is wrong (`problem` names the field); a write's outcome is then unknown.
ApiError malformedError(const QString &problem, CallKind kind);

// The client was destroyed with the call unfinished. `inFlight`: a write was on the wire and
// may have run.
ApiError clientClosedError(bool writeInFlight);

} // namespace mcdesk::api::replies
