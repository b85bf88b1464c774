// The permit trap (core/held/permittrap.h): which envelope senders are per-message addresses
// of shared sending infrastructure, and which address a release & permit then names.
#include "core/held/permittrap.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk::held;

namespace {

HeldMessage message(const QString &envelope, const QString &header)
{
    HeldMessage m;
    m.id = u"held-1"_s;
    m.fromEnvelope.email = envelope;
    m.fromHeader.email = header;
    return m;
}

} // namespace

class TestPermitTrap : public QObject
{
    Q_OBJECT
private slots:
    void caught_data()
    {
        QTest::addColumn<QString>("envelope");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("service"); // in the reason, or empty for the token rule
        QTest::newRow("Amazon SES") << u"0100018c2f4e5a6b-5f2a-000000@amazonses.com"_s
                                    << u"news@vendor.example"_s << u"Amazon SES"_s;
        QTest::newRow("SES region subdomain")
            << u"010201@eu-west-1.amazonses.com"_s << u"news@vendor.example"_s << u"Amazon SES"_s;
        QTest::newRow("SendGrid") << u"bounces+4711-ab12-alice=corp.example@em12.sendgrid.net"_s
                                  << u"hello@shop.example"_s << u"SendGrid"_s;
        QTest::newRow("Mailchimp") << u"bounce-mc.us5_123.456-alice=corp.example@mail9.mcsv.net"_s
                                   << u"team@brand.example"_s << u"Mailchimp"_s;
        QTest::newRow("Mandrill") << u"bounce-md_31050260.6a1b@mandrillapp.com"_s
                                  << u"billing@saas.example"_s << u"Mandrill"_s;
        QTest::newRow("Microsoft SRS") << u"bounces+SRS=k2Lp4=RT@contoso.onmicrosoft.com"_s
                                       << u"bob@partner.example"_s << u"Microsoft 365"_s;
        QTest::newRow("VERP on a customer domain")
            << u"bounce=alice=corp.example@mail.vendor.example"_s << u"news@vendor.example"_s
            << QString();
        QTest::newRow("hex token")
            << u"b7f3a91c04de5522@bounce.vendor.example"_s << u"news@vendor.example"_s << QString();
        QTest::newRow("digits") << u"msg-20261203-448812@mailer.vendor.example"_s
                                << u"news@vendor.example"_s << QString();
    }
    void caught()
    {
        QFETCH(QString, envelope);
        QFETCH(QString, header);
        QFETCH(QString, service);
        const std::optional<PermitTrap> trap = permitTrap(message(envelope, header));
        QVERIFY(trap);
        QCOMPARE(trap->envelope, envelope);
        QCOMPARE(trap->header, header);
        QVERIFY2(trap->why.contains(envelope), qPrintable(trap->why));
        if (!service.isEmpty())
            QVERIFY2(trap->why.contains(service), qPrintable(trap->why));
    }

    void notCaught_data()
    {
        QTest::addColumn<QString>("envelope");
        QTest::addColumn<QString>("header");
        QTest::newRow("same address") << u"alice@partner.example"_s << u"alice@partner.example"_s;
        QTest::newRow("same, other case")
            << u"Alice@Partner.example"_s << u"alice@partner.example"_s;
        QTest::newRow("plain bounce word")
            << u"bounce@partner.example"_s << u"alice@partner.example"_s;
        QTest::newRow("a word with a year")
            << u"news2026@partner.example"_s << u"alice@partner.example"_s;
        QTest::newRow("no header, own domain")
            << u"a8f3c2d19e0b7766@partner.example"_s << QString();
        QTest::newRow("look-alike domain") << u"x@notamazonses.com"_s << u"y@vendor.example"_s;
        QTest::newRow("no envelope") << QString() << u"alice@partner.example"_s;
    }
    void notCaught()
    {
        QFETCH(QString, envelope);
        QFETCH(QString, header);
        QVERIFY(!permitTrap(message(envelope, header)));
    }

    void noHeaderToOffer()
    {
        const auto trap = permitTrap(message(u"0100018c@amazonses.com"_s, QString()));
        QVERIFY(trap);
        QVERIFY(trap->header.isEmpty());
    }

    void permittedAddressFollowsTheChoice()
    {
        const HeldMessage m = message(u"0100018c@amazonses.com"_s, u"news@vendor.example"_s);
        QCOMPARE(permittedAddress(m, PermitAddress::Envelope), u"0100018c@amazonses.com"_s);
        QCOMPARE(permittedAddress(m, PermitAddress::Header), u"news@vendor.example"_s);
        // Either falls back to the other when it is empty.
        QCOMPARE(permittedAddress(message({}, u"a@b.example"_s), PermitAddress::Envelope),
                 u"a@b.example"_s);
        QCOMPARE(permittedAddress(message(u"a@b.example"_s, {}), PermitAddress::Header),
                 u"a@b.example"_s);
        QCOMPARE(permitAddressFromName(u"header"_s), PermitAddress::Header);
        QCOMPARE(permitAddressFromName(u"envelope"_s), PermitAddress::Envelope);
        QVERIFY(!permitAddressFromName(u"sender"_s));
        QCOMPARE(permitAddressName(PermitAddress::Header), u"header"_s);
    }
};

QTEST_GUILESS_MAIN(TestPermitTrap)
#include "test_permit_trap.moc"
