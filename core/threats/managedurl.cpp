#include "core/threats/managedurl.h"

#include "core/respond/remediation.h"

#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace mcdesk::threats {

namespace {

bool flagOf(const QJsonObject &json, const QString &key)
{
    const QJsonValue v = json.value(key);
    return v.isBool() ? v.toBool() : v.toString().compare(u"true"_s, Qt::CaseInsensitive) == 0;
}

// The host a URL names, lower case, without a trailing dot.
QString hostOf(const QString &url)
{
    QString host = QUrl(url.trimmed()).host().toLower();
    if (host.endsWith(u'.'))
        host.chop(1);
    return host;
}

} // namespace

QString ManagedUrl::actionName(Action action)
{
    return action == Action::Permit ? u"permit"_s : u"block"_s;
}

QString ManagedUrl::matchName(Match match)
{
    return match == Match::Domain ? u"domain"_s : u"explicit"_s;
}

std::optional<ManagedUrl::Action> ManagedUrl::actionFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"block"_s)
        return Action::Block;
    if (n == u"permit"_s)
        return Action::Permit;
    return std::nullopt;
}

std::optional<ManagedUrl::Match> ManagedUrl::matchFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"explicit"_s)
        return Match::Explicit;
    if (n == u"domain"_s)
        return Match::Domain;
    return std::nullopt;
}

QString ManagedUrl::problem() const
{
    if (const QString why = respond::checkWebUrl(url); !why.isEmpty())
        return u"--url "_s + why + u": give the link with http:// or https://"_s;
    // Mimecast refuses a fragment (Rapid7's troubleshooting notes, reference §5.1).
    if (QUrl(url.trimmed()).hasFragment())
        return u"--url \""_s + url.trimmed() + u"\" has a #fragment: leave it out"_s;
    if (url.trimmed().size() > 2048)
        return u"--url is longer than 2,048 characters: shorten it"_s;
    if (isRewrittenUrl(url))
        return u"--url is a Mimecast-rewritten link: decode it first (decode-url) and manage "
               u"the original"_s;
    if (action == Action::Block && disableRewrite)
        return u"--disable-rewrite applies to permits only: leave it out of a block"_s;
    if (action == Action::Block && disableUserAwareness)
        return u"--disable-user-awareness applies to permits only: leave it out of a block"_s;
    if (comment.size() > 500)
        return u"--comment is longer than 500 characters: shorten it"_s;
    return {};
}

QString ManagedUrl::displayUrl() const
{
    if (!url.isEmpty())
        return url;
    if (domain.isEmpty())
        return {};
    QString out = (scheme.isEmpty() ? u"http"_s : scheme) + u"://"_s + domain;
    if (port > 0)
        out += u':' + QString::number(port);
    out += path;
    if (!queryString.isEmpty())
        out += u'?' + queryString;
    return out;
}

bool ManagedUrl::covers(const QString &clickedUrl) const
{
    const QString mine = hostOf(displayUrl());
    const QString theirs = hostOf(clickedUrl);
    if (mine.isEmpty() || theirs.isEmpty())
        return false;
    if (match == Match::Domain)
        return theirs == mine || theirs.endsWith(u'.' + mine);
    const QUrl a(displayUrl().trimmed());
    const QUrl b(clickedUrl.trimmed());
    return a.adjusted(QUrl::RemoveFragment | QUrl::StripTrailingSlash | QUrl::NormalizePathSegments)
               .toString(QUrl::FullyEncoded)
               .compare(b.adjusted(QUrl::RemoveFragment | QUrl::StripTrailingSlash |
                                   QUrl::NormalizePathSegments)
                            .toString(QUrl::FullyEncoded),
                        Qt::CaseInsensitive) == 0;
}

QString ManagedUrl::key() const
{
    // The journal keeps keys as text; compact JSON keeps every field, whatever it contains.
    QJsonObject k = toData();
    k.remove(u"id"_s);
    return QString::fromUtf8(QJsonDocument(k).toJson(QJsonDocument::Compact));
}

ManagedUrl ManagedUrl::fromKey(const QString &key)
{
    return fromJson(QJsonDocument::fromJson(key.toUtf8()).object());
}

QJsonObject ManagedUrl::toData() const
{
    return {{u"url"_s, url.trimmed()},
            {u"action"_s, actionName(action)},
            {u"matchType"_s, matchName(match)},
            {u"comment"_s, comment},
            {u"disableLogClick"_s, disableLogClick},
            {u"disableRewrite"_s, disableRewrite},
            {u"disableUserAwareness"_s, disableUserAwareness}};
}

QJsonObject ManagedUrl::toJson() const
{
    QJsonObject out{{u"url"_s, displayUrl()},
                    {u"action"_s, actionName(action)},
                    {u"match_type"_s, matchName(match)},
                    {u"comment"_s, comment},
                    {u"disable_log_click"_s, disableLogClick},
                    {u"disable_rewrite"_s, disableRewrite},
                    {u"disable_user_awareness"_s, disableUserAwareness}};
    if (!id.isEmpty())
        out.insert(u"id"_s, id);
    return out;
}

ManagedUrl ManagedUrl::fromJson(const QJsonObject &json)
{
    ManagedUrl m;
    m.id = json.value(u"id"_s).toString();
    m.url = json.value(u"url"_s).toString();
    m.action = actionFromName(json.value(u"action"_s).toString()).value_or(Action::Block);
    m.match = matchFromName(json.value(u"matchType"_s).toString()).value_or(Match::Explicit);
    m.comment = json.value(u"comment"_s).toString();
    m.disableLogClick = flagOf(json, u"disableLogClick"_s);
    m.disableRewrite = flagOf(json, u"disableRewrite"_s);
    m.disableUserAwareness = flagOf(json, u"disableUserAwareness"_s);
    m.scheme = json.value(u"scheme"_s).toString();
    m.domain = json.value(u"domain"_s).toString();
    m.port = json.value(u"port"_s).toInt(-1);
    m.path = json.value(u"path"_s).toString();
    m.queryString = json.value(u"queryString"_s).toString();
    return m;
}

bool isRewrittenUrl(const QString &url)
{
    const QUrl u(url.trimmed());
    if (u.scheme() != u"https"_s && u.scheme() != u"http"_s)
        return false;
    const QString host = u.host().toLower();
    // protect-eu.mimecast.com, protect2.mimecast.com (older); url.uk.m.mimecastprotect.com (newer)
    return (host.startsWith(u"protect"_s) && host.endsWith(u".mimecast.com"_s)) ||
           host.endsWith(u".mimecastprotect.com"_s) || host == u"mimecastprotect.com"_s;
}

} // namespace mcdesk::threats
