#pragma once

#include "core/api/apierror.h"
#include "core/api/credentials.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

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
    bool allowCustomHost = false;
    std::function<QDateTime()> clock; // for tests; defaults to the system clock
};

class ApiClient;

// One logical call, including its retries. Deletes itself after finished() unless kept.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    const ApiReply &reply() const { return m_reply; }
    QString path() const { return m_path; }
    CallKind kind() const { return m_kind; }
    void cancel();

signals:
    void finished();

private:
    friend class ApiClient;
    ApiCall(ApiClient *client, QString path, QJsonObject body, CallKind kind);
    void send();
    void onReplyFinished(QNetworkReply *reply);
    void scheduleRetry(int delayMs);
    void finish();

    ApiClient *m_client;
    QString m_path;
    QJsonObject m_body;
    CallKind m_kind;
    ApiReply m_reply;
    QPointer<QNetworkReply> m_network;
    QElapsedTimer m_timer;
    int m_readRetries = 0;
    int m_rateLimitRetries = 0;
    bool m_reminted = false;
    bool m_cancelled = false;
    bool m_done = false;
};

class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    // Checks the base-URL policy and the credentials; returns the problem or an empty string.
    QString configure(const QUrl &baseUrl, const Credentials &credentials,
                      const ClientOptions &options = {});
    QUrl baseUrl() const { return m_baseUrl; }
    const ClientOptions &options() const { return m_options; }
    Credentials::Kind authKind() const { return m_credentials.kind; }

    // POSTs {"meta":…,"data":…} to path. The returned call emits finished() once.
    ApiCall *post(const QString &path, const QJsonObject &body, CallKind kind);

    // Calls without our Authorization header (region discovery), to an absolute URL.
    QNetworkAccessManager *network() const { return m_network; }
    QDateTime now() const;

signals:
    void requestLogged(const mcdesk::api::NetworkLogEntry &entry);
    void tokenReady();

private:
    friend class ApiCall;
    bool hasValidToken() const;
    void mintToken();
    void invalidateToken(const QByteArray &token);
    QNetworkReply *startRequest(const QString &path, const QByteArray &body, QString *requestId);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    Credentials m_credentials;
    ClientOptions m_options;
    QByteArray m_token;
    QDateTime m_tokenExpiry;
    bool m_minting = false;
    ApiError m_tokenError;
};

} // namespace mcdesk::api
