#include "tests/unit/simulator/simtestclient.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk::sim;
using simtest::Caller;

namespace {
const auto kAccount = u"/api/account/get-account"_s;
const auto kRelease = u"/api/gateway/hold-release"_s;
const QJsonObject kEmpty{{u"data"_s, QJsonArray{}}};

FaultRule rule(FaultKind kind, const QString &path = {}, int times = 1)
{
    FaultRule r{kind, path, times, 100, {}};
    return r;
}
} // namespace

class TestSimFaults : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SimulatorHost> m_sim;
    std::unique_ptr<Caller> m_caller;

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimulatorHost>(
            SimConfig().withSeed(9).withHeld(60).withArchive(30).withPolicies(2));
        QVERIFY(m_sim->start());
        m_caller = std::make_unique<Caller>(m_sim->baseUrl());
    }
    void init()
    {
        m_sim->clearFaults();
        m_sim->setLatency(0);
    }

    void rateLimitedSetsResetAndSkipsFunction()
    {
        FaultRule limited = rule(FaultKind::RateLimited, kRelease);
        limited.rateLimitResetMs = 250;
        m_sim->addFault(limited);
        const QString id = m_sim->heldIds(1).first();
        const auto r = m_caller->api1(kRelease, simtest::body({{u"id"_s, id}}));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.headers.value("x-ratelimit-reset"), "250"_ba);
        QCOMPARE(r.headers.value("x-ratelimit-remaining"), "0"_ba);
        QVERIFY(m_sim->isHeld(id)); // the function did not run
        const auto retry = m_caller->api1(kRelease, simtest::body({{u"id"_s, id}}));
        QCOMPARE(retry.status, 200);
        QVERIFY(!m_sim->isHeld(id));
    }

    void serverErrorIsJson()
    {
        m_sim->addFault(rule(FaultKind::ServerError));
        const auto r = m_caller->api1(kAccount, kEmpty);
        QCOMPARE(r.status, 500);
        QCOMPARE(r.errorCode(), u"err_internal_server_error"_s);
        QCOMPARE(m_caller->api1(kAccount, kEmpty).status, 200);
    }

    void htmlErrorPage()
    {
        m_sim->addFault(rule(FaultKind::HtmlErrorPage, kAccount));
        const auto r = m_caller->api1(kAccount, kEmpty);
        QCOMPARE(r.status, 502);
        QVERIFY(r.headers.value("content-type").startsWith("text/html"));
        QVERIFY(r.body.startsWith("<!DOCTYPE html>"));
    }

    void malformedJson()
    {
        m_sim->addFault(rule(FaultKind::MalformedJson, kAccount));
        const auto r = m_caller->api1(kAccount, kEmpty);
        QCOMPARE(r.status, 200);
        QJsonParseError error;
        QJsonDocument::fromJson(r.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    }

    void dropConnection()
    {
        m_sim->clearRequests();
        m_sim->addFault(rule(FaultKind::DropConnection, kAccount));
        const auto r = m_caller->api1(kAccount, kEmpty);
        QVERIFY(r.finished);
        QCOMPARE(r.error, QNetworkReply::RemoteHostClosedError);
        // One attempt only: the drop comes mid-reply, so Qt does not resend on its own.
        QCOMPARE(m_sim->requestCount(kAccount), 1);
        QCOMPARE(m_sim->requests().constLast().status, 0);
        QCOMPARE(m_caller->api1(kAccount, kEmpty).status, 200);
    }

    void noResponseHoldsOnlyThatConnection()
    {
        m_sim->addFault(rule(FaultKind::NoResponse, kAccount));
        m_sim->clearRequests();
        QNetworkAccessManager nam;
        const auto headers = simtest::signedHeaders(kAccount, demoCredentials());
        QNetworkReply *hanging =
            nam.post(m_caller->request(kAccount, headers, 1500), R"({"data":[]})"_ba);
        QTRY_COMPARE(m_sim->requestCount(kAccount), 1);
        // Another request is answered while the first one waits.
        const auto other = m_caller->api1(u"/api/gateway/get-hold-summary-list"_s, kEmpty);
        QCOMPARE(other.status, 200);
        QVERIFY(!hanging->isFinished());
        const auto r = Caller::wait(hanging, 1500);
        QVERIFY(r.finished);
        QVERIFY(r.error != QNetworkReply::NoError); // timed out on the client side
        QCOMPARE(r.status, 0);
    }

    void bindingExpiredFault()
    {
        m_sim->addFault(rule(FaultKind::BindingExpired));
        const auto r = m_caller->api1(kAccount, kEmpty);
        QCOMPARE(r.status, 418);
        QCOMPARE(r.errorCode(), u"err_xdk_binding_expired"_s);
    }

    void itemFailureFailsOnlyNamedIds()
    {
        const QStringList ids = m_sim->heldIds(3);
        FaultRule failing = rule(FaultKind::ItemFailure, kRelease);
        failing.itemIds = {ids[1]};
        m_sim->addFault(failing);
        QJsonArray data;
        for (const auto &id : ids)
            data.append(QJsonObject{{u"id"_s, id}});
        const auto r = m_caller->api1(kRelease, {{u"data"_s, data}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().size(), 2);
        QCOMPARE(r.fail().size(), 1);
        QCOMPARE(r.fail().first()[u"key"_s][u"id"_s].toString(), ids[1]);
        QVERIFY(r.errorCode().startsWith(u"err_"_s));
        QVERIFY(!m_sim->isHeld(ids[0]));
        QVERIFY(m_sim->isHeld(ids[1]));
        QVERIFY(!m_sim->isHeld(ids[2]));
    }

    void rulesConsumedInOrderPerPath()
    {
        m_sim->addFault(rule(FaultKind::ServerError, kAccount, 2));
        m_sim->addFault(rule(FaultKind::RateLimited));
        const QString summary = u"/api/gateway/get-hold-summary-list"_s;
        QCOMPARE(m_caller->api1(summary, kEmpty).status, 429);
        QCOMPARE(m_caller->api1(summary, kEmpty).status, 200);
        QCOMPARE(m_caller->api1(kAccount, kEmpty).status, 500);
        QCOMPARE(m_caller->api1(kAccount, kEmpty).status, 500);
        QCOMPARE(m_caller->api1(kAccount, kEmpty).status, 200);
    }

    void foreverUntilCleared()
    {
        m_sim->addFault(rule(FaultKind::ServerError, kAccount, -1));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_caller->api1(kAccount, kEmpty).status, 500);
        m_sim->clearFaults();
        QCOMPARE(m_caller->api1(kAccount, kEmpty).status, 200);
    }

    void latencyDelaysReplies()
    {
        m_sim->setLatency(250);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m_caller->api1(kAccount, kEmpty).status, 200);
        QVERIFY(timer.elapsed() >= 240);
    }

    void requestLogRecordsBodies()
    {
        m_sim->clearRequests();
        const QJsonObject body{{u"data"_s, QJsonArray{QJsonObject{{u"marker"_s, u"xyz"_s}}}}};
        QCOMPARE(m_caller->api1(kAccount, body).status, 200);
        QCOMPARE(m_sim->requestCount(kAccount), 1);
        const RecordedRequest r = m_sim->requests().constLast();
        QCOMPARE(r.method, u"POST"_s);
        QCOMPARE(r.path, kAccount);
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object(), body);
        QVERIFY(r.headers.value("authorization").startsWith("MC "));
        QVERIFY(r.headers.contains("x-mc-req-id"));
        m_sim->clearRequests();
        QCOMPARE(m_sim->requestCount(kAccount), 0);
    }

    void otherMethodsAre405()
    {
        QNetworkReply *reply = m_caller->nam().get(m_caller->request(kAccount, {}, 5000));
        const auto r = Caller::wait(reply, 5000);
        QCOMPARE(r.status, 405);
        QCOMPARE(r.headers.value("allow"), "POST"_ba);
    }

    void unknownPathIs404AndBadJsonIs400()
    {
        const auto r = m_caller->api1(u"/api/nothing/here"_s, kEmpty);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json[u"meta"_s][u"status"_s].toInt(), 404);
        const auto bad = m_caller->post(kAccount, "{not json",
                                        simtest::signedHeaders(kAccount, demoCredentials()));
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorCode(), u"err_validation_invalid_json"_s);
    }

    void faultSpecParsing()
    {
        auto r = parseFaultSpec(u"rate-limited:/api/account/get-account:3"_s);
        QVERIFY(r);
        QCOMPARE(r->kind, FaultKind::RateLimited);
        QCOMPARE(r->path, u"/api/account/get-account"_s);
        QCOMPARE(r->times, 3);
        r = parseFaultSpec(u"DropConnection::-1"_s);
        QVERIFY(r);
        QCOMPARE(r->kind, FaultKind::DropConnection);
        QVERIFY(r->path.isEmpty());
        QCOMPARE(r->times, -1);
        r = parseFaultSpec(u"item-failure:/api/gateway/hold-release:1:a,b"_s);
        QCOMPARE(r->itemIds, (QStringList{u"a"_s, u"b"_s}));
        QString error;
        QVERIFY(!parseFaultSpec(u"meteor-strike"_s, &error));
        QVERIFY(error.contains(u"meteor-strike"_s));
        QVERIFY(!parseFaultSpec(u"server-error:/x:0"_s));
    }
};

QTEST_GUILESS_MAIN(TestSimFaults)
#include "test_sim_faults.moc"
