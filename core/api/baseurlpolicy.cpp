#include "core/api/baseurlpolicy.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace mcdesk::api::BaseUrlPolicy {

bool isLoopback(const QString &host)
{
    const QString h = host.toLower();
    if (h == u"localhost"_s)
        return true;
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

bool isMimecastHost(const QString &host)
{
    const QString h = host.toLower();
    for (const QString &domain : {u"mimecast.com"_s, u"mimecast-pscom-us.com"_s}) {
        if (h == domain || h.endsWith(u'.' + domain))
            return true;
    }
    return false;
}

QString check(const QUrl &url, bool allowCustomHost)
{
    if (!url.isValid() || url.host().isEmpty())
        return u"Base URL is not a valid URL: use the form https://eu-api.mimecast.com"_s;
    if (!url.userInfo().isEmpty())
        return u"Base URL must not contain a user name or password: credentials belong in the keychain"_s;
    if (url.hasQuery() || url.hasFragment() || (!url.path().isEmpty() && url.path() != u"/"_s))
        return u"Base URL must be only scheme and host, such as https://eu-api.mimecast.com"_s;
    const QString scheme = url.scheme().toLower();
    if (isLoopback(url.host()))
        return (scheme == u"http"_s || scheme == u"https"_s)
                   ? QString()
                   : u"Base URL must start with http:// or https://"_s;
    if (scheme != u"https"_s)
        return u"Base URL must use https:// (plain http is only allowed for loopback addresses)"_s;
    if (!isMimecastHost(url.host()) && !allowCustomHost)
        return u"Base URL host \""_s + url.host() +
               u"\" is not a Mimecast domain (*.mimecast.com, *.mimecast-pscom-us.com): "
               u"use your region's API host, or allow a custom host explicitly: pass "
               u"--allow-custom-host to mcdesk-cli, or in the app's connection dialog tick "
               u"\"I understand credentials will be sent to a host outside Mimecast's "
               u"domains\""_s;
    return {};
}

} // namespace mcdesk::api::BaseUrlPolicy
