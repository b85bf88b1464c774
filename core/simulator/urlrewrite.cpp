#include "core/simulator/urlrewrite.h"

#include "core/simulator/tracking.h"

#include <QByteArray>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
constexpr auto kEncoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// Four url-safe characters from the URL's hash: tells our tokens from random strings.
QString check(const QString &original)
{
    const quint32 h = stableHash(original);
    const char bytes[3] = {char(h >> 16), char(h >> 8), char(h)};
    return QString::fromLatin1(QByteArray(bytes, 3).toBase64(kEncoding));
}
} // namespace

QString rewriteHost()
{
    return u"url.us.m.mimecastprotect.com"_s;
}

QString rewrittenUrl(const QString &original)
{
    const QString token =
        check(original) + QString::fromLatin1(original.toUtf8().toBase64(kEncoding));
    const QString host = QUrl(original).host();
    return u"https://%1/s/%2?domain=%3"_s.arg(rewriteHost(), token, host);
}

std::optional<QString> decodeRewrittenUrl(const QString &link)
{
    const QUrl url(link.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"https"_s ||
        url.host().compare(rewriteHost(), Qt::CaseInsensitive) != 0 ||
        !url.path().startsWith(u"/s/"_s))
        return std::nullopt;
    const QString token = url.path().mid(3);
    if (token.size() <= 4)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        token.mid(4).toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QString original = QString::fromUtf8(*decoded);
    if (original.isEmpty() || check(original) != token.left(4))
        return std::nullopt;
    return original;
}

} // namespace mcdesk::sim
