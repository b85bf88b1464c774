#pragma once

#include "core/api/credentials.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace mcdesk::sim {

// Sizes and knobs of the offline Mimecast. The same seed always yields the same data
// (relative to the moment the simulator is created).
struct SimConfig
{
    quint32 seed = 1;
    int heldCount = 2000;
    int archiveCount = 20000;
    int policyCount = 12;
    int latencyMs = 0;
    int tokenTtlSeconds = 1800;
    // How long a Threat Remediation incident takes until successful + failed == identified.
    int remediationSettleMs = 4000;

    // Named setters, so a test reads SimConfig().withSeed(3).withHeld(40) rather than a row
    // of bare numbers.
    SimConfig &withSeed(quint32 value)
    {
        seed = value;
        return *this;
    }
    SimConfig &withHeld(int count)
    {
        heldCount = count;
        return *this;
    }
    SimConfig &withArchive(int count)
    {
        archiveCount = count;
        return *this;
    }
    SimConfig &withPolicies(int count)
    {
        policyCount = count;
        return *this;
    }
    SimConfig &withLatency(int ms)
    {
        latencyMs = ms;
        return *this;
    }
    SimConfig &withTokenTtl(int seconds)
    {
        tokenTtlSeconds = seconds;
        return *this;
    }
    SimConfig &withRemediationSettle(int ms)
    {
        remediationSettleMs = ms;
        return *this;
    }
};

// One request as the simulator saw it; status 0 means no reply was sent (dropped or held).
struct RecordedRequest
{
    QString method;
    QString path;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    int status = 0;
};

enum class FaultKind {
    RateLimited,    // 429 + X-RateLimit-Reset, the function does not run
    ServerError,    // 500 JSON envelope
    HtmlErrorPage,  // 502 text/html, as a load balancer would answer
    MalformedJson,  // 200 with a truncated body
    DropConnection, // close the socket, no reply
    NoResponse,     // read the request, never answer
    BindingExpired, // 418 err_xdk_binding_expired
    ItemFailure,    // only the ids in itemIds fail (fail[] with err_...), the others succeed
    RunThenDrop     // the function runs (a write takes effect), then the connection closes
};

struct FaultRule
{
    FaultKind kind;
    QString path;  // empty = any path (including /oauth/token)
    int times = 1; // -1 = forever
    int rateLimitResetMs = 100;
    QStringList itemIds;
};

// Parses the mcdesk-sim --fault form KIND[:PATH[:TIMES[:ID,ID...]]], KIND as in faultKindNames().
std::optional<FaultRule> parseFaultSpec(const QString &spec, QString *error = nullptr);
QStringList faultKindNames();

// The account's support passphrase the simulator sends, so tests can prove it never shows.
inline constexpr char supportPassphrase[] = "amber-falcon-42 (support passphrase)";

api::Credentials demoCredentials();           // API 1.0 demo app (fixed, public demo values)
api::Credentials demoOAuthCredentials();      // API 2.0 demo client
api::Credentials expiredBindingCredentials(); // API 1.0 whose binding is expired: every call 418

class SimService;

// Runs the server on its own QThread; every method is thread-safe.
class SimulatorHost
{
public:
    explicit SimulatorHost(SimConfig config = {});
    ~SimulatorHost(); // stops the thread cleanly
    SimulatorHost(const SimulatorHost &) = delete;
    SimulatorHost &operator=(const SimulatorHost &) = delete;

    bool start(quint16 port = 0, QString *error = nullptr); // blocks until listening on 127.0.0.1
    QUrl baseUrl() const;                                   // http://127.0.0.1:PORT

    void addFault(const FaultRule &rule);
    void clearFaults();
    void setLatency(int ms);
    void revokeTokens(); // API 2.0: every issued token becomes unknown (401)

    QList<RecordedRequest> requests() const;
    void clearRequests();
    int requestCount(const QString &path) const;

    // For tests.
    int heldCount() const;
    bool isHeld(const QString &id) const;
    // How many releases and rejects for this held message the simulator carried out or
    // refused (as already handled): 1 after a write that happened exactly once.
    int heldWrites(const QString &id) const;
    QStringList heldIds(int max) const;
    QString firstArchiveId() const;
    // Message-IDs of held messages whose phish campaign also delivered copies to other
    // mailboxes (Message Finder finds them all; Threat Remediation removes the copies).
    QStringList campaignMessageIds(int max) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mcdesk::sim
