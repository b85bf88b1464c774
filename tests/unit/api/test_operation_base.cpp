// The operation base (core/api/operation.h): start, cancel and one finished() with an error,
// for a call, a paged read and a batched write; and what destroying the client does to calls
// still unanswered. A server that reads requests and never answers keeps them in flight.
#include "core/api/apiclient.h"
#include "core/api/batchwrite.h"
#include "core/api/pagedcall.h"
#include "core/common/latestrequest.h"
#include "tests/support/testcredentials.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace mcdesk;

namespace {

// Counts requests (one per header block) and never answers.
class SilentServer : public QTcpServer
{
public:
    int requests = 0;
    SilentServer()
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket,
                        [this, socket] { requests += int(socket->readAll().count("POST ")); });
            }
        });
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(serverPort())); }
};

std::unique_ptr<api::ApiClient> clientFor(const QUrl &url)
{
    auto client = std::make_unique<api::ApiClient>();
    const api::Credentials credentials = testing::api1TestCredentials();
    api::ClientOptions options;
    options.timeoutMs = 60000; // the test decides when a call ends
    if (!client->configure(url, credentials, options).isEmpty())
        return nullptr;
    return client;
}

class TwoKeyWrite : public api::BatchWrite
{
public:
    TwoKeyWrite(api::ApiClient *client)
        : BatchWrite(client, u"/api/test/write"_s, {u"a"_s, u"b"_s}, 1)
    {}

protected:
    QJsonArray dataFor(const QStringList &batch) const override
    {
        return QJsonArray{QJsonObject{{u"id"_s, batch.first()}}};
    }
};

} // namespace

class TestOperationBase : public QObject
{
    Q_OBJECT
private slots:
    void destroyingTheClientFinishesALiveRead()
    {
        SilentServer server;
        auto client = clientFor(server.url());
        QVERIFY(client);
        api::ApiCall *call = client->post(u"/api/test/read"_s, {}, api::CallKind::Read);
        QSignalSpy finished(call, &api::Operation::finished);
        api::ApiError error;
        connect(call, &api::ApiCall::finished, this, [&] { error = call->reply().error; });
        QTRY_COMPARE(server.requests, 1);
        QVERIFY(call->isInFlight());
        client.reset();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(error.code, api::kClientClosedCode);
        QVERIFY(!error.outcomeUnknown);
        QVERIFY(error.message.contains(u"closed"_s));
    }

    void aWriteOnTheWireIsUnknownWhenTheClientCloses()
    {
        SilentServer server;
        auto client = clientFor(server.url());
        QVERIFY(client);
        api::ApiCall *call = client->post(u"/api/test/write"_s, {}, api::CallKind::Write);
        api::ApiError error;
        connect(call, &api::ApiCall::finished, this, [&] { error = call->reply().error; });
        QTRY_COMPARE(server.requests, 1);
        client.reset();
        QCOMPARE(error.code, api::kClientClosedCode);
        QVERIFY2(error.outcomeUnknown, "it reached Mimecast and may have run");
    }

    void aCallNotYetSentFinishesWithoutBeingSent()
    {
        SilentServer server;
        auto client = clientFor(server.url());
        QVERIFY(client);
        api::ApiCall *call = client->post(u"/api/test/write"_s, {}, api::CallKind::Write);
        QSignalSpy finished(call, &api::Operation::finished);
        api::ApiError error;
        connect(call, &api::ApiCall::finished, this, [&] { error = call->reply().error; });
        client.reset(); // before the event loop sent it
        QCOMPARE(finished.count(), 1);
        QCOMPARE(error.code, api::kClientClosedCode);
        QVERIFY2(!error.outcomeUnknown, "nothing reached Mimecast");
        QTest::qWait(50); // a send posted before the close must not go out
        QCOMPARE(server.requests, 0);
    }

    void aBatchedWriteStopsAtTheCloseAndNamesWhatWasNotSent()
    {
        SilentServer server;
        auto client = clientFor(server.url());
        QVERIFY(client);
        TwoKeyWrite write(client.get());
        QSignalSpy finished(&write, &api::Operation::finished);
        write.start();
        QTRY_COMPARE(server.requests, 1);
        client.reset();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(write.requestsSent(), 1);
        QCOMPARE(write.outcomes().size(), 2);
        QCOMPARE(write.outcomes().at(1).key, u"b"_s);
        QCOMPARE(write.outcomes().at(1).status, api::ItemOutcome::Status::Failed);
        QCOMPARE(write.outcomes().at(1).code, api::kClientClosedCode);
        QCOMPARE(write.error().code, api::kClientClosedCode);
        QTest::qWait(50);
        QCOMPARE(server.requests, 1);
    }

    void cancelBeforeStartSendsNothing()
    {
        SilentServer server;
        auto client = clientFor(server.url());
        QVERIFY(client);
        api::PagedCall paged(client.get(), u"/api/test/list"_s, {}, 10, 10, {});
        QSignalSpy finished(&paged, &api::Operation::finished);
        paged.cancel();
        QCOMPARE(finished.count(), 0); // never from inside cancel()
        QVERIFY(finished.wait(1000));
        QCOMPARE(paged.error().kind, api::ApiError::Kind::Cancelled);
        paged.start(); // after cancel(): nothing
        paged.cancel();
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(server.requests, 0);
    }

    void cancelAbortsAReadOnTheWire()
    {
        SilentServer server;
        auto client = clientFor(server.url());
        QVERIFY(client);
        api::PagedCall paged(client.get(), u"/api/test/list"_s, {}, 10, 10, {});
        QSignalSpy finished(&paged, &api::Operation::finished);
        paged.start();
        QTRY_COMPARE(server.requests, 1);
        paged.cancel();
        QVERIFY(finished.wait(1000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(paged.error().code, api::kCancelledCode);
    }

    void latestRequestWins()
    {
        common::LatestRequest latest;
        QVERIFY(!latest.isCurrent(0));
        QCOMPARE(latest.current(), 0u);
        const auto first = latest.next();
        QVERIFY(latest.isCurrent(first));
        const auto second = latest.next();
        QVERIFY(!latest.isCurrent(first));
        QVERIFY(latest.isCurrent(second));
        latest.invalidate();
        QVERIFY(!latest.isCurrent(second));
        QCOMPARE(latest.current(), 0u);
        const auto third = latest.next();
        QVERIFY(third > second);
        QVERIFY(latest.isCurrent(third));
    }
};

QTEST_GUILESS_MAIN(TestOperationBase)
#include "test_operation_base.moc"
