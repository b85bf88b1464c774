#pragma once

#include "core/simulator/auth.h"
#include "core/simulator/faults.h"
#include "core/simulator/httpmessage.h"
#include "core/simulator/simdata.h"
#include "core/simulator/simulatorhost.h"

#include <QMutex>
#include <QSet>
#include <QUrl>

namespace mcdesk::sim {

// The simulated Mimecast behind the HTTP layer: auth, faults, routing, state and the request
// log. One mutex serialises everything, so the host's accessors can run on any thread.
class SimService
{
public:
    explicit SimService(const SimConfig &config);

    HttpReply handle(const HttpRequest &request);
    // Generates the seeded data now, if not done yet. The host calls it on the server thread
    // right after listening, so a GUI that starts the demo never waits for it.
    void prepare();

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const;
    void addFault(const FaultRule &rule);
    void clearFaults();
    void setLatency(int ms);
    void revokeTokens();
    QList<RecordedRequest> requests() const;
    void clearRequests();
    int requestCount(const QString &path) const;
    int heldCount() const;
    bool isHeld(const QString &id) const;
    int heldWrites(const QString &id) const;
    QStringList heldIds(int max) const;
    QString firstArchiveId() const;
    QStringList campaignMessageIds(int max) const;

private:
    HttpReply route(const HttpRequest &request, const QDateTime &now);
    HttpReply routeToEndpoint(const HttpRequest &request, const QDateTime &now,
                              const QSet<QString> &failingIds);
    void addRateLimitHeaders(HttpReply *reply, qint64 nowMs);
    void ensureData() const; // with m_mutex held

    mutable QMutex m_mutex;
    SimConfig m_config;
    mutable SimData m_data; // generated lazily by ensureData()
    mutable bool m_generated = false;
    Authenticator m_auth;
    FaultBook m_faults;
    QList<RecordedRequest> m_log;
    QUrl m_baseUrl;
    qint64 m_windowStartMs = 0;
    int m_windowCalls = 0;
};

} // namespace mcdesk::sim
