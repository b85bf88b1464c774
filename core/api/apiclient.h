#pragma once

#include "core/api/apierror.h"
#include "core/api/credentials.h"
#include "core/api/operation.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace mcdesk::api {

// Reads may be retried on 5xx, timeouts and drops; writes never are (docs/contract.md,
// errors, limits, retries).
enum class CallKind { Read, Write };

struct ApiReply
{
    ApiError error;
    int httpStatus = 0;
    QJsonObject meta;
    QJsonArray data;
    QJsonArray fail;
    QDateTime serverDate; // from the Date header, for the clock-skew display
    qint64 elapsedMs = 0;
    int attempts = 0;
    bool rateLimited = false; // Mimecast answered 429 at least once (the call waited)
    QStringList notes;        // what the analyst should know of a reply that was still used
};

// One line of the network log: never a header value that signs or authenticates.
struct NetworkLogEntry
{
    QDateTime timeUtc;
    QString method;
    QString path;
    int httpStatus = 0;
    qint64 durationMs = 0;
    QString requestId;
    QString error;
};

struct ClientOptions
{
    int timeoutMs = 30000;
    int maxReadRetries = 3;      // 5xx, timeout, dropped connection
    int maxRateLimitRetries = 5; // 429: the function did not run, so any call may retry
    int backoffBaseMs = 500;
    // Bounds whatever a server sends (docs/contract.md, limits): the largest reply body read
    // (checked against Content-Length and while receiving), the wall-clock time one attempt may
    // take however slowly bytes drip in (0: twice timeoutMs), the time a call may take with all
    // its retries and waits, and the longest rate-limit wait before giving up.
    qint64 maxReplyBytes = 64LL * 1024 * 1024;
    int attemptDeadlineMs = 0;
    int callDeadlineMs = 10 * 60 * 1000;
    int maxRateLimitWaitMs = 5 * 60 * 1000;
    bool allowCustomHost = false;
    // Batches of bulk writes in flight at once on this connection (profile), across every job:
    // 1 to 8 (docs/jobs.md). It drops to 1 after a 429 and climbs back by one per calm reply.
    int batchesInFlight = 4;
    std::function<QDateTime()> clock; // for tests; defaults to the system clock
};

namespace replies {
// Retries already spent on one call (see replyhandling.h).
struct RetryState
{
    int readRetries = 0;
    int rateLimitRetries = 0;
    bool reminted = false;
    qint64 elapsedMs = 0; // since the call's first attempt
};
} // namespace replies

class ApiClient;

// One logical call, including its retries. Deletes itself after finished(); the ApiClient
// finishes it (with a clientClosedError) if the client is destroyed first.
class ApiCall : public Operation
{
    Q_OBJECT
public:
    const ApiReply &reply() const { return m_reply; }
    QString path() const { return m_path; }
    CallKind kind() const { return m_kind; }
    // Whether a request is on the wire now (so a write may be running at Mimecast).
    bool isInFlight() const;
    // ClientOptions::attemptDeadlineMs as it applies (0 means twice the inactivity timeout).
    static int attemptDeadlineMs(const ClientOptions &options);

protected:
    void doStart() override;
    void doCancel() override;

private:
    friend class ApiClient;
    ApiCall(ApiClient *client, QString path, QJsonObject body, CallKind kind);
    void send();
    void onReplyFinished(QNetworkReply *reply);
    void scheduleRetry(int delayMs);
    // Reads what has arrived, so the body never grows past the cap inside Qt either.
    void takeBody(QNetworkReply *reply);
    // Stops the attempt on the wire for one of our own limits; onReplyFinished() says which.
    void abortAttempt(int reason);
    void done(NetworkLogEntry &log, ApiError error);
    void finishCall();
    // The client is being destroyed: drop the request on the wire and finish now.
    void closeByClient();

    ApiClient *m_client;
    QString m_path;
    QJsonObject m_request;
    CallKind m_kind;
    ApiReply m_reply;
    QPointer<QNetworkReply> m_network;
    QElapsedTimer m_timer;     // this attempt
    QElapsedTimer m_callTimer; // since the first attempt
    QTimer *m_deadline = nullptr;
    QByteArray m_body;
    int m_abortReason = 0; // replies::ReplyFacts::Abort of the attempt on the wire
    replies::RetryState m_retries;
};

class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);
    // Finishes every call still unanswered with replies::clientClosedError(): each emits
    // finished() once, a request on the wire is aborted, and nothing more is sent.
    ~ApiClient() override;

    // Checks the base-URL policy and the credentials; returns the problem or an empty string.
    QString configure(const QUrl &baseUrl, const Credentials &credentials,
                      const ClientOptions &options = {});
    QUrl baseUrl() const { return m_baseUrl; }
    const ClientOptions &options() const { return m_options; }
    Credentials::Kind authKind() const { return m_credentials.kind; }

    // POSTs {"meta":…,"data":…} to path. The returned call is started and emits finished()
    // once.
    ApiCall *post(const QString &path, const QJsonObject &body, CallKind kind);

    // Calls without our Authorization header (region discovery), to an absolute URL.
    QNetworkAccessManager *network() const { return m_network; }
    QDateTime now() const;
    // Until when every request waits because Mimecast answered 429 (X-RateLimit-Reset); in the
    // past when none does.
    QDateTime rateLimitedUntil() const { return m_rateLimitedUntil; }

    // The write window shared by every BatchWrite of this client: take a slot before sending a
    // batch, give it back with its reply (rate limited or not). writeSlotFreed() is queued.
    bool takeWriteSlot();
    void releaseWriteSlot(bool rateLimited);
    int writeWindow() const { return m_writeWindow; }
    int writesInFlight() const { return m_writesInFlight; }

signals:
    void requestLogged(const mcdesk::api::NetworkLogEntry &entry);
    void tokenReady();
    // Mimecast answered 429: every request of this profile now waits until untilUtc.
    void rateLimited(const QDateTime &untilUtc);
    void writeSlotFreed();

private:
    friend class ApiCall;
    bool hasValidToken() const;
    void mintToken();
    void invalidateToken(const QByteArray &token);
    void holdRequestsFor(int ms);
    QNetworkReply *startRequest(const QString &path, const QByteArray &body, CallKind kind,
                                QString *requestId);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    Credentials m_credentials;
    ClientOptions m_options;
    QByteArray m_token;
    QDateTime m_tokenExpiry;
    bool m_minting = false;
    bool m_closing = false;     // in the destructor: nothing more is sent
    QDeadlineTimer m_holdUntil; // expired unless Mimecast asked us to wait
    QDateTime m_rateLimitedUntil;
    ApiError m_tokenError;
    int m_writeWindow = 4; // batches allowed in flight now
    int m_writesInFlight = 0;
};

} // namespace mcdesk::api
