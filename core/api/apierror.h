#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mcdesk::api {

// The code of a call or an item that was stopped on the analyst's request before it was sent.
inline const QString kCancelledCode = QStringLiteral("mcdesk_cancelled");
// The code of a call the ApiClient finished because it was destroyed with the call unanswered.
inline const QString kClientClosedCode = QStringLiteral("mcdesk_client_closed");

// What went wrong with a call, in terms an analyst can act on. `code` keeps Mimecast's raw
// fail[].errors[].code (or our own "mcdesk_*" code) visible, as
// docs/contract.md (errors, limits, retries) asks.
struct ApiError
{
    enum class Kind {
        None,
        InvalidInput,   // refused locally; nothing was sent
        Connection,     // could not connect, or the connection dropped
        Tls,            // certificate or handshake problem; never ignored
        Timeout,        // no complete answer in time
        Authentication, // 401: wrong keys, signature, clock or token
        BindingExpired, // 418: the API 1.0 access key binding expired
        Forbidden,      // 403 / app_forbidden
        RateLimited,    // 429 after our retries ran out
        Server,         // 5xx
        Http,           // any other non-2xx
        Malformed,      // the body was not the JSON envelope we expect
        Refused,        // 2xx but fail[] says the function did not run
        Cancelled,
        Local, // our side failed or stopped: the audit log, or the client closed mid-call
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;
    QString message;
    // A write may or may not have been carried out (timeout, 5xx, dropped reply). The
    // analyst must refresh and decide; we never repeat it automatically.
    bool outcomeUnknown = false;

    bool isError() const { return kind != Kind::None; }
    // Our side refused or failed (the journal, a claim, the audit log): nothing was sent.
    static ApiError local(const QString &code, const QString &message)
    {
        return {Kind::Local, 0, code, message, false};
    }
    QString kindName() const;
    // The inverse of kindName(); anything else reads as None.
    static Kind kindFromName(const QString &name);
    // "what failed (code): what to do"
    QString describe() const;
};

// One entry of Mimecast's fail[] array.
struct ItemFailure
{
    QJsonObject key;
    QString code;
    QString message;
    QString field;
    bool retryable = false;
};

QList<ItemFailure> parseFailures(const QJsonArray &fail);

} // namespace mcdesk::api
