#include "core/account/account.h"

#include "core/api/baseurlpolicy.h"
#include "core/api/requestsigner.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace mcdesk::account {

GetAccount::GetAccount(api::ApiClient *client, QObject *parent)
    : SingleCall(client, u"/api/account/get-account"_s, api::CallKind::Read, parent)
{}

QJsonObject GetAccount::body() const
{
    return {{u"data"_s, QJsonArray()}};
}

QJsonObject accountRecord(const QJsonObject &item)
{
    // The support passphrase is what Mimecast support asks to verify a caller: it is dropped
    // as soon as it arrives.
    QJsonObject account = item;
    account.remove(u"passphrase"_s);
    return account;
}

void GetAccount::parse(const api::ApiReply &reply)
{
    m_roundTripMs = reply.elapsedMs;
    m_account = accountRecord(reply.data.at(0).toObject()); // empty when data is empty
    if (reply.serverDate.isValid())
        m_skewSeconds = QDateTime::currentDateTimeUtc().secsTo(reply.serverDate);
    if (!m_error.isError() && m_account.isEmpty())
        m_error = {api::ApiError::Kind::Malformed, reply.httpStatus, u"mcdesk_no_account"_s,
                   u"Mimecast answered without account details."_s, false};
}

QString GetAccount::accountName() const
{
    return m_account.value(u"accountName"_s).toString();
}

QString GetAccount::region() const
{
    return m_account.value(u"region"_s).toString();
}

QJsonObject GetAccount::summary() const
{
    QJsonObject out = m_account;
    out.insert(u"roundTripMs"_s, m_roundTripMs);
    out.insert(u"clockSkewSeconds"_s, m_skewSeconds);
    return out;
}

DiscoverRegion::DiscoverRegion(QNetworkAccessManager *network, QString emailAddress, QString appId,
                               QUrl discoveryBase, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_email(std::move(emailAddress))
    , m_appId(std::move(appId))
    , m_base(std::move(discoveryBase))
{}

void DiscoverRegion::start()
{
    QUrl url = m_base;
    url.setPath(u"/api/login/discover-authentication"_s);
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("x-mc-date",
                         api::RequestSigner::httpDate(QDateTime::currentDateTimeUtc()).toLatin1());
    request.setRawHeader("x-mc-req-id",
                         QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1());
    if (!m_appId.isEmpty())
        request.setRawHeader("x-mc-app-id", m_appId.toUtf8());
    const QJsonObject body{{u"data"_s, QJsonArray{QJsonObject{{u"emailAddress"_s, m_email}}}}};
    QNetworkReply *reply =
        m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    // Discovery answers a few hundred bytes at once: anything far larger or slower is not it.
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received) {
        if (received > 1024 * 1024)
            reply->abort();
    });
    QTimer::singleShot(60000, reply, [reply] {
        if (reply->isRunning())
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // Aborted (too large, too slow) replies have no open device to read.
        const QJsonObject root =
            reply->isOpen() ? QJsonDocument::fromJson(reply->readAll()).object() : QJsonObject();
        const QJsonObject first = root.value(u"data"_s).toArray().at(0).toObject();
        const QUrl region(first.value(u"region"_s).toObject().value(u"api"_s).toString());
        if (status == 0) {
            m_error = {api::ApiError::Kind::Connection, 0, u"mcdesk_connection"_s,
                       u"Could not reach Mimecast's discovery service ("_s + reply->errorString() +
                           u")."_s,
                       false};
        } else if (status != 200 || region.isEmpty()) {
            m_error = {api::ApiError::Kind::Refused, status, u"mcdesk_region_unknown"_s,
                       u"Mimecast does not know the address "_s + m_email +
                           u": use an address of your organisation or choose the region by hand."_s,
                       false};
        } else if (const QString problem = api::BaseUrlPolicy::check(region, false);
                   !problem.isEmpty() && !api::BaseUrlPolicy::isLoopback(m_base.host())) {
            // A discovered host must itself pass the policy, so discovery cannot point us away.
            m_error = {api::ApiError::Kind::Refused, status, u"mcdesk_region_rejected"_s, problem,
                       false};
        } else {
            m_region = region;
        }
        emit finished();
    });
}

} // namespace mcdesk::account
