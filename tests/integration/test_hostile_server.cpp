// mcdesk-cli against a server that misbehaves on purpose, as an attacker or a broken proxy
// would: every case ends by itself within its bound, with a clear error, bounded memory, and
// every write received at most once (the server counts the requests and their x-mc-req-id).
#include "tests/support/clirun.h"
#include "tests/support/hostileserver.h"
#include "tests/support/testcredentials.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using Mode = testing::HostileServer::Mode;

namespace {

const QByteArray kHeldPage =
    R"({"meta":{"status":200,"pagination":{"pageSize":10,"totalCount":1}},"data":[{"id":"m1","from":{"emailAddress":"a@b.example"},"subject":"s"}],"fail":[]})";

// What "bounded" means here: well under what the 200 MB streams would cost if kept, with room
// for AddressSanitizer's shadow memory and quarantine in the sanitizer build.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kPeakBoundMb = 900;
#else
constexpr long kPeakBoundMb = 250;
#endif

// The largest resident size any finished child reached, in MB (Linux reports KB).
long childPeakMb()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

class TestHostileServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

    struct Run
    {
        testing::CliRun cli;
        qint64 elapsedMs = 0;
        // The failure's code: of the read, or of the first item of a write.
        QString code() const
        {
            const QJsonObject result = cli.json[u"result"_s].toObject();
            if (result.contains(u"error"_s))
                return result[u"error"_s][u"code"_s].toString();
            return result[u"items"_s][0][u"error"_s][u"code"_s].toString();
        }
        QString text() const { return cli.out + cli.err; }
    };

    Run cli(const QUrl &base, QStringList args)
    {
        const QProcessEnvironment env =
            testing::cliEnvironment(m_home.path(), base, testing::api1TestCredentials());
        QElapsedTimer t;
        t.start();
        Run r{testing::runCli(args, env), 0};
        r.elapsedMs = t.elapsed();
        qInfo("exit %d after %lld ms: %s", r.cli.exitCode, r.elapsedMs,
              qPrintable(r.cli.json.value(u"message"_s).toString()));
        return r;
    }

    // --max-pause 0: a job whose connection is lost stops at once (kept in the journal) rather
    // than waiting for it to come back; so each case ends within its own bound.
    static QStringList release()
    {
        return {u"release-message"_s, u"--message-id"_s, u"m1"_s, u"--max-pause"_s, u"0"_s};
    }
    static QStringList listHeld() { return {u"list-held"_s, u"--limit"_s, u"10"_s}; }

private slots:
    void neverAnswering()
    {
        testing::HostileServer server;
        server.mode = Mode::Silent;
        const QUrl url = server.start();
        const Run r = cli(url, release() << u"--timeout"_s << u"2"_s);
        QCOMPARE(r.cli.exitCode, 3); // the connection failed
        QVERIFY2(r.elapsedMs < 8000, qPrintable(QString::number(r.elapsedMs)));
        QCOMPARE(server.requests(), 1);
        QVERIFY2(r.text().contains(u"unknown"_s, Qt::CaseInsensitive), qPrintable(r.text()));
        QVERIFY2(!r.cli.err.contains(u"QIODevice"_s), qPrintable(r.cli.err));
    }

    void aWriteIsNeverResentAfterAReset()
    {
        testing::HostileServer server;
        server.mode = Mode::ResetAfterRead;
        const QUrl url = server.start();
        const Run r = cli(url, release() << u"--timeout"_s << u"5"_s);
        QCOMPARE(r.cli.exitCode, 3);    // the connection failed
        QCOMPARE(server.requests(), 1); // Qt 6.4 would resend it on a new connection
        QCOMPARE(server.requestIds().size(), 1);
        QVERIFY2(r.text().contains(u"unknown"_s, Qt::CaseInsensitive), qPrintable(r.text()));
    }

    void aReadIsRetriedAfterAResetAndStillEnds()
    {
        testing::HostileServer server;
        server.mode = Mode::ResetAfterRead;
        const QUrl url = server.start();
        const Run r = cli(url, listHeld() << u"--timeout"_s << u"5"_s);
        QCOMPARE(r.cli.exitCode, 3);     // the connection failed
        QVERIFY(server.requests() >= 2); // our retries, bounded
        QVERIFY(server.requests() <= 8);
        QVERIFY(r.elapsedMs < 30000);
    }

    void resetMidBody()
    {
        testing::HostileServer server;
        server.mode = Mode::ResetMidBody;
        const QUrl url = server.start();
        const Run r = cli(url, release());
        QCOMPARE(r.cli.exitCode, 3); // the connection failed
        QCOMPARE(server.requests(), 1);
        QVERIFY2(r.text().contains(u"unknown"_s, Qt::CaseInsensitive), qPrintable(r.text()));
    }

    void shortBodyThenACleanClose()
    {
        testing::HostileServer server;
        server.mode = Mode::ShortBody;
        const QUrl url = server.start();
        const Run write = cli(url, release());
        QCOMPARE(write.cli.exitCode, 3); // the connection failed
        QCOMPARE(server.requests(), 1);
        QVERIFY2(write.text().contains(u"unknown"_s, Qt::CaseInsensitive),
                 qPrintable(write.text()));
        const Run read = cli(url, listHeld());
        QCOMPARE(read.cli.exitCode, 3);
        QCOMPARE(server.requests(), 1 + 4); // a read is retried three times, then gives up
    }

    void slowDripEndsAtTheAttemptDeadline()
    {
        testing::HostileServer server;
        server.mode = Mode::Drip;
        const QUrl url = server.start();
        const Run r = cli(url, release() << u"--timeout"_s << u"2"_s);
        QCOMPARE(r.cli.exitCode, 3); // the connection failed
        QVERIFY2(r.elapsedMs < 10000, qPrintable(QString::number(r.elapsedMs)));
        QCOMPARE(r.code(), u"mcdesk_timeout"_s);
        QVERIFY2(r.text().contains(u"within 4 s"_s), qPrintable(r.text()));
        QCOMPARE(server.requests(), 1);
    }

    void hugeDeclaredBodyIsRefusedAtTheHeaders()
    {
        testing::HostileServer server;
        server.mode = Mode::Stream;
        server.streamBytes = 200LL * 1024 * 1024;
        const QUrl url = server.start();
        const Run r = cli(url, listHeld() << u"--max-reply-mb"_s << u"4"_s);
        QCOMPARE(r.cli.exitCode, 1);
        QCOMPARE(r.code(), u"mcdesk_reply_too_large"_s);
        QVERIFY2(r.text().contains(u"larger than 4 MB"_s), qPrintable(r.text()));
        QCOMPARE(server.requests(), 1); // too large is not retried
    }

    void hugeUndeclaredBodyIsCutOffWhileReceiving()
    {
        testing::HostileServer server;
        server.mode = Mode::Stream;
        server.streamBytes = 200LL * 1024 * 1024;
        server.streamDeclaresLength = false;
        const QUrl url = server.start();
        const Run r = cli(url, listHeld()); // the default cap, 64 MB
        QCOMPARE(r.cli.exitCode, 1);
        QCOMPARE(r.code(), u"mcdesk_reply_too_large"_s);
        const long peak = childPeakMb();
        qInfo("server sent %lld MB; mcdesk-cli peak resident size so far: %ld MB",
              server.bytesSent() / (1024 * 1024), peak);
        QVERIFY2(server.bytesSent() < 150LL * 1024 * 1024, "the client stopped reading");
        QVERIFY2(peak < kPeakBoundMb, qPrintable(QString::number(peak)));
    }

    void headerFloodEnds()
    {
        testing::HostileServer server;
        server.mode = Mode::HeaderFlood;
        const QUrl url = server.start();
        const Run r = cli(url, listHeld() << u"--timeout"_s << u"2"_s);
        QCOMPARE(r.cli.exitCode, 3); // the connection failed
        QVERIFY2(r.elapsedMs < 60000, qPrintable(QString::number(r.elapsedMs)));
        const long peak = childPeakMb();
        QVERIFY2(peak < kPeakBoundMb, qPrintable(QString::number(peak)));
    }

    void rateLimitedForeverGivesUp()
    {
        testing::HostileServer server;
        server.status = 429;
        server.extraHeaders = "X-RateLimit-Reset: 50\r\n";
        server.body = "{}";
        const QUrl url = server.start();
        const Run r = cli(url, release());
        QCOMPARE(r.cli.exitCode, 1);
        QCOMPARE(r.code(), u"mcdesk_rate_limited"_s);
        QCOMPARE(server.requests(), 6); // the first and five retries: the write never ran
        QVERIFY(r.elapsedMs < 20000);
    }

    void hugeRateLimitResetGivesUpAtOnceAndSaysWhen()
    {
        testing::HostileServer server;
        server.status = 429;
        server.extraHeaders = "X-RateLimit-Reset: 2147483647\r\n";
        server.body = "{}";
        const QUrl url = server.start();
        const Run r = cli(url, release());
        QCOMPARE(r.cli.exitCode, 1);
        QCOMPARE(r.code(), u"mcdesk_rate_limited"_s);
        QVERIFY2(r.text().contains(u"until "_s), qPrintable(r.text()));
        QVERIFY(r.elapsedMs < 10000);
        QCOMPARE(server.requests(), 1);
    }

    void redirectToAnotherHostIsNotFollowed()
    {
        testing::HostileServer server;
        server.status = 302;
        server.extraHeaders = "Location: https://evil.example/api/gateway/hold-release\r\n";
        const QUrl url = server.start();
        const Run r = cli(url, release());
        QCOMPARE(r.cli.exitCode, 1);
        QVERIFY2(r.text().contains(u"evil.example"_s), qPrintable(r.text()));
        QCOMPARE(server.requests(), 1);
    }

    void htmlAndEmptyOkAreMalformed_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("names");
        QTest::newRow("html") << QByteArray("text/html") << QByteArray("<html>portal</html>")
                              << u"not the JSON"_s;
        QTest::newRow("empty") << QByteArray("application/json") << QByteArray() << u"empty"_s;
        QTest::newRow("data is an object")
            << QByteArray("application/json") << QByteArray(R"({"meta":{},"data":{},"fail":[]})")
            << u"`data` is not a list"_s;
        QTest::newRow("totalCount is text")
            << QByteArray("application/json")
            << QByteArray(R"({"meta":{"pagination":{"totalCount":"lots"}},"data":[],"fail":[]})")
            << u"totalCount"_s;
    }

    void htmlAndEmptyOkAreMalformed()
    {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, body);
        QFETCH(QString, names);
        testing::HostileServer server;
        server.contentType = type;
        server.body = body;
        const QUrl url = server.start();
        const Run r = cli(url, listHeld());
        QCOMPARE(r.cli.exitCode, 1);
        QCOMPARE(r.code(), u"mcdesk_malformed_reply"_s);
        QVERIFY2(r.text().contains(names), qPrintable(r.text()));
    }

    void itemsWithoutAUsableIdAreSkippedAndCounted()
    {
        testing::HostileServer server;
        server.body =
            R"({"meta":{"pagination":{"totalCount":4}},"data":[{"id":"m1","from":"x@y.example"},{"id":7},"text",{"id":"m2"}],"fail":[]})";
        const QUrl url = server.start();
        const Run r = cli(url, listHeld());
        QCOMPARE(r.cli.exitCode, 0);
        const QJsonArray messages = r.cli.json[u"result"_s][u"messages"_s].toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0)[u"id"_s].toString(), u"m1"_s);
        QCOMPARE(r.cli.json[u"result"_s][u"skipped"_s].toInt(), 2);
        QVERIFY(r.cli.json[u"message"_s].toString().contains(u"skipped"_s));
    }

    void aRepeatedPageTokenEndsPaging()
    {
        testing::HostileServer server;
        server.body =
            R"({"meta":{"pagination":{"next":"same","totalCount":100}},"data":[{"id":"m1"},{"id":"m2"}],"fail":[]})";
        const QUrl url = server.start();
        const Run r = cli(url, {u"list-held"_s, u"--limit"_s, u"50"_s});
        QCOMPARE(r.cli.exitCode, 0);
        QCOMPARE(server.requests(), 2); // the first page, and the one that repeated the token
        QVERIFY2(r.cli.json[u"message"_s].toString().contains(u"same page token"_s),
                 qPrintable(r.cli.out));
    }

    void oneInvalidUtf8ByteDoesNotCostThePage()
    {
        testing::HostileServer server;
        server.body = "{\"meta\":{},\"data\":[{\"id\":\"m1\",\"subject\":\"caf\xff\"}],"
                      "\"fail\":[]}";
        const QUrl url = server.start();
        const Run r = cli(url, listHeld());
        QCOMPARE(r.cli.exitCode, 0);
        QCOMPARE(r.cli.json[u"result"_s][u"messages"_s].toArray().size(), 1);
        QVERIFY(r.cli.json[u"message"_s].toString().contains(u"UTF-8"_s));
    }

    void compressionBombIsNamed()
    {
        testing::HostileServer server;
        // 128 MB of spaces in zlib's format (what "deflate" means on the wire), 127 KB on disk.
        // Read from a file: building it here would put 128 MB into this process, and a child
        // forked from it would count those pages as its own peak.
        QFile bomb(QStringLiteral(MCDESK_TEST_DATA) + u"/hostile/spaces-128mb.deflate"_s);
        QVERIFY(bomb.open(QIODevice::ReadOnly));
        server.body = bomb.readAll();
        server.extraHeaders = "Content-Encoding: deflate\r\n";
        const QUrl url = server.start();
        const Run r = cli(url, listHeld());
        QVERIFY(r.cli.exitCode == 1 || r.cli.exitCode == 3);
        QVERIFY2(!r.text().contains(u"not valid JSON"_s), qPrintable(r.text()));
        QVERIFY2(r.code() == u"mcdesk_reply_too_large"_s ||
                     r.code() == u"mcdesk_decompression_failed"_s,
                 qPrintable(r.text()));
        const long peak = childPeakMb();
        QVERIFY2(peak < kPeakBoundMb, qPrintable(QString::number(peak)));
    }
};

QTEST_GUILESS_MAIN(TestHostileServer)
#include "test_hostile_server.moc"
