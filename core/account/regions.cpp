#include "core/account/regions.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace mcdesk::account::Regions {

namespace {
using Kind = api::Credentials::Kind;

ApiHost host(const char *region, const QString &hostName, Kind kind, bool confirmed = true)
{
    // The em dash separates what the analyst recognises from what goes on the wire.
    const QString label =
        QCoreApplication::translate("mcdesk::account::Regions", region) + u" \u2014 "_s + hostName;
    return {label, QUrl(u"https://"_s + hostName), kind, confirmed};
}
} // namespace

QList<ApiHost> all()
{
    return {
        // API 2.0 gateways (from June 2025). The global one fails over between regions.
        host(QT_TRANSLATE_NOOP("mcdesk::account::Regions", "Global gateway, automatic failover"),
             u"api.services.mimecast.com"_s, Kind::Api2),
        host(QT_TRANSLATE_NOOP("mcdesk::account::Regions", "United Kingdom gateway, pinned"),
             u"uk-api.services.mimecast.com"_s, Kind::Api2),
        host(QT_TRANSLATE_NOOP("mcdesk::account::Regions", "United States gateway, pinned"),
             u"us-api.services.mimecast.com"_s, Kind::Api2),
        // API 1.0 regional hosts; the account code prefix (CUK, CDE, ...) tells which.
        host(QT_TRANSLATE_NOOP("mcdesk::account::Regions", "Europe (excl. Germany)"),
             u"eu-api.mimecast.com"_s, Kind::Api1),
        host(QT_TRANSLATE_NOOP("mcdesk::account::Regions", "Germany"), u"de-api.mimecast.com"_s,
             Kind::Api1),
        host(QT_TRANSLATE_NOOP("mcdesk::account::Regions", "United States (A grid)"),
             u"us-api.mimecast.com"_s, Kind::Api1),
        host(QT_TRANSLATE_NOOP("mcdesk::account::Regions", "United States (B grid)"),
             u"usb-api.mimecast.com"_s, Kind::Api1),
        host(QT_TRANSLATE_NOOP("mcdesk::account::Regions", "Canada"), u"ca-api.mimecast.com"_s,
             Kind::Api1),
        host(QT_TRANSLATE_NOOP("mcdesk::account::Regions", "South Africa"),
             u"za-api.mimecast.com"_s, Kind::Api1),
        host(QT_TRANSLATE_NOOP("mcdesk::account::Regions", "Australia"), u"au-api.mimecast.com"_s,
             Kind::Api1),
        // Only in copied client tables; offered, but marked, because discovery knows better.
        host(QT_TRANSLATE_NOOP("mcdesk::account::Regions", "US public sector (unconfirmed)"),
             u"uspcom-api.mimecast-pscom-us.com"_s, Kind::Api1, false),
        host(QT_TRANSLATE_NOOP("mcdesk::account::Regions", "Offshore / Jersey (unconfirmed)"),
             u"je-api.mimecast.com"_s, Kind::Api1, false),
    };
}

QList<ApiHost> forKind(api::Credentials::Kind kind)
{
    QList<ApiHost> result;
    for (const ApiHost &h : all()) {
        if (h.kind == kind)
            result.append(h);
    }
    return result;
}

std::optional<ApiHost> find(const QUrl &url)
{
    const QUrl wanted = normalized(url);
    for (const ApiHost &h : all()) {
        if (normalized(h.url) == wanted)
            return h;
    }
    return std::nullopt;
}

QUrl normalized(const QUrl &url)
{
    QUrl out;
    out.setScheme(url.scheme().toLower());
    out.setHost(url.host().toLower());
    const int defaultPort = out.scheme() == u"http"_s ? 80 : 443;
    if (url.port() != -1 && url.port() != defaultPort)
        out.setPort(url.port());
    return out;
}

} // namespace mcdesk::account::Regions
