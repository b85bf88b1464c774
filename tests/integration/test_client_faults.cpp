// The client against the simulator over loopback: retries, faults and authentication, checked
// by what the simulator actually received.
#include "core/held/heldoperations.h"
#include "tests/support/simfixture.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using Kind = api::ApiError::Kind;

namespace {
const QString kAccount = u"/api/account/get-account"_s;
const QString kRelease = u"/api/gateway/hold-release"_s;

api::ApiReply call(api::ApiClient &client, const QString &path, const QJsonObject &body,
                   api::CallKind kind)
{
    api::ApiReply reply;
    api::ApiCall *c = client.post(path, body, kind);
    QObject::connect(c, &api::ApiCall::finished, c, [&] { reply = c->reply(); });
    QSignalSpy spy(c, &api::ApiCall::finished);
    if (!spy.wait(20000))
        qWarning("call did not finish");
    return reply;
}

QJsonObject emptyData()
{
    return {{u"data"_s, QJsonArray()}};
}

QJsonObject releaseBody(const QString &id)
{
    return {{u"data"_s, QJsonArray{QJsonObject{{u"id"_s, id}}}}};
}
} // namespace

class TestClientFaults : public QObject
{
    Q_OBJECT
private slots:
    void signedReadSucceeds()
    {
        testing::SimFixture f;
        const api::ApiReply r = call(*f.client, kAccount, emptyData(), api::CallKind::Read);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.describe()));
        QVERIFY(!r.data.first().toObject().value(u"accountName"_s).toString().isEmpty());
        QVERIFY(r.serverDate.isValid());
        const sim::RecordedRequest req = f.sim->requests().first();
        QVERIFY(req.headers.value("authorization").startsWith("MC "));
        QVERIFY(!req.headers.value("x-mc-req-id").isEmpty());
        QVERIFY(req.headers.value("x-mc-date").endsWith(" UTC"));
    }

    void rateLimitThenSuccess()
    {
        testing::SimFixture f;
        f.sim->addFault({sim::FaultKind::RateLimited, kAccount, 1, 120, {}});
        QElapsedTimer t;
        t.start();
        const api::ApiReply r = call(*f.client, kAccount, emptyData(), api::CallKind::Read);
        QVERIFY(!r.error.isError());
        QCOMPARE(f.sim->requestCount(kAccount), 2);
        QVERIFY2(t.elapsed() >= 120, "waits X-RateLimit-Reset before retrying");
    }

    void rateLimitedWriteIsRetriedBecauseItDidNotRun()
    {
        testing::SimFixture f;
        const QString id = f.sim->heldIds(1).first();
        f.sim->addFault({sim::FaultKind::RateLimited, kRelease, 1, 20, {}});
        const api::ApiReply r = call(*f.client, kRelease, releaseBody(id), api::CallKind::Write);
        QVERIFY(!r.error.isError());
        QCOMPARE(f.sim->requestCount(kRelease), 2);
        QVERIFY(!f.sim->isHeld(id));
    }

    void serverErrorOnReadIsRetried()
    {
        testing::SimFixture f;
        f.sim->addFault({sim::FaultKind::ServerError, kAccount, 2, 0, {}});
        const api::ApiReply r = call(*f.client, kAccount, emptyData(), api::CallKind::Read);
        QVERIFY(!r.error.isError());
        QCOMPARE(f.sim->requestCount(kAccount), 3);
        QCOMPARE(r.attempts, 3);
    }

    void serverErrorOnWriteIsNotRepeated()
    {
        testing::SimFixture f;
        const QString id = f.sim->heldIds(1).first();
        f.sim->addFault({sim::FaultKind::ServerError, kRelease, 1, 0, {}});
        const api::ApiReply r = call(*f.client, kRelease, releaseBody(id), api::CallKind::Write);
        QCOMPARE(r.error.kind, Kind::Server);
        QVERIFY(r.error.outcomeUnknown);
        QCOMPARE(f.sim->requestCount(kRelease), 1);
    }

    void htmlErrorPageReadGivesUp()
    {
        testing::SimFixture f;
        f.sim->addFault({sim::FaultKind::HtmlErrorPage, kAccount, -1, 0, {}});
        const api::ApiReply r = call(*f.client, kAccount, emptyData(), api::CallKind::Read);
        QCOMPARE(r.error.kind, Kind::Server);
        QCOMPARE(r.httpStatus, 502);
        QCOMPARE(f.sim->requestCount(kAccount), 1 + f.client->options().maxReadRetries);
    }

    void malformedJson()
    {
        testing::SimFixture f;
        f.sim->addFault({sim::FaultKind::MalformedJson, kAccount, 1, 0, {}});
        const api::ApiReply r = call(*f.client, kAccount, emptyData(), api::CallKind::Read);
        QCOMPARE(r.error.kind, Kind::Malformed);
        QVERIFY(r.error.message.contains(u"JSON"_s));
    }

    void droppedConnectionReadIsRetried()
    {
        testing::SimFixture f;
        f.sim->addFault({sim::FaultKind::DropConnection, kAccount, 1, 0, {}});
        const api::ApiReply r = call(*f.client, kAccount, emptyData(), api::CallKind::Read);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.describe()));
        QCOMPARE(f.sim->requestCount(kAccount), 2);
    }

    void droppedConnectionWriteIsUnknown()
    {
        testing::SimFixture f;
        const QString id = f.sim->heldIds(1).first();
        f.sim->addFault({sim::FaultKind::DropConnection, kRelease, 1, 0, {}});
        const api::ApiReply r = call(*f.client, kRelease, releaseBody(id), api::CallKind::Write);
        QCOMPARE(r.error.kind, Kind::Connection);
        QVERIFY(r.error.outcomeUnknown);
        QCOMPARE(f.sim->requestCount(kRelease), 1);
    }

    void timeout()
    {
        api::ClientOptions options = testing::SimFixture::fastOptions();
        options.timeoutMs = 300;
        options.maxReadRetries = 1;
        testing::SimFixture f({}, sim::demoCredentials(), options);
        f.sim->addFault({sim::FaultKind::NoResponse, kAccount, -1, 0, {}});
        QElapsedTimer t;
        t.start();
        const api::ApiReply r = call(*f.client, kAccount, emptyData(), api::CallKind::Read);
        QCOMPARE(r.error.kind, Kind::Timeout);
        QCOMPARE(f.sim->requestCount(kAccount), 2);
        QVERIFY(t.elapsed() < 5000);
    }

    void expiredBinding()
    {
        testing::SimFixture f({}, sim::expiredBindingCredentials());
        const api::ApiReply r = call(*f.client, kAccount, emptyData(), api::CallKind::Read);
        QCOMPARE(r.error.kind, Kind::BindingExpired);
        QCOMPARE(r.httpStatus, 418);
        QCOMPARE(r.error.code, u"err_xdk_binding_expired"_s);
        QVERIFY(r.error.message.contains(u"Access Key"_s));
    }

    void wrongSecretIsRejected()
    {
        api::Credentials wrong = sim::demoCredentials();
        wrong.secretKey = QString::fromLatin1(QByteArray("not the demo secret").toBase64());
        testing::SimFixture f({}, wrong);
        const api::ApiReply r = call(*f.client, kAccount, emptyData(), api::CallKind::Read);
        QCOMPARE(r.error.kind, Kind::Authentication);
        QCOMPARE(r.error.code, u"err_xdk_invalid_signature"_s);
        QCOMPARE(f.sim->requestCount(kAccount), 1);
    }

    void staleClockIsRejected()
    {
        api::ClientOptions options = testing::SimFixture::fastOptions();
        options.clock = [] {
            return QDateTime::currentDateTimeUtc().addSecs(-16 * 60);
        };
        testing::SimFixture f({}, sim::demoCredentials(), options);
        const api::ApiReply r = call(*f.client, kAccount, emptyData(), api::CallKind::Read);
        QCOMPARE(r.error.kind, Kind::Authentication);
        QVERIFY(r.error.message.contains(u"clock"_s));
    }

    void oauthTokenIsCachedAndMintedAgainOnce()
    {
        testing::SimFixture f({}, sim::demoOAuthCredentials());
        QVERIFY(!call(*f.client, kAccount, emptyData(), api::CallKind::Read).error.isError());
        QVERIFY(!call(*f.client, kAccount, emptyData(), api::CallKind::Read).error.isError());
        QCOMPARE(f.sim->requestCount(u"/oauth/token"_s), 1);
        f.sim->revokeTokens(); // the cached token is now unknown to the server
        const api::ApiReply r = call(*f.client, kAccount, emptyData(), api::CallKind::Read);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.describe()));
        QCOMPARE(f.sim->requestCount(u"/oauth/token"_s), 2);
        QCOMPARE(f.sim->requestCount(kAccount), 4);
        const QByteArray auth = f.sim->requests().last().headers.value("authorization");
        QVERIFY(auth.startsWith("Bearer "));
    }

    void wrongClientSecret()
    {
        api::Credentials wrong = sim::demoOAuthCredentials();
        wrong.clientSecret = u"wrong"_s;
        testing::SimFixture f({}, wrong);
        const api::ApiReply r = call(*f.client, kAccount, emptyData(), api::CallKind::Read);
        QCOMPARE(r.error.kind, Kind::Authentication);
        QCOMPARE(r.error.code, u"InvalidClientIdentifier"_s);
        QCOMPARE(f.sim->requestCount(kAccount), 0); // nothing sent without a token
    }

    void unknownTokenAfterRemintFailsOnce()
    {
        testing::SimFixture f({}, sim::demoOAuthCredentials());
        // Every token is refused: one re-mint and one retry, then a clear error, no loop.
        QVERIFY(!call(*f.client, kAccount, emptyData(), api::CallKind::Read).error.isError());
        f.sim->revokeTokens();
        api::ApiCall *c = f.client->post(kAccount, emptyData(), api::CallKind::Read);
        QObject::connect(f.client.get(), &api::ApiClient::tokenReady, f.client.get(),
                         [&] { f.sim->revokeTokens(); });
        QSignalSpy spy(c, &api::ApiCall::finished);
        api::ApiReply r;
        QObject::connect(c, &api::ApiCall::finished, c, [&] { r = c->reply(); });
        QVERIFY(spy.wait(10000));
        QCOMPARE(r.error.kind, Kind::Authentication);
        QCOMPARE(f.sim->requestCount(u"/oauth/token"_s), 2);
    }
};

QTEST_GUILESS_MAIN(TestClientFaults)
#include "test_client_faults.moc"
