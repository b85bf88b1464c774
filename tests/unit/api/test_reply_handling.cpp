// The reply policy (core/api/replyhandling.h) rule by rule, without a server: what one
// attempt's facts lead to (parse, retry after how long, remint, fail with which error), and the
// error an answer maps to.
#include "core/api/replyhandling.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using namespace mcdesk::api;
using Action = replies::Decision::Action;

Q_DECLARE_METATYPE(mcdesk::api::replies::Decision::Action)
Q_DECLARE_METATYPE(mcdesk::api::ApiError::Kind)
Q_DECLARE_METATYPE(mcdesk::api::CallKind)
Q_DECLARE_METATYPE(mcdesk::api::Credentials::Kind)

namespace {
// Jitter fixed at its bound minus one, so the test sees it was added and within bounds.
int maxJitter(int bound)
{
    return bound > 0 ? bound - 1 : 0;
}
} // namespace

class TestReplyHandling : public QObject
{
    Q_OBJECT
private slots:
    void classify_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QNetworkReply::NetworkError>("network");
        QTest::addColumn<bool>("truncated");
        QTest::addColumn<QByteArray>("reset");
        QTest::addColumn<CallKind>("kind");
        QTest::addColumn<Credentials::Kind>("auth");
        QTest::addColumn<int>("readRetries");
        QTest::addColumn<int>("rateRetries");
        QTest::addColumn<bool>("reminted");
        QTest::addColumn<Action>("action");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<ApiError::Kind>("errorKind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("unknown");

        const auto R = CallKind::Read;
        const auto W = CallKind::Write;
        const auto A1 = Credentials::Kind::Api1;
        const auto A2 = Credentials::Kind::Api2;
        const auto ok = QNetworkReply::NoError;
        const auto none = ApiError::Kind::None;
        // backoffBaseMs 500: 500 * 2^retries + jitter(251), jitter fixed at 250.
        QTest::newRow("200 read is parsed")
            << 200 << ok << false << QByteArray() << R << A1 << 0 << 0 << false << Action::Parse
            << 0 << none << QString() << false;
        QTest::newRow("4xx is parsed for its fail[] text")
            << 400 << ok << false << QByteArray() << W << A1 << 0 << 0 << false << Action::Parse
            << 0 << none << QString() << false;
        QTest::newRow("timeout read retries with backoff")
            << 0 << QNetworkReply::OperationCanceledError << false << QByteArray() << R << A1 << 0
            << 0 << false << Action::RetryRead << 750 << none << QString() << false;
        QTest::newRow("second drop waits twice as long")
            << 0 << QNetworkReply::RemoteHostClosedError << false << QByteArray() << R << A1 << 1
            << 0 << false << Action::RetryRead << 1250 << none << QString() << false;
        QTest::newRow("read out of retries fails")
            << 0 << QNetworkReply::RemoteHostClosedError << false << QByteArray() << R << A1 << 3
            << 0 << false << Action::Fail << 0 << ApiError::Kind::Connection
            << u"mcdesk_connection"_s << false;
        QTest::newRow("timeout write is never retried, outcome unknown")
            << 0 << QNetworkReply::OperationCanceledError << false << QByteArray() << W << A1 << 0
            << 0 << false << Action::Fail << 0 << ApiError::Kind::Timeout << u"mcdesk_timeout"_s
            << true;
        QTest::newRow("refused write did not reach the server")
            << 0 << QNetworkReply::ConnectionRefusedError << false << QByteArray() << W << A1 << 0
            << 0 << false << Action::Fail << 0 << ApiError::Kind::Connection
            << u"mcdesk_connection"_s << false;
        QTest::newRow("TLS failure is final even for a read")
            << 0 << QNetworkReply::SslHandshakeFailedError << false << QByteArray() << R << A1 << 0
            << 0 << false << Action::Fail << 0 << ApiError::Kind::Tls << u"mcdesk_tls"_s << false;
        QTest::newRow("short body on a write is a drop, unknown")
            << 200 << ok << true << QByteArray() << W << A1 << 0 << 0 << false << Action::Fail << 0
            << ApiError::Kind::Connection << u"mcdesk_connection"_s << true;
        QTest::newRow("short body on a read retries")
            << 200 << ok << true << QByteArray() << R << A1 << 0 << 0 << false << Action::RetryRead
            << 750 << none << QString() << false;
        QTest::newRow("429 waits X-RateLimit-Reset, even a write")
            << 429 << ok << false << QByteArray("1200") << W << A1 << 0 << 0 << false
            << Action::RetryRateLimited << 1249 << none << QString() << false;
        QTest::newRow("429 without a reset backs off by attempts")
            << 429 << ok << false << QByteArray("soon") << R << A1 << 0 << 1 << false
            << Action::RetryRateLimited << 10049 << none << QString() << false;
        QTest::newRow("429 out of retries fails, the write did not run")
            << 429 << ok << false << QByteArray("10") << W << A1 << 0 << 5 << false << Action::Fail
            << 0 << ApiError::Kind::RateLimited << u"mcdesk_rate_limited"_s << false;
        QTest::newRow("401 on API 2.0 mints once more")
            << 401 << ok << false << QByteArray() << W << A2 << 0 << 0 << false << Action::Remint
            << 0 << none << QString() << false;
        QTest::newRow("401 on API 2.0 after a remint is parsed")
            << 401 << ok << false << QByteArray() << W << A2 << 0 << 0 << true << Action::Parse << 0
            << none << QString() << false;
        QTest::newRow("401 on API 1.0 is parsed")
            << 401 << ok << false << QByteArray() << R << A1 << 0 << 0 << false << Action::Parse
            << 0 << none << QString() << false;
        QTest::newRow("redirect is never followed")
            << 302 << ok << false << QByteArray() << R << A1 << 0 << 0 << false << Action::Fail << 0
            << ApiError::Kind::Http << u"mcdesk_redirect"_s << false;
        QTest::newRow("503 read retries")
            << 503 << ok << false << QByteArray() << R << A1 << 2 << 0 << false << Action::RetryRead
            << 2250 << none << QString() << false;
        QTest::newRow("a huge reset is read in 64 bits and given up on")
            << 429 << ok << false << QByteArray("2147483647") << W << A1 << 0 << 0 << false
            << Action::Fail << 0 << ApiError::Kind::RateLimited << u"mcdesk_rate_limited"_s
            << false;
        QTest::newRow("a reset past the cap gives up")
            << 429 << ok << false << QByteArray("300001") << R << A1 << 0 << 0 << false
            << Action::Fail << 0 << ApiError::Kind::RateLimited << u"mcdesk_rate_limited"_s
            << false;
        QTest::newRow("a reset beyond 64 bits falls back to backing off")
            << 429 << ok << false << QByteArray("99999999999999999999") << R << A1 << 0 << 0
            << false << Action::RetryRateLimited << 5049 << none << QString() << false;
        QTest::newRow("Qt wanted to resend a write: refused, unknown")
            << 0 << QNetworkReply::ContentReSendError << false << QByteArray() << W << A1 << 0 << 0
            << false << Action::Fail << 0 << ApiError::Kind::Connection << u"mcdesk_connection"_s
            << true;
        QTest::newRow("a status, then the transfer failed (decompression)")
            << 200 << QNetworkReply::ProtocolFailure << false << QByteArray() << W << A1 << 0 << 0
            << false << Action::Fail << 0 << ApiError::Kind::Connection << u"mcdesk_connection"_s
            << true;
        QTest::newRow("Qt's error for a 404 is left to the status")
            << 404 << QNetworkReply::ContentNotFoundError << false << QByteArray() << R << A1 << 0
            << 0 << false << Action::Parse << 0 << none << QString() << false;
        QTest::newRow("500 write fails, outcome unknown")
            << 500 << ok << false << QByteArray() << W << A1 << 0 << 0 << false << Action::Fail << 0
            << ApiError::Kind::Server << u"mcdesk_http_500"_s << true;
    }

    void classify()
    {
        QFETCH(int, status);
        QFETCH(QNetworkReply::NetworkError, network);
        QFETCH(bool, truncated);
        QFETCH(QByteArray, reset);
        QFETCH(CallKind, kind);
        QFETCH(Credentials::Kind, auth);
        QFETCH(int, readRetries);
        QFETCH(int, rateRetries);
        QFETCH(bool, reminted);
        QFETCH(Action, action);
        QFETCH(int, delayMs);
        QFETCH(ApiError::Kind, errorKind);
        QFETCH(QString, code);
        QFETCH(bool, unknown);

        replies::ReplyFacts facts;
        facts.httpStatus = status;
        facts.networkError = network;
        facts.networkErrorText = u"network text"_s;
        facts.truncated = truncated;
        facts.rateLimitReset = reset;
        facts.location = "https://elsewhere.example/";
        replies::RetryState retries{readRetries, rateRetries, reminted};
        const replies::Decision d =
            replies::classify(facts, kind, auth, retries, ClientOptions(), maxJitter);
        QCOMPARE(d.action, action);
        QCOMPARE(d.delayMs, delayMs);
        QCOMPARE(d.error.kind, errorKind);
        QCOMPARE(d.error.code, code);
        QCOMPARE(d.error.outcomeUnknown, unknown);
        if (d.error.isError())
            QVERIFY2(!d.error.message.isEmpty(), "every failure says what happened");
        if (code == u"mcdesk_redirect"_s)
            QVERIFY(d.error.message.contains(u"https://elsewhere.example/"_s));
    }

    void ourOwnLimits()
    {
        replies::ReplyFacts facts;
        facts.httpStatus = 200;
        facts.networkError = QNetworkReply::OperationCanceledError;
        ClientOptions options;
        options.maxReplyBytes = 4 * 1024 * 1024;
        facts.abort = replies::ReplyFacts::Abort::TooLarge;
        replies::Decision d = replies::classify(facts, CallKind::Read, Credentials::Kind::Api1, {},
                                                options, maxJitter);
        QCOMPARE(d.action, Action::Fail); // the same read would be as large again
        QCOMPARE(d.error.code, u"mcdesk_reply_too_large"_s);
        QVERIFY(d.error.message.contains(u"4 MB"_s));

        options.timeoutMs = 3000; // an attempt may take twice that
        facts.abort = replies::ReplyFacts::Abort::Deadline;
        d = replies::classify(facts, CallKind::Write, Credentials::Kind::Api1, {}, options,
                              maxJitter);
        QCOMPARE(d.action, Action::Fail);
        QCOMPARE(d.error.kind, ApiError::Kind::Timeout);
        QVERIFY(d.error.outcomeUnknown);
        QVERIFY2(d.error.message.contains(u"within 6 s"_s), qPrintable(d.error.message));
        d = replies::classify(facts, CallKind::Read, Credentials::Kind::Api1, {}, options,
                              maxJitter);
        QCOMPARE(d.action, Action::RetryRead);
    }

    void noRetryPastTheCallDeadline()
    {
        replies::ReplyFacts facts;
        facts.httpStatus = 503;
        ClientOptions options;
        options.callDeadlineMs = 10000;
        replies::RetryState retries;
        retries.elapsedMs = 9500; // a 750 ms backoff would end past it
        replies::Decision d = replies::classify(facts, CallKind::Read, Credentials::Kind::Api1,
                                                retries, options, maxJitter);
        QCOMPARE(d.action, Action::Fail);
        QCOMPARE(d.error.code, u"mcdesk_http_503"_s);
        retries.elapsedMs = 1000;
        d = replies::classify(facts, CallKind::Read, Credentials::Kind::Api1, retries, options,
                              maxJitter);
        QCOMPARE(d.action, Action::RetryRead);
    }

    void rateLimitSaysWhenToTryAgain()
    {
        replies::ReplyFacts facts;
        facts.httpStatus = 429;
        facts.rateLimitReset = "3600000";
        facts.receivedUtc = QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);
        const replies::Decision d =
            replies::classify(facts, CallKind::Write, Credentials::Kind::Api1, {}, {}, maxJitter);
        QCOMPARE(d.action, Action::Fail);
        QVERIFY2(d.error.message.contains(u"until 2026-12-03 11:00:00 UTC"_s),
                 qPrintable(d.error.message));
    }

    void replyError_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<CallKind>("kind");
        QTest::addColumn<ApiError::Kind>("errorKind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("unknown");
        QTest::addColumn<QString>("mentions");

        const QByteArray refused =
            R"({"meta":{"status":200},"data":[],"fail":[{"errors":[{"code":"err_x","message":"no such id"}]}]})";
        QTest::newRow("ok") << 200 << QByteArray(R"({"meta":{},"data":[{"id":"a"}],"fail":[]})")
                            << CallKind::Read << ApiError::Kind::None << QString() << false
                            << QString();
        QTest::newRow("fail[] with data is per item, not an error")
            << 200
            << QByteArray(
                   R"({"data":[{"id":"a"}],"fail":[{"errors":[{"code":"err_x","message":"m"}]}]})")
            << CallKind::Write << ApiError::Kind::None << QString() << false << QString();
        QTest::newRow("fail[] alone: the function did not run")
            << 200 << refused << CallKind::Write << ApiError::Kind::Refused << u"err_x"_s << false
            << u"no such id"_s;
        QTest::newRow("not JSON on a write: unknown")
            << 200 << QByteArray("<html>") << CallKind::Write << ApiError::Kind::Malformed
            << u"mcdesk_malformed_reply"_s << true << u"not the JSON it should be"_s;
        QTest::newRow("JSON array is not the envelope")
            << 200 << QByteArray("[1]") << CallKind::Read << ApiError::Kind::Malformed
            << u"mcdesk_malformed_reply"_s << false << QString();
        QTest::newRow("401 keeps Mimecast's code and text")
            << 401
            << QByteArray(
                   R"({"fail":[{"errors":[{"code":"err_xdk_invalid_signature","message":"Invalid Signature"}]}]})")
            << CallKind::Read << ApiError::Kind::Authentication << u"err_xdk_invalid_signature"_s
            << false << u"Invalid Signature"_s;
        QTest::newRow("403 names the path")
            << 403 << QByteArray() << CallKind::Read << ApiError::Kind::Forbidden
            << u"mcdesk_http_403"_s << false << u"/api/x/y"_s;
        QTest::newRow("418 binding expired")
            << 418 << QByteArray("{}") << CallKind::Write << ApiError::Kind::BindingExpired
            << u"mcdesk_http_418"_s << false << u"Never Expires"_s;
        QTest::newRow("data as an object is named")
            << 200 << QByteArray(R"({"meta":{},"data":{},"fail":[]})") << CallKind::Read
            << ApiError::Kind::Malformed << u"mcdesk_malformed_reply"_s << false
            << u"`data` is not a list"_s;
        QTest::newRow("meta as a list is named")
            << 200 << QByteArray(R"({"meta":[],"data":[]})") << CallKind::Write
            << ApiError::Kind::Malformed << u"mcdesk_malformed_reply"_s << true
            << u"`meta` is not an object"_s;
        QTest::newRow("an empty 200 says so")
            << 200 << QByteArray() << CallKind::Read << ApiError::Kind::Malformed
            << u"mcdesk_malformed_reply"_s << false << u"empty"_s;
        QTest::newRow("other 4xx, no body")
            << 409 << QByteArray() << CallKind::Write << ApiError::Kind::Http
            << u"mcdesk_http_409"_s << false << u"HTTP 409"_s;
    }

    void replyError()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(CallKind, kind);
        QFETCH(ApiError::Kind, errorKind);
        QFETCH(QString, code);
        QFETCH(bool, unknown);
        QFETCH(QString, mentions);
        const ApiError e = replies::replyError(status, replies::parseEnvelope(body), kind,
                                               Credentials::Kind::Api1, u"/api/x/y"_s);
        QCOMPARE(e.kind, errorKind);
        QCOMPARE(e.code, code);
        QCOMPARE(e.outcomeUnknown, unknown);
        if (!mentions.isEmpty())
            QVERIFY2(e.message.contains(mentions), qPrintable(e.message));
    }

    void envelopeParts()
    {
        const replies::Envelope e = replies::parseEnvelope(
            R"({"meta":{"pagination":{"next":"t"}},"data":[1,2],"fail":[{"k":1}]})");
        QVERIFY(e.valid);
        QCOMPARE(e.meta.value(u"pagination"_s).toObject().value(u"next"_s).toString(), u"t"_s);
        QCOMPARE(e.data.size(), 2);
        QCOMPARE(e.fail.size(), 1);
        const replies::Envelope lenient =
            replies::parseEnvelope("{\"data\":[{\"subject\":\"caf\xff\"}]}");
        QVERIFY(lenient.valid);
        QVERIFY(lenient.note.contains(u"UTF-8"_s));
        QCOMPARE(lenient.data.at(0).toObject().value(u"subject"_s).toString(), u"caf\uFFFD"_s);
        const replies::Envelope bad = replies::parseEnvelope("{");
        QVERIFY(!bad.valid);
        QVERIFY(!bad.parseError.isEmpty());
    }

    void authAdviceNamesTheCredentials()
    {
        QVERIFY(replies::authAdvice(Credentials::Kind::Api1).contains(u"Access Key"_s));
        QVERIFY(replies::authAdvice(Credentials::Kind::Api2).contains(u"Client Secret"_s));
        QVERIFY(replies::httpErrorText(401, u"/p"_s, u"said this"_s, Credentials::Kind::Api2)
                    .contains(u"Mimecast said: said this."_s));
    }

    void clientClosed()
    {
        const ApiError write = replies::clientClosedError(true);
        QCOMPARE(write.code, kClientClosedCode);
        QVERIFY(write.outcomeUnknown);
        QVERIFY(!replies::clientClosedError(false).outcomeUnknown);
    }
};

QTEST_GUILESS_MAIN(TestReplyHandling)
#include "test_reply_handling.moc"
