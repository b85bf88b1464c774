#include "core/simulator/simservice.h"

#include "core/simulator/endpoints.h"
#include "core/simulator/envelope.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSim, "mcdesk.sim", QtInfoMsg)

namespace mcdesk::sim {

namespace {
// Advertised quota. Never enforced on its own (tests and benchmarks must not trip over it);
// a RateLimited fault produces the 429.
constexpr int kRateLimit = 10000;
constexpr qint64 kRateWindowMs = 60 * 1000;
const auto kDiscoverPath = u"/api/login/discover-authentication"_s;
} // namespace

SimService::SimService(const SimConfig &config)
    : m_config(config)
    , m_auth(config.tokenTtlSeconds)
{}

void SimService::ensureData() const
{
    if (m_generated)
        return;
    m_data = generateData(m_config, QDateTime::currentMSecsSinceEpoch());
    m_generated = true;
}

void SimService::prepare()
{
    QMutexLocker lock(&m_mutex);
    ensureData();
}

HttpReply SimService::handle(const HttpRequest &request)
{
    QMutexLocker lock(&m_mutex);
    ensureData();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    HttpReply reply = route(request, now);
    reply.delayMs += m_config.latencyMs;
    addRateLimitHeaders(&reply, now.toMSecsSinceEpoch());
    const int status = reply.action == HttpReply::Action::Send ? reply.status : 0;
    m_log.append(
        {QString::fromUtf8(request.method), request.path, request.headers, request.body, status});
    qCDebug(lcSim) << request.method << request.path << "->" << status;
    return reply;
}

HttpReply SimService::route(const HttpRequest &request, const QDateTime &now)
{
    if (request.method != "POST"_ba) {
        HttpReply reply =
            errorReply(405, u"err_method_not_allowed"_s,
                       u"Only POST is supported; every Mimecast function is a POST"_s);
        reply.headers.append({"Allow"_ba, "POST"_ba});
        return reply;
    }
    QSet<QString> failingIds;
    bool dropAfterRunning = false;
    if (const auto fault = m_faults.take(request.path)) {
        if (fault->kind == FaultKind::RunThenDrop)
            dropAfterRunning = true;
        else if (fault->kind != FaultKind::ItemFailure)
            return faultReply(*fault);
        else
            failingIds = QSet<QString>(fault->itemIds.cbegin(), fault->itemIds.cend());
    }
    if (dropAfterRunning) { // the function runs; its reply never arrives
        HttpReply reply = routeToEndpoint(request, now, failingIds);
        reply.action = HttpReply::Action::Drop;
        return reply;
    }
    return routeToEndpoint(request, now, failingIds);
}

HttpReply SimService::routeToEndpoint(const HttpRequest &request, const QDateTime &now,
                                      const QSet<QString> &failingIds)
{
    if (request.path == u"/oauth/token"_s)
        return m_auth.issueToken(request, now);
    const Endpoint endpoint = endpoints().value(request.path);
    if (!endpoint)
        return errorReply(404, u"err_resource_not_found"_s,
                          u"No function is served at %1"_s.arg(request.path));
    QString identity;
    if (request.path != kDiscoverPath) {
        AuthResult auth = m_auth.check(request, now);
        if (!auth.ok)
            return auth.reply;
        identity = auth.identity;
    }
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return errorReply(400, u"err_validation_invalid_json"_s,
                              u"The request body is not a JSON object: %1"_s.arg(
                                  error.error != QJsonParseError::NoError ? error.errorString()
                                                                          : u"not an object"_s));
        body = doc.object();
    }
    const QJsonValue data = body.value(u"data"_s);
    if (!data.isUndefined() && !data.isArray())
        return errorReply(400, u"err_validation_invalid_value"_s, u"data must be an array"_s,
                          u"data"_s);
    SimContext ctx{m_data,     m_config, body, identity, now.toMSecsSinceEpoch(),
                   failingIds, m_baseUrl};
    return endpoint(ctx);
}

void SimService::addRateLimitHeaders(HttpReply *reply, qint64 nowMs)
{
    if (nowMs - m_windowStartMs >= kRateWindowMs) {
        m_windowStartMs = nowMs;
        m_windowCalls = 0;
    }
    ++m_windowCalls;
    if (reply->hasHeader("X-RateLimit-Limit"_ba))
        return;
    reply->headers.append({"X-RateLimit-Limit"_ba, QByteArray::number(kRateLimit)});
    reply->headers.append(
        {"X-RateLimit-Remaining"_ba, QByteArray::number(std::max(0, kRateLimit - m_windowCalls))});
    reply->headers.append(
        {"X-RateLimit-Reset"_ba, QByteArray::number(m_windowStartMs + kRateWindowMs - nowMs)});
}

void SimService::setBaseUrl(const QUrl &url)
{
    QMutexLocker lock(&m_mutex);
    m_baseUrl = url;
}

QUrl SimService::baseUrl() const
{
    QMutexLocker lock(&m_mutex);
    return m_baseUrl;
}

void SimService::addFault(const FaultRule &rule)
{
    QMutexLocker lock(&m_mutex);
    m_faults.add(rule);
}

void SimService::clearFaults()
{
    QMutexLocker lock(&m_mutex);
    m_faults.clear();
}

void SimService::setLatency(int ms)
{
    QMutexLocker lock(&m_mutex);
    m_config.latencyMs = std::max(0, ms);
}

void SimService::revokeTokens()
{
    QMutexLocker lock(&m_mutex);
    m_auth.revokeAll();
}

QList<RecordedRequest> SimService::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_log;
}

void SimService::clearRequests()
{
    QMutexLocker lock(&m_mutex);
    m_log.clear();
}

int SimService::requestCount(const QString &path) const
{
    QMutexLocker lock(&m_mutex);
    return int(std::count_if(m_log.cbegin(), m_log.cend(),
                             [&](const RecordedRequest &r) { return r.path == path; }));
}

int SimService::heldCount() const
{
    QMutexLocker lock(&m_mutex);
    ensureData();
    return m_data.liveHeld;
}

bool SimService::isHeld(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    ensureData();
    const auto found = m_data.heldIndex.constFind(id);
    return found != m_data.heldIndex.cend() && !m_data.held[*found].handled;
}

int SimService::heldWrites(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    return m_data.heldWrites.value(id);
}

QStringList SimService::heldIds(int max) const
{
    QMutexLocker lock(&m_mutex);
    ensureData();
    QStringList ids;
    for (const auto &m : m_data.held) {
        if (ids.size() >= max)
            break;
        if (!m.handled)
            ids << m.id;
    }
    return ids;
}

QString SimService::firstArchiveId() const
{
    QMutexLocker lock(&m_mutex);
    ensureData();
    return m_data.archive.isEmpty() ? QString() : m_data.archive.first().id;
}

QStringList SimService::campaignMessageIds(int max) const
{
    QMutexLocker lock(&m_mutex);
    ensureData();
    QStringList ids;
    for (const auto &t : m_data.tracked) {
        if (ids.size() >= max)
            break;
        if (t.kind == TrackedMessage::Kind::Held && t.campaign)
            ids << m_data.held[t.source].messageId;
    }
    return ids;
}

} // namespace mcdesk::sim
