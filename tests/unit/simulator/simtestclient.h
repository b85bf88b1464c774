#pragma once

// A bare QNetworkAccessManager caller for the simulator tests. It signs API 1.0 requests with
// its own HMAC code (not RequestSigner), so a broken signer cannot make these tests pass.

#include "core/simulator/simulatorhost.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUuid>

namespace simtest {

struct Reply
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QMap<QByteArray, QByteArray> headers; // lower-case names

    QJsonArray data() const { return json.value(QLatin1String("data")).toArray(); }
    QJsonArray fail() const { return json.value(QLatin1String("fail")).toArray(); }
    QJsonObject firstError() const
    {
        return fail()
            .first()
            .toObject()
            .value(QLatin1String("errors"))
            .toArray()
            .first()
            .toObject();
    }
    QString errorCode() const { return firstError().value(QLatin1String("code")).toString(); }
    QJsonObject pagination() const
    {
        return json.value(QLatin1String("meta"))
            .toObject()
            .value(QLatin1String("pagination"))
            .toObject();
    }
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

// The documented algorithm: base64(HMAC-SHA1(base64decode(secret), date:reqId:path:appKey)).
inline QByteArray hmacSignature(const QByteArray &key, const QString &date, const QString &reqId,
                                const QString &path, const QString &appKey)
{
    const QString data =
        date + QLatin1Char(':') + reqId + QLatin1Char(':') + path + QLatin1Char(':') + appKey;
    return QMessageAuthenticationCode::hash(data.toUtf8(), key, QCryptographicHash::Sha1)
        .toBase64();
}

inline QString mcDate(const QDateTime &when)
{
    return QLocale::c().toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'UTC'"));
}

inline Headers signedHeaders(const QString &path, const mcdesk::api::Credentials &c,
                             const QDateTime &when = QDateTime::currentDateTimeUtc(),
                             bool keyAsText = false)
{
    const QString date = mcDate(when);
    const QString reqId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray key =
        keyAsText ? c.secretKey.toUtf8() : QByteArray::fromBase64(c.secretKey.toLatin1());
    const QByteArray sig = hmacSignature(key, date, reqId, path, c.appKey);
    return {{"x-mc-date", date.toUtf8()},
            {"x-mc-req-id", reqId.toUtf8()},
            {"x-mc-app-id", c.appId.toUtf8()},
            {"Authorization", "MC " + c.accessKey.toUtf8() + ':' + sig}};
}

class Caller
{
public:
    explicit Caller(const QUrl &base)
        : m_base(base)
    {}

    QNetworkAccessManager &nam() { return m_nam; }
    QNetworkRequest request(const QString &path, const Headers &headers, int timeoutMs) const
    {
        QUrl url = m_base;
        url.setPath(path);
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &h : headers)
            req.setRawHeader(h.first, h.second);
        req.setTransferTimeout(timeoutMs);
        return req;
    }

    static Reply wait(QNetworkReply *reply, int timeoutMs)
    {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        Reply r;
        r.finished = reply->isFinished() || spy.wait(timeoutMs + 2000);
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        for (const auto &pair : reply->rawHeaderPairs())
            r.headers.insert(pair.first.toLower(), pair.second);
        reply->deleteLater();
        return r;
    }

    Reply post(const QString &path, const QByteArray &body, const Headers &headers,
               int timeoutMs = 10000)
    {
        return wait(m_nam.post(request(path, headers, timeoutMs), body), timeoutMs);
    }

    Reply api1(const QString &path, const QJsonObject &body,
               const mcdesk::api::Credentials &c = mcdesk::sim::demoCredentials())
    {
        return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                    signedHeaders(path, c));
    }

    Reply bearer(const QString &path, const QJsonObject &body, const QString &token)
    {
        return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                    {{"Authorization", "Bearer " + token.toUtf8()}});
    }

    Reply token(const QString &clientId, const QString &secret,
                const QString &grant = QStringLiteral("client_credentials"))
    {
        const QByteArray form = "client_id=" + QUrl::toPercentEncoding(clientId) +
                                "&client_secret=" + QUrl::toPercentEncoding(secret) +
                                "&grant_type=" + QUrl::toPercentEncoding(grant);
        QNetworkRequest req = request(QStringLiteral("/oauth/token"), {}, 10000);
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
        return wait(m_nam.post(req, form), 10000);
    }

    QString mintToken()
    {
        const auto c = mcdesk::sim::demoOAuthCredentials();
        return token(c.clientId, c.clientSecret)
            .json.value(QLatin1String("access_token"))
            .toString();
    }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

// {"data":[item]} with optional meta.pagination.
inline QJsonObject body(const QJsonObject &item, int pageSize = 0, const QString &token = {})
{
    QJsonObject b{{QStringLiteral("data"), QJsonArray{item}}};
    QJsonObject pagination;
    if (pageSize > 0)
        pagination.insert(QStringLiteral("pageSize"), pageSize);
    if (!token.isEmpty())
        pagination.insert(QStringLiteral("pageToken"), token);
    if (!pagination.isEmpty())
        b.insert(QStringLiteral("meta"), QJsonObject{{QStringLiteral("pagination"), pagination}});
    return b;
}

} // namespace simtest
