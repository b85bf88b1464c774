// URL Protect managed URLs and URL decoding (mimecast-respond.md §5).
#include "core/simulator/endpoints.h"
#include "core/simulator/ttplogs.h"
#include "core/simulator/urlrewrite.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
// The entry a create item describes, or the error that refuses it.
std::optional<ManagedUrl> readEntry(const QJsonObject &item, QJsonObject *error)
{
    const QJsonValue urlValue = item.value(u"url"_s);
    const QString text = urlValue.toString().trimmed();
    if (urlValue.isUndefined() || urlValue.isNull()) {
        *error = errorObject(u"err_validation_null"_s, u"url must not be null"_s, u"url"_s);
        return std::nullopt;
    }
    if (text.isEmpty()) {
        *error = errorObject(u"err_validation_blank"_s, u"url must not be blank"_s, u"url"_s);
        return std::nullopt;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) ||
        url.host().isEmpty() || url.hasFragment()) {
        *error =
            errorObject(u"err_validation_invalid_url"_s,
                        u"url must be an http:// or https:// URL without a #fragment"_s, u"url"_s);
        return std::nullopt;
    }
    ManagedUrl entry;
    entry.action = item.value(u"action"_s).toString().toLower();
    if (entry.action != u"block"_s && entry.action != u"permit"_s) {
        *error = errorObject(u"err_validation_value_not_allowed"_s,
                             u"Field must be one of [block, permit]"_s, u"action"_s);
        return std::nullopt;
    }
    entry.matchType = item.value(u"matchType"_s).toString(u"explicit"_s).toLower();
    if (entry.matchType != u"explicit"_s && entry.matchType != u"domain"_s) {
        *error = errorObject(u"err_validation_value_not_allowed"_s,
                             u"Field must be one of [explicit, domain]"_s, u"matchType"_s);
        return std::nullopt;
    }
    entry.scheme = url.scheme();
    entry.domain = url.host().toLower();
    entry.port = url.port();
    entry.path = url.path();
    entry.queryString = url.query();
    entry.comment = item.value(u"comment"_s).toString();
    entry.disableLogClick = item.value(u"disableLogClick"_s).toBool(false);
    // Documented for permits only (§5.1): a block keeps rewriting and awareness.
    const bool permit = entry.action == u"permit"_s;
    entry.disableRewrite = permit && item.value(u"disableRewrite"_s).toBool(false);
    entry.disableUserAwareness = permit && item.value(u"disableUserAwareness"_s).toBool(false);
    return entry;
}

bool sameEntry(const ManagedUrl &a, const ManagedUrl &b)
{
    if (a.matchType != b.matchType || a.action != b.action || a.domain != b.domain)
        return false;
    return a.matchType == u"domain"_s || (a.scheme == b.scheme && a.port == b.port &&
                                          a.path == b.path && a.queryString == b.queryString);
}

QString entryUrl(const ManagedUrl &e)
{
    QUrl url;
    url.setScheme(e.scheme);
    url.setHost(e.domain);
    url.setPort(e.port);
    url.setPath(e.path);
    url.setQuery(e.queryString);
    return url.toString();
}
} // namespace

HttpReply createManagedUrl(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 25, &reply))
        return reply;
    QJsonArray data, fail;
    for (const auto &value : ctx.items()) {
        const QJsonObject item = value.toObject();
        QJsonObject error;
        auto entry = readEntry(item, &error);
        if (entry && ctx.failingIds.contains(item.value(u"url"_s).toString())) {
            fail << injectedFailure(item);
            continue;
        }
        if (entry && std::any_of(ctx.data.managedUrls.cbegin(), ctx.data.managedUrls.cend(),
                                 [&](const ManagedUrl &e) { return sameEntry(e, *entry); })) {
            entry.reset();
            error = errorObject(u"err_managed_url_exists_code"_s,
                                u"The managed URL already exists; to update it, delete it and "
                                u"create it again"_s);
        }
        if (!entry) {
            QJsonObject key = item;
            key.insert(u"overrideUrl"_s, false); // Mimecast echoes it (§5.1)
            fail << failItem(key, error);
            continue;
        }
        entry->id = ctx.data.mintId(u"managed-url"_s);
        ctx.data.managedUrls.append(*entry);
        data << managedUrlJson(*entry);
    }
    return okReply(data, fail);
}

HttpReply getAllManagedUrls(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 0, 1, &reply))
        return reply;
    const QJsonObject filter =
        ctx.items().isEmpty() ? QJsonObject() : ctx.items().first().toObject();
    const QString wanted = filter.value(u"domainOrUrl"_s).toString().trimmed();
    const bool exact = filter.value(u"exactMatch"_s).toBool(false);
    QString overrideType = u"all"_s; // 2.0: filterBy [{fieldName: overridetype, value}]
    for (const auto &f : filter.value(u"filterBy"_s).toArray())
        if (f[u"fieldName"_s].toString().compare(u"overridetype"_s, Qt::CaseInsensitive) == 0)
            overrideType = f[u"value"_s].toString().toLower();
    if (overrideType != u"all"_s && overrideType != u"permitted"_s && overrideType != u"blocked"_s)
        return okReply({}, {failItem(filter, errorObject(u"err_validation_value_not_allowed"_s,
                                                         u"Field must be one of [all, permitted, "
                                                         u"blocked]"_s,
                                                         u"filterBy.value"_s))});
    QJsonArray data;
    for (const auto &e : std::as_const(ctx.data.managedUrls)) {
        if (overrideType == u"permitted"_s && e.action != u"permit"_s)
            continue;
        if (overrideType == u"blocked"_s && e.action != u"block"_s)
            continue;
        if (!wanted.isEmpty()) {
            const QString url = entryUrl(e);
            const bool hit = exact ? (e.domain.compare(wanted, Qt::CaseInsensitive) == 0 ||
                                      url.compare(wanted, Qt::CaseInsensitive) == 0)
                                   : (e.domain.contains(wanted, Qt::CaseInsensitive) ||
                                      url.contains(wanted, Qt::CaseInsensitive));
            if (!hit)
                continue;
        }
        data << managedUrlJson(e);
    }
    return okReply(data);
}

HttpReply deleteManagedUrl(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 25, &reply))
        return reply;
    QJsonArray fail;
    for (const auto &value : ctx.items()) {
        const QJsonObject item = value.toObject();
        const QString id = item.value(u"id"_s).toString().trimmed();
        if (id.isEmpty()) {
            fail << failItem(
                item, errorObject(u"err_validation_blank"_s, u"id must not be blank"_s, u"id"_s));
            continue;
        }
        if (ctx.failingIds.contains(id)) {
            fail << injectedFailure(item);
            continue;
        }
        const auto it = std::find_if(ctx.data.managedUrls.begin(), ctx.data.managedUrls.end(),
                                     [&](const ManagedUrl &e) { return e.id == id; });
        if (it == ctx.data.managedUrls.end()) {
            fail << failItem(item, errorObject(u"err_managed_url_not_found"_s,
                                               u"Managed URL not found"_s, u"id"_s));
            continue;
        }
        ctx.data.managedUrls.erase(it);
    }
    return okReply({}, fail);
}

HttpReply decodeUrl(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 25, &reply))
        return reply;
    QJsonArray data, fail;
    for (const auto &value : ctx.items()) {
        const QJsonObject item = value.toObject();
        const QString link = item.value(u"url"_s).toString();
        if (link.trimmed().isEmpty()) {
            fail << failItem(
                item, errorObject(u"err_validation_blank"_s, u"url must not be blank"_s, u"url"_s));
            continue;
        }
        if (ctx.failingIds.contains(link)) {
            fail << injectedFailure(item);
            continue;
        }
        const auto original = decodeRewrittenUrl(link);
        if (!original) {
            fail << failItem(item, errorObject(u"err_url_decode_failed"_s,
                                               u"The URL is not a Mimecast-rewritten link this "
                                               u"account can decode"_s,
                                               u"url"_s));
            continue;
        }
        data << QJsonObject{{u"url"_s, *original}, {u"success"_s, true}};
    }
    return okReply(data, fail);
}

} // namespace mcdesk::sim
