#include "core/simulator/faults.h"

#include "core/simulator/envelope.h"

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
struct KindName
{
    FaultKind kind;
    QString name;
};

const QList<KindName> &kindNames()
{
    static const QList<KindName> names = {
        {FaultKind::RateLimited, u"rate-limited"_s},
        {FaultKind::ServerError, u"server-error"_s},
        {FaultKind::HtmlErrorPage, u"html-error-page"_s},
        {FaultKind::MalformedJson, u"malformed-json"_s},
        {FaultKind::DropConnection, u"drop-connection"_s},
        {FaultKind::NoResponse, u"no-response"_s},
        {FaultKind::BindingExpired, u"binding-expired"_s},
        {FaultKind::ItemFailure, u"item-failure"_s},
        {FaultKind::RunThenDrop, u"run-then-drop"_s},
    };
    return names;
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}
} // namespace

QStringList faultKindNames()
{
    QStringList names;
    for (const auto &k : kindNames())
        names << k.name;
    return names;
}

std::optional<FaultRule> parseFaultSpec(const QString &spec, QString *error)
{
    const QStringList parts = spec.split(u':');
    // "RateLimited", "rate-limited" and "rate_limited" all name the same kind.
    const QString wanted = parts.value(0).toLower().remove(u'-').remove(u'_');
    FaultRule rule{FaultKind::ServerError, {}, 1, 100, {}};
    bool found = false;
    for (const auto &k : kindNames()) {
        if (QString(k.name).remove(u'-') == wanted) {
            rule.kind = k.kind;
            found = true;
        }
    }
    if (!found) {
        setError(error, u"unknown fault kind '%1' (one of %2)"_s.arg(
                            parts.value(0), faultKindNames().join(u", "_s)));
        return std::nullopt;
    }
    if (parts.size() > 4) {
        setError(error, u"too many ':' in fault '%1' (KIND[:PATH[:TIMES[:ID,ID…]]])"_s.arg(spec));
        return std::nullopt;
    }
    rule.path = parts.value(1);
    if (!rule.path.isEmpty() && !rule.path.startsWith(u'/')) {
        setError(error, u"fault path must start with '/': '%1'"_s.arg(rule.path));
        return std::nullopt;
    }
    const QString times = parts.value(2);
    if (times == u"forever"_s || times == u"*"_s) {
        rule.times = -1;
    } else if (!times.isEmpty()) {
        bool ok = false;
        rule.times = times.toInt(&ok);
        if (!ok || rule.times == 0 || rule.times < -1) {
            setError(error, u"fault times must be a positive number or -1: '%1'"_s.arg(times));
            return std::nullopt;
        }
    }
    if (parts.size() > 3)
        rule.itemIds = parts.value(3).split(u',', Qt::SkipEmptyParts);
    return rule;
}

std::optional<FaultRule> FaultBook::take(const QString &path)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        FaultRule &rule = m_rules[i];
        if (!rule.path.isEmpty() && rule.path != path)
            continue;
        const FaultRule taken = rule;
        if (rule.times > 0 && --rule.times == 0)
            m_rules.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

HttpReply faultReply(const FaultRule &rule)
{
    HttpReply reply;
    switch (rule.kind) {
    case FaultKind::RateLimited:
        reply = errorReply(429, u"err_rate_limit_exceeded"_s,
                           u"Rate limit exceeded: the function was not executed; retry after "
                           u"X-RateLimit-Reset milliseconds"_s,
                           {}, true);
        reply.headers = {{"X-RateLimit-Limit"_ba, "10000"_ba},
                         {"X-RateLimit-Remaining"_ba, "0"_ba},
                         {"X-RateLimit-Reset"_ba, QByteArray::number(rule.rateLimitResetMs)}};
        break;
    case FaultKind::ServerError:
        reply = errorReply(500, u"err_internal_server_error"_s,
                           u"Internal server error (injected by the simulator)"_s, {}, true);
        break;
    case FaultKind::HtmlErrorPage:
        reply.status = 502;
        reply.contentType = "text/html; charset=utf-8"_ba;
        reply.body = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
                     "<body><h1>502 Bad Gateway</h1><p>The upstream server did not answer."
                     "</p></body></html>\n"_ba;
        break;
    case FaultKind::MalformedJson:
        reply.body = R"({"meta":{"status":200},"data":[{"id":"eNpTruncatedRepl)"_ba;
        break;
    case FaultKind::DropConnection:
        reply = envelopeReply(200, {QJsonObject{{u"id"_s, u"eNpConnectionDroppedMidReply"_s}}});
        reply.action = HttpReply::Action::Drop;
        break;
    case FaultKind::NoResponse:
        reply.action = HttpReply::Action::Hold;
        reply.status = 0;
        break;
    case FaultKind::BindingExpired:
        reply = errorReply(418, u"err_xdk_binding_expired"_s, u"Binding Expired"_s);
        break;
    case FaultKind::ItemFailure:
    case FaultKind::RunThenDrop:
        break;
    }
    return reply;
}

} // namespace mcdesk::sim
