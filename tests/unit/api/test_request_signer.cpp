#include "core/api/requestsigner.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace mcdesk::api;

class TestRequestSigner : public QObject
{
    Q_OBJECT
private slots:
    void knownAnswer_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("get-account")
            << u"/api/account/get-account"_s << QByteArray("tQnJqxgCY6s+zs6TPdS09smblQI=");
        QTest::newRow("hold-list") << u"/api/gateway/get-hold-message-list"_s
                                   << QByteArray("RHZQ2CSIfaFDdIAdHWGCpF4coRA=");
    }
    void knownAnswer()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, expected);
        const QByteArray sig = RequestSigner::signature(
            "bWltZWNhc3QtdGVzdC1zZWNyZXQta2V5LTAxMjM0NTY3ODk=", u"Tue, 24 Nov 2015 12:50:11 UTC"_s,
            u"8578FCFC-A305-4D9A-99CB-F4D5ECEFE297"_s, path,
            u"11111111-2222-3333-4444-555555555555"_s);
        QCOMPARE(sig, expected);
    }
    void keyIsDecodedNotUsedAsText()
    {
        // The documented pitfall: signing with the base64 text as key gives this wrong value.
        const QByteArray sig = RequestSigner::signature(
            "bWltZWNhc3QtdGVzdC1zZWNyZXQta2V5LTAxMjM0NTY3ODk=", u"Tue, 24 Nov 2015 12:50:11 UTC"_s,
            u"8578FCFC-A305-4D9A-99CB-F4D5ECEFE297"_s, u"/api/account/get-account"_s,
            u"11111111-2222-3333-4444-555555555555"_s);
        QVERIFY(sig != QByteArray("5Jvd39wWrMW/fVjGclyTrY8UYrc="));
    }
    void httpDateIsEnglishUtc()
    {
        QLocale::setDefault(QLocale(QLocale::German));
        const QDateTime when(QDate(2015, 11, 24), QTime(13, 50, 11), QTimeZone(3600));
        QCOMPARE(RequestSigner::httpDate(when), u"Tue, 24 Nov 2015 12:50:11 UTC"_s);
        QCOMPARE(RequestSigner::parseHttpDate(u"Tue, 24 Nov 2015 12:50:11 UTC"_s), when.toUTC());
        QCOMPARE(RequestSigner::parseHttpDate(u"Tue, 24 Nov 2015 12:50:11 GMT"_s), when.toUTC());
        QVERIFY(!RequestSigner::parseHttpDate(u"yesterday"_s).isValid());
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_GUILESS_MAIN(TestRequestSigner)
#include "test_request_signer.moc"
