#include "core/archive/archivequeryxml.h"
#include "core/archive/simplesearch.h"

#include <QTest>

#include <pugixml.hpp>

using namespace Qt::StringLiterals;
using namespace mcdesk::archive;

namespace {

const QDateTime kNow(QDate(2026, 5, 15), QTime(12, 0), Qt::UTC);

SimpleSearch minimal()
{
    SimpleSearch s;
    s.fieldsToReturn = {u"id"_s, u"subject"_s};
    s.frame = TimeFrame::LastHour;
    return s;
}

QString muse(const QString &xml)
{
    const qsizetype start = xml.indexOf(u"<muse>"_s);
    return xml.mid(start, xml.indexOf(u"</muse>"_s) + 7 - start);
}

} // namespace

class TestArchiveSimpleSearch : public QObject
{
    Q_OBJECT
private slots:
    void splitsCommaLists_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("items");
        QTest::newRow("empty") << QString() << QStringList();
        QTest::newRow("one") << u"a@x.com"_s << QStringList{u"a@x.com"_s};
        QTest::newRow("trim and drop empties")
            << u" a@x.com ,, b@x.com,  ,"_s << QStringList{u"a@x.com"_s, u"b@x.com"_s};
    }
    void splitsCommaLists()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, items);
        QCOMPARE(splitCommaList(text), items);
    }

    void pageSizeIsTheLimitUpTo500_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("1") << 1 << 1;
        QTest::newRow("50 (default)") << 50 << 50;
        QTest::newRow("500") << 500 << 500;
        QTest::newRow("501") << 501 << 500;
        QTest::newRow("100000") << 100000 << 500;
    }
    void pageSizeIsTheLimitUpTo500()
    {
        QFETCH(int, limit);
        QFETCH(int, pageSize);
        SimpleSearch s = minimal();
        s.limit = limit;
        const BuildResult r = build(s, kNow);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.pageSize, pageSize);
        QCOMPARE(r.query.metadata.pageSize, std::optional<int>(pageSize));
        QVERIFY(toXml(r.query).contains(u" page-size=\"%1\" startrow=\"0\""_s.arg(pageSize)));
    }

    void limitOutOfRange_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("0") << 0;
        QTest::newRow("-1") << -1;
        QTest::newRow("100001") << 100001;
    }
    void limitOutOfRange()
    {
        QFETCH(int, limit);
        SimpleSearch s = minimal();
        s.limit = limit;
        const BuildResult r = build(s, kNow);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.startsWith(u"Max Emails To Return must be between 1 and 100000"_s),
                 qPrintable(r.error));
    }

    void invalidAddressNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("mailbox without @") << u"Mailboxes"_s << u"user.corp.com"_s;
        QTest::newRow("mailbox bare domain") << u"Mailboxes"_s << u"corp.com"_s;
        QTest::newRow("from with space") << u"From"_s << u"evil @bad.com"_s;
        QTest::newRow("from injection") << u"From"_s << u"a@b.com or subject: x"_s;
        QTest::newRow("from markup") << u"From"_s << u"<x>@bad.com"_s;
        QTest::newRow("to without tld") << u"To"_s << u"victim@localhost"_s;
        QTest::newRow("to double @") << u"To"_s << u"a@@x.com"_s;
        QTest::newRow("to trailing dot") << u"To"_s << u"x.com."_s;
    }
    void invalidAddressNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        SimpleSearch s = minimal();
        QStringList *list = field == u"Mailboxes"_s ? &s.mailboxes
                            : field == u"From"_s    ? &s.from
                                                    : &s.to;
        *list = {u"ok@example.com"_s, value};
        const BuildResult r = build(s, kNow);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.startsWith(field + u": \""_s + value + u"\" is not a valid"_s),
                 qPrintable(r.error));
    }

    void fromAndToAcceptDomains()
    {
        SimpleSearch s = minimal();
        s.from = {u"bad.com"_s, u"Evil.Sender+tag@sub.bad-host.co.uk"_s};
        s.to = {u"xn--bcher-kva.example"_s};
        const BuildResult r = build(s, kNow);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.query.conditions[0].value,
                 u"from: bad.com or from: Evil.Sender+tag@sub.bad-host.co.uk"_s);
        QCOMPARE(r.query.conditions[1].value, u"to: xn--bcher-kva.example"_s);
    }

    void mailboxesElementOnlyWhenGiven()
    {
        SimpleSearch s = minimal();
        BuildResult r = build(s, kNow);
        QVERIFY(r.ok());
        QVERIFY(!r.query.metadata.hasMailboxes);
        QVERIFY(!toXml(r.query).contains(u"mailbox"_s));

        s.mailboxes = {u"a@x.com, b@x.com"_s};
        r = build(s, kNow);
        QVERIFY(r.ok());
        QVERIFY(toXml(r.query).contains(
            u"<metadata query-type=\"emailarchive\" archive=\"true\" active=\"false\" "
            u"page-size=\"50\" startrow=\"0\"><mailboxes><mailbox include-aliases=\"true\">a@x.com"
            u"</mailbox><mailbox include-aliases=\"true\">b@x.com</mailbox></mailboxes>"
            u"<smartfolders/><return-fields>"_s));
    }

    void buildsTheMuseInOrder()
    {
        SimpleSearch s = minimal();
        s.from = {u"a@x.com,b.com"_s};
        s.to = {u"v@corp.com"_s};
        s.subject = u"  Invoice <due> & \"paid\"  "_s;
        s.frame = TimeFrame::Custom;
        s.startText = u"2026-05-01T10:00:00+02:00"_s;
        const BuildResult r = build(s, kNow);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.startUtc, QDateTime(QDate(2026, 5, 1), QTime(8, 0), Qt::UTC));
        QCOMPARE(r.endUtc, kNow);
        QCOMPARE(muse(toXml(r.query)),
                 u"<muse><text>from: a@x.com or from: b.com</text><text>to: v@corp.com</text>"
                 u"<text>subject: Invoice &lt;due&gt; &amp; \"paid\"</text>"
                 u"<date select=\"between\" from=\"2026-05-01T08:00:00Z\" "
                 u"to=\"2026-05-15T12:00:00Z\"/><docs select=\"optional\"/><route/></muse>"_s);
    }

    void onlyDateDocsRouteWithoutFilters()
    {
        const BuildResult r = build(minimal(), kNow);
        QVERIFY(r.ok());
        QCOMPARE(muse(toXml(r.query)),
                 u"<muse><date select=\"between\" from=\"2026-05-15T11:00:00Z\" "
                 u"to=\"2026-05-15T12:00:00Z\"/><docs select=\"optional\"/><route/></muse>"_s);
    }

    void hostileSubjectStaysText()
    {
        SimpleSearch s = minimal();
        s.subject = u"</text><route/><text>x"_s;
        const BuildResult r = build(s, kNow);
        QVERIFY(r.ok());
        const QByteArray xml = toXml(r.query).toUtf8();
        pugi::xml_document doc;
        QVERIFY(doc.load_buffer(xml.constData(), size_t(xml.size())));
        QCOMPARE(doc.select_nodes("/xmlquery/muse/route").size(), size_t(1));
        QCOMPARE(doc.select_nodes("/xmlquery/muse/text").size(), size_t(1));
        QCOMPARE(QString::fromUtf8(doc.select_node("/xmlquery/muse/text").node().text().get()),
                 u"subject: </text><route/><text>x"_s);
    }

    void returnFields()
    {
        SimpleSearch s = minimal();
        s.fieldsToReturn = {u" ID , subject,id,,receivedDate"_s};
        BuildResult r = build(s, kNow);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.query.metadata.returnFields,
                 QStringList({u"id"_s, u"subject"_s, u"receiveddate"_s}));

        s.fieldsToReturn = {u" , "_s};
        r = build(s, kNow);
        QVERIFY(r.error.startsWith(u"Fields To Return is required"_s));

        s.fieldsToReturn = {u"id,body"_s};
        r = build(s, kNow);
        QVERIFY(r.error.startsWith(u"Fields To Return: \"body\" is not a documented"_s));
        for (const QString &field : documentedReturnFields())
            QVERIFY(r.error.contains(field));
    }

    void defaultFieldsAreDocumented()
    {
        QCOMPARE(documentedReturnFields().size(), 11);
        QCOMPARE(defaultReturnFields().size(), 8);
        for (const QString &field : defaultReturnFields())
            QVERIFY(documentedReturnFields().contains(field));
    }

    void timeErrorsPassThrough()
    {
        SimpleSearch s = minimal();
        s.frame = TimeFrame::Custom;
        const BuildResult r = build(s, kNow);
        QCOMPARE(r.error, u"Start Time is required when Time Frame is Custom"_s);
    }
};

QTEST_GUILESS_MAIN(TestArchiveSimpleSearch)
#include "test_archive_simplesearch.moc"
