#include "tests/unit/simulator/simtestclient.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk::sim;
using simtest::Caller;

namespace {
const auto kAccount = u"/api/account/get-account"_s;
const QJsonObject kEmpty{{u"data"_s, QJsonArray{}}};
} // namespace

class TestSimAuth : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SimulatorHost> m_sim;
    std::unique_ptr<Caller> m_caller;

    simtest::Reply sendSigned(const simtest::Headers &headers, const QString &path = kAccount)
    {
        return m_caller->post(path, R"({"data":[]})"_ba, headers);
    }
    void expectRefusal(const simtest::Reply &r, int status, const QString &code)
    {
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(r.json.value(u"meta"_s).toObject().value(u"status"_s).toInt(), status);
        QVERIFY(r.data().isEmpty());
        QCOMPARE(r.firstError().value(u"retryable"_s).toBool(true), false);
    }

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimulatorHost>(
            SimConfig().withSeed(1).withHeld(40).withArchive(40).withPolicies(3));
        QString error;
        QVERIFY2(m_sim->start(0, &error), qPrintable(error));
        QCOMPARE(m_sim->baseUrl().host(), u"127.0.0.1"_s);
        m_caller = std::make_unique<Caller>(m_sim->baseUrl());
    }

    void validSignatureAccepted()
    {
        const auto r = m_caller->api1(kAccount, kEmpty);
        QCOMPARE(r.status, 200);
        QVERIFY(r.fail().isEmpty());
        QCOMPARE(r.data().first()[u"accountName"_s].toString(), u"Demo Corp (simulator)"_s);
        QVERIFY(r.headers.value("date").endsWith(" GMT"));
        QVERIFY(r.headers.value("content-type").startsWith("application/json"));
        QVERIFY(r.headers.contains("x-ratelimit-limit"));
        QVERIFY(r.headers.contains("x-ratelimit-remaining"));
        QVERIFY(r.headers.contains("x-ratelimit-reset"));
    }

    void wrongSignatureRejected()
    {
        auto headers = simtest::signedHeaders(kAccount, demoCredentials());
        headers[3].second =
            "MC " + demoCredentials().accessKey.toUtf8() + ":tQnJqxgCY6s+zs6TPdS09smblQI=";
        const auto r = sendSigned(headers);
        expectRefusal(r, 401, u"err_xdk_invalid_signature"_s);
        QCOMPARE(r.firstError()[u"message"_s].toString(), u"0004 Invalid Signature"_s);
    }

    void keyUsedAsTextRejected()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        expectRefusal(sendSigned(simtest::signedHeaders(kAccount, demoCredentials(), now, true)),
                      401, u"err_xdk_invalid_signature"_s);
    }

    void signatureForAnotherPathRejected()
    {
        const auto headers =
            simtest::signedHeaders(u"/api/gateway/get-hold-summary-list"_s, demoCredentials());
        expectRefusal(sendSigned(headers), 401, u"err_xdk_invalid_signature"_s);
    }

    void dateWindow_data()
    {
        QTest::addColumn<int>("offsetSecs");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("16 min old") << -16 * 60 << false;
        QTest::newRow("16 min ahead") << 16 * 60 << false;
        QTest::newRow("14 min old") << -14 * 60 << true;
        QTest::newRow("14 min ahead") << 14 * 60 << true;
    }
    void dateWindow()
    {
        QFETCH(int, offsetSecs);
        QFETCH(bool, accepted);
        const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(offsetSecs);
        const auto r = sendSigned(simtest::signedHeaders(kAccount, demoCredentials(), when));
        if (accepted) {
            QCOMPARE(r.status, 200);
            return;
        }
        expectRefusal(r, 401, u"err_xdk_client_unauthorized"_s);
        QVERIFY(r.firstError()[u"message"_s].toString().contains(u"15 minute"_s));
    }

    void missingOrBadDateRejected()
    {
        auto headers = simtest::signedHeaders(kAccount, demoCredentials());
        headers[0].second = "yesterday";
        expectRefusal(sendSigned(headers), 401, u"err_xdk_client_unauthorized"_s);
        headers.removeAt(0);
        expectRefusal(sendSigned(headers), 401, u"err_xdk_client_unauthorized"_s);
    }

    void unknownAccessKeyRejected()
    {
        auto creds = demoCredentials();
        creds.accessKey = u"not-a-known-access-key"_s;
        expectRefusal(m_caller->api1(kAccount, kEmpty, creds), 401,
                      u"err_xdk_client_unauthorized"_s);
    }

    void unknownAppIdRejected()
    {
        auto creds = demoCredentials();
        creds.appId = u"00000000-0000-0000-0000-000000000000"_s;
        expectRefusal(m_caller->api1(kAccount, kEmpty, creds), 401, u"err_developer_key"_s);
    }

    void missingAuthorizationRejected()
    {
        expectRefusal(m_caller->post(kAccount, R"({"data":[]})"_ba, {}), 401,
                      u"err_xdk_client_unauthorized"_s);
    }

    void expiredBindingIs418()
    {
        const auto r = m_caller->api1(kAccount, kEmpty, expiredBindingCredentials());
        expectRefusal(r, 418, u"err_xdk_binding_expired"_s);
        QCOMPARE(r.firstError()[u"message"_s].toString(), u"Binding Expired"_s);
    }

    void tokenMintedAndAccepted()
    {
        const auto c = demoOAuthCredentials();
        const auto r = m_caller->token(c.clientId, c.clientSecret);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json[u"token_type"_s].toString(), u"Bearer"_s);
        QCOMPARE(r.json[u"expires_in"_s].toInt(), 1800);
        const QString token = r.json[u"access_token"_s].toString();
        QVERIFY(token.size() >= 32);
        const auto call = m_caller->bearer(kAccount, kEmpty, token);
        QCOMPARE(call.status, 200);
        QCOMPARE(call.data().size(), 1);
    }

    void badClientSecretRejected()
    {
        const auto r = m_caller->token(demoOAuthCredentials().clientId, u"wrong"_s);
        QCOMPARE(r.status, 401);
        const QJsonObject fail = r.json[u"fail"_s].toArray().first().toObject();
        QCOMPARE(fail[u"code"_s].toString(), u"InvalidClientIdentifier"_s);
        QCOMPARE(fail[u"message"_s].toString(), u"Client credentials are invalid"_s);
    }

    void wrongGrantTypeRejected()
    {
        const auto c = demoOAuthCredentials();
        QCOMPARE(m_caller->token(c.clientId, c.clientSecret, u"password"_s).status, 400);
    }

    void unknownTokenRejected()
    {
        expectRefusal(m_caller->bearer(kAccount, kEmpty, u"not-a-token"_s), 401,
                      u"err_xdk_client_unauthorized"_s);
    }

    void revokedTokenRejected()
    {
        const QString token = m_caller->mintToken();
        QCOMPARE(m_caller->bearer(kAccount, kEmpty, token).status, 200);
        m_sim->revokeTokens();
        QCOMPARE(m_caller->bearer(kAccount, kEmpty, token).status, 401);
        QCOMPARE(m_caller->bearer(kAccount, kEmpty, m_caller->mintToken()).status, 200);
    }

    void expiredTokenRejected()
    {
        SimulatorHost sim(
            SimConfig().withSeed(1).withHeld(5).withArchive(5).withPolicies(1).withTokenTtl(
                0)); // tokens expire the moment they exist
        QVERIFY(sim.start());
        Caller caller(sim.baseUrl());
        const QString token = caller.mintToken();
        QVERIFY(!token.isEmpty());
        QCOMPARE(caller.bearer(kAccount, kEmpty, token).status, 401);
    }

    void discoverNeedsNoAuthorization()
    {
        const QString path = u"/api/login/discover-authentication"_s;
        const auto known = m_caller->post(
            path, R"({"data":[{"emailAddress":"alice.smith@demo.example"}]})"_ba, {});
        QCOMPARE(known.status, 200);
        QCOMPARE(known.data().first()[u"region"_s][u"api"_s].toString(),
                 m_sim->baseUrl().toString());
        const auto unknown = m_caller->post(
            path, R"({"data":[{"emailAddress":"someone@elsewhere.example"}]})"_ba, {});
        QCOMPARE(unknown.status, 200);
        QVERIFY(!unknown.data().first().toObject().contains(u"region"_s));
    }
};

QTEST_GUILESS_MAIN(TestSimAuth)
#include "test_sim_auth.moc"
