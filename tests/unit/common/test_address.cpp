// One address grammar: what the sender form, bulk import and policies accept is exactly what
// the archive search accepts (they used to disagree on a..b@x.y and on the 254-character cap).
#include "core/archive/simplesearch.h"
#include "core/common/address.h"
#include "core/senders/managedsender.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk;

class TestAddress : public QObject
{
    Q_OBJECT

private slots:
    void grammar_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("address");
        QTest::addColumn<bool>("domain");
        QTest::newRow("plain") << u"bob@example.com"_s << true << false;
        QTest::newRow("plus and dots") << u"first.last+tag@mail.example.co.uk"_s << true << false;
        QTest::newRow("punycode tld") << u"a@example.xn--p1ai"_s << true << false;
        QTest::newRow("double dot") << u"a..b@x.yz"_s << false << false;
        QTest::newRow("leading dot") << u".a@x.yz"_s << false << false;
        QTest::newRow("trailing dot") << u"a.@x.yz"_s << false << false;
        QTest::newRow("no tld") << u"a@localhost"_s << false << false;
        QTest::newRow("numeric tld") << u"a@x.123"_s << false << false;
        QTest::newRow("space") << u"a b@x.yz"_s << false << false;
        QTest::newRow("two ats") << u"a@@x.yz"_s << false << false;
        QTest::newRow("query syntax") << u"a@x.yz or from:b"_s << false << false;
        QTest::newRow("display name") << u"\"Smith, J\" <js@ex.example>"_s << false << false;
        QTest::newRow("too long") << (QString(250, u'a') + u"@x.yz"_s) << false << false;
        QTest::newRow("domain") << u"example.com"_s << false << true;
        QTest::newRow("hyphen label") << u"mail-1.example.com"_s << false << true;
        QTest::newRow("hyphen edge") << u"-mail.example.com"_s << false << false;
    }
    void grammar()
    {
        QFETCH(QString, text);
        QFETCH(bool, address);
        QFETCH(bool, domain);
        QCOMPARE(address::isEmailAddress(text), address);
        QCOMPARE(address::isDomain(text), domain);
        QCOMPARE(address::checkEmailAddress(text).isEmpty(), address);
        // The archive search's From field agrees with the sender form.
        archive::SimpleSearch search;
        search.fieldsToReturn = archive::defaultReturnFields();
        search.from = {text};
        QCOMPARE(archive::build(search, QDateTime::currentDateTimeUtc()).ok(), address || domain);
    }
    void problemsAreWorded()
    {
        QCOMPARE(address::checkEmailAddress({}), u"is empty"_s);
        QVERIFY(address::checkEmailAddress(u"a..b@x.yz"_s).contains(u"name@domain.tld"_s));
    }
};

QTEST_GUILESS_MAIN(TestAddress)
#include "test_address.moc"
