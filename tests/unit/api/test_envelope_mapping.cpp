#include "core/api/apiclient.h"
#include "core/api/baseurlpolicy.h"
#include "tests/support/cannedserver.h"
#include "tests/support/testcredentials.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using Kind = api::ApiError::Kind;

Q_DECLARE_METATYPE(api::ApiError::Kind)
Q_DECLARE_METATYPE(api::CallKind)

class TestEnvelopeMapping : public QObject
{
    Q_OBJECT
private slots:
    void mapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<api::CallKind>("callKind");
        QTest::addColumn<api::ApiError::Kind>("expected");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("unknown");
        const QByteArray json = "application/json";
        QTest::newRow("ok") << 200 << json
                            << QByteArray(R"({"meta":{"status":200},"data":[{"a":1}],"fail":[]})")
                            << api::CallKind::Read << Kind::None << QString() << false;
        QTest::newRow("200 with fail only")
            << 200 << json
            << QByteArray(
                   R"({"meta":{"status":200},"data":[],"fail":[{"key":{"query":"x"},"errors":[{"code":"err_invalid_search_xml","message":"bad xml","retryable":false}]}]})")
            << api::CallKind::Read << Kind::Refused << u"err_invalid_search_xml"_s << false;
        QTest::newRow("401 signature")
            << 401 << json
            << QByteArray(
                   R"({"meta":{"status":401},"data":[],"fail":[{"errors":[{"code":"err_xdk_invalid_signature","message":"0004 Invalid Signature","retryable":false}]}]})")
            << api::CallKind::Read << Kind::Authentication << u"err_xdk_invalid_signature"_s
            << false;
        QTest::newRow("403")
            << 403 << json
            << QByteArray(R"({"fail":[{"errors":[{"code":"app_forbidden","message":"no"}]}]})")
            << api::CallKind::Read << Kind::Forbidden << u"app_forbidden"_s << false;
        QTest::newRow("418 binding")
            << 418 << json
            << QByteArray(
                   R"({"meta":{"status":418},"data":[],"fail":[{"errors":[{"code":"err_xdk_binding_expired","message":"Binding Expired"}]}]})")
            << api::CallKind::Read << Kind::BindingExpired << u"err_xdk_binding_expired"_s << false;
        QTest::newRow("400 no body") << 400 << json << QByteArray() << api::CallKind::Write
                                     << Kind::Http << u"mcdesk_http_400"_s << false;
        QTest::newRow("500 write") << 500 << json << QByteArray("{}") << api::CallKind::Write
                                   << Kind::Server << u"mcdesk_http_500"_s << true;
        QTest::newRow("html 502 write")
            << 502 << QByteArray("text/html") << QByteArray("<html>Bad gateway</html>")
            << api::CallKind::Write << Kind::Server << u"mcdesk_http_502"_s << true;
        QTest::newRow("malformed read")
            << 200 << json << QByteArray(R"({"meta":{"status":200},"data":[)")
            << api::CallKind::Read << Kind::Malformed << u"mcdesk_malformed_reply"_s << false;
        QTest::newRow("malformed write")
            << 200 << json << QByteArray("not json") << api::CallKind::Write << Kind::Malformed
            << u"mcdesk_malformed_reply"_s << true;
        QTest::newRow("redirect") << 302 << json << QByteArray() << api::CallKind::Read
                                  << Kind::Http << u"mcdesk_redirect"_s << false;
    }
    void mapping()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(api::CallKind, callKind);
        QFETCH(api::ApiError::Kind, expected);
        QFETCH(QString, code);
        QFETCH(bool, unknown);

        testing::CannedServer server;
        server.status = status;
        server.contentType = contentType;
        server.body = body;
        if (status == 302)
            server.extraHeaders = "Location: https://evil.example/api/x\r\n";
        api::ApiClient client;
        api::ClientOptions options;
        options.maxReadRetries = 0; // mapping only; retries have their own tests
        const api::Credentials credentials = testing::api1TestCredentials();
        QCOMPARE(client.configure(server.url(), credentials, options), QString());
        api::ApiCall *call =
            client.post(u"/api/test/call"_s, {{u"data"_s, QJsonArray()}}, callKind);
        QSignalSpy done(call, &api::ApiCall::finished);
        api::ApiReply reply;
        connect(call, &api::ApiCall::finished, this, [&] { reply = call->reply(); });
        QVERIFY(done.wait(5000));
        QCOMPARE(reply.error.kind, expected);
        QCOMPARE(reply.error.code, code);
        QCOMPARE(reply.error.outcomeUnknown, unknown);
        QCOMPARE(server.requests, 1);
        if (expected != Kind::None)
            QVERIFY2(!reply.error.message.isEmpty(), "every error says what failed");
        if (status == 302)
            QVERIFY(reply.error.message.contains(u"evil.example"_s));
    }

    void failuresParsed()
    {
        const QJsonArray fail =
            QJsonDocument::fromJson(
                R"([{"key":{"sender":"a@b","to":"c@d"},"errors":[{"field":"sender","code":"err_validation_invalid_email_address","message":"Email address is not valid","retryable":false}]},
                {"code":"InvalidClientIdentifier","message":"Client credentials are invalid"}])")
                .array();
        const QList<api::ItemFailure> f = api::parseFailures(fail);
        QCOMPARE(f.size(), 2);
        QCOMPARE(f[0].field, u"sender"_s);
        QCOMPARE(f[0].code, u"err_validation_invalid_email_address"_s);
        QCOMPARE(f[0].key.value(u"to"_s).toString(), u"c@d"_s);
        QCOMPARE(f[1].code, u"InvalidClientIdentifier"_s);
    }

    void baseUrlPolicy_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowCustom");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("eu https") << u"https://eu-api.mimecast.com"_s << false << true;
        QTest::newRow("services") << u"https://api.services.mimecast.com/"_s << false << true;
        QTest::newRow("pscom") << u"https://uspcom-api.mimecast-pscom-us.com"_s << false << true;
        QTest::newRow("http remote") << u"http://eu-api.mimecast.com"_s << false << false;
        QTest::newRow("lookalike")
            << u"https://eu-api.mimecast.com.evil.example"_s << false << false;
        QTest::newRow("suffix trick") << u"https://notmimecast.com"_s << false << false;
        QTest::newRow("custom refused") << u"https://proxy.corp.example"_s << false << false;
        QTest::newRow("custom allowed") << u"https://proxy.corp.example"_s << true << true;
        QTest::newRow("custom http") << u"http://proxy.corp.example"_s << true << false;
        QTest::newRow("loopback http") << u"http://127.0.0.1:8080"_s << false << true;
        QTest::newRow("localhost") << u"http://localhost:1"_s << false << true;
        QTest::newRow("ipv6 loopback") << u"http://[::1]:8080"_s << false << true;
        QTest::newRow("userinfo") << u"https://user:pw@eu-api.mimecast.com"_s << false << false;
        QTest::newRow("path") << u"https://eu-api.mimecast.com/api/x"_s << false << false;
        QTest::newRow("ftp") << u"ftp://127.0.0.1"_s << false << false;
    }
    void baseUrlPolicy()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowCustom);
        QFETCH(bool, accepted);
        QCOMPARE(api::BaseUrlPolicy::check(QUrl(url), allowCustom).isEmpty(), accepted);
    }
};

QTEST_GUILESS_MAIN(TestEnvelopeMapping)
#include "test_envelope_mapping.moc"
