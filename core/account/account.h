#pragma once

#include "core/api/singlecall.h"

#include <QObject>

namespace mcdesk::account {

// One account record of get-account's data[], as the app keeps it: without the support
// passphrase, which must never reach output, screen, logs or exports.
QJsonObject accountRecord(const QJsonObject &item);

// /api/account/get-account: the connection test. The clock skew comes from the reply's Date
// header, because API 1.0 signatures fail when it exceeds 15 minutes.
class GetAccount : public api::SingleCall
{
    Q_OBJECT
public:
    explicit GetAccount(api::ApiClient *client, QObject *parent = nullptr);

    const QJsonObject &account() const { return m_account; }
    QString accountName() const;
    QString region() const;
    qint64 roundTripMs() const { return m_roundTripMs; }
    // Server time minus local time, in seconds; 0 when the server sent no Date.
    qint64 clockSkewSeconds() const { return m_skewSeconds; }
    // The account plus our measurements, as the CLI prints it.
    QJsonObject summary() const;

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    QJsonObject m_account;
    qint64 m_roundTripMs = 0;
    qint64 m_skewSeconds = 0;
};

// /api/login/discover-authentication: which regional API host serves an email address. It
// needs no Authorization, so it can run before any credentials are entered.
class DiscoverRegion : public QObject
{
    Q_OBJECT
public:
    // discoveryBase defaults to Mimecast's global host.
    DiscoverRegion(QNetworkAccessManager *network, QString emailAddress, QString appId,
                   QUrl discoveryBase = QUrl(QStringLiteral("https://api.mimecast.com")),
                   QObject *parent = nullptr);
    void start();

    const api::ApiError &error() const { return m_error; }
    QUrl regionBaseUrl() const { return m_region; }

signals:
    void finished();

private:
    QNetworkAccessManager *m_network;
    QString m_email;
    QString m_appId;
    QUrl m_base;
    QUrl m_region;
    api::ApiError m_error;
};

} // namespace mcdesk::account
