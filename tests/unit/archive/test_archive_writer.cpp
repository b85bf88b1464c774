#include "core/archive/archivequeryxml.h"
#include "core/archive/simplesearch.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include <pugixml.hpp>

using namespace Qt::StringLiterals;
using namespace mcdesk::archive;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(MCDESK_TEST_DATA) + u"/archive/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

// The document skeleton of docs/contract.md (archive query XML), built through the API.
ArchiveQuery skeleton()
{
    ArchiveQuery q;
    q.metadata.hasMailboxes = true;
    q.metadata.mailboxes = {{u"user@corp.com"_s, true, {}}};
    q.metadata.returnFields = {u"id"_s, u"subject"_s};
    q.conditions = {Condition::text({}), Condition::date(DateSelect::LastYear),
                    Condition::sent(SentSelect::Unset, {}), Condition::docs(DocsSelect::Optional),
                    Condition::route()};
    return q;
}

// The SOAR integration's example, now escaped, UTC and paged by limit.
ArchiveQuery simpleSearch()
{
    SimpleSearch s;
    s.fieldsToReturn = {u"id,subject,receiveddate"_s};
    s.mailboxes = {u"a@x.com, b@x.com"_s};
    s.from = {u"evil@bad.com"_s, u"x@bad.com"_s};
    s.to = {u"victim@x.com"_s};
    s.subject = u"Invoice due"_s;
    s.frame = TimeFrame::Custom;
    s.startText = u"2024-05-01T10:00:00Z"_s;
    s.endText = u"2024-05-01T13:00:00+02:00"_s;
    const BuildResult r = build(s, QDateTime(QDate(2024, 5, 2), QTime(0, 0), Qt::UTC));
    if (!r.ok())
        qFatal("build failed: %s", qPrintable(r.error));
    return r.query;
}

const QString kHostileSubject = u"subject: Rechnung für Müller <urgent> & \"paid\" 'ok' ]]> "
                                u"請求書 😀</text><route/>"_s;

ArchiveQuery hostile()
{
    ArchiveQuery q;
    q.metadata.returnFields = {u"id"_s};
    Condition docs = Condition::docs(DocsSelect::Any, u"invoice.pdf"_s);
    docs.extraAttributes = {{u"note"_s, u"a\"b<c>d&e'f"_s}};
    q.conditions = {Condition::text(kHostileSubject),
                    Condition::sent(SentSelect::From, u"o'brien@example.com"_s), docs};
    return q;
}

ArchiveQuery named(const QString &name)
{
    if (name == u"skeleton"_s)
        return skeleton();
    if (name == u"simple-search"_s)
        return simpleSearch();
    return hostile();
}

int elementCount(const pugi::xml_node &node)
{
    int count = node.type() == pugi::node_element ? 1 : 0;
    for (const pugi::xml_node &child : node.children())
        count += elementCount(child);
    return count;
}

// Parses writer output back with pugixml (no help from our reader).
bool parse(pugi::xml_document &doc, const QString &xml)
{
    const QByteArray bytes = xml.toUtf8();
    return bool(doc.load_buffer(bytes.constData(), size_t(bytes.size()), pugi::parse_default,
                                pugi::encoding_utf8));
}

QString textAt(const pugi::xml_document &doc, const char *xpath)
{
    return QString::fromUtf8(doc.select_node(xpath).node().text().get());
}

} // namespace

class TestArchiveWriter : public QObject
{
    Q_OBJECT
private slots:
    void golden_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("pretty");
        for (const QString &name : {u"skeleton"_s, u"simple-search"_s, u"hostile"_s}) {
            QTest::addRow("%s compact", qPrintable(name)) << name << false;
            if (name != u"hostile"_s)
                QTest::addRow("%s pretty", qPrintable(name)) << name << true;
        }
    }
    void golden()
    {
        QFETCH(QString, name);
        QFETCH(bool, pretty);
        const QByteArray expected =
            readData(name + (pretty ? u".pretty.xml"_s : u".compact.xml"_s));
        QCOMPARE(toXml(named(name), pretty).toUtf8(), expected);
    }

    void userTextCannotChangeStructure_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("lt") << u"a<b"_s;
        QTest::newRow("gt") << u"a>b"_s;
        QTest::newRow("amp") << u"AT&T"_s;
        QTest::newRow("entity lookalike") << u"&amp; &lt; &#60;"_s;
        QTest::newRow("double quote") << u"say \"hi\""_s;
        QTest::newRow("single quote") << u"o'brien"_s;
        QTest::newRow("close and inject") << u"</text><route/>"_s;
        QTest::newRow("close attribute") << u"\"/><route x=\""_s;
        QTest::newRow("cdata end") << u"]]>"_s;
        QTest::newRow("cdata start") << u"<![CDATA[x]]>"_s;
        QTest::newRow("comment") << u"<!-- x -->"_s;
        QTest::newRow("pi") << u"<?php echo 1; ?>"_s;
        QTest::newRow("newlines and tab") << u"line1\nline2\tend"_s;
        QTest::newRow("unicode") << u"Grüße, 請求書, 😀, \u202Ertl"_s;
        QTest::newRow("everything") << u"<a href=\"x\">'&'</a>]]>\n😀"_s;
    }
    void userTextCannotChangeStructure()
    {
        QFETCH(QString, text);
        ArchiveQuery q = skeleton();
        q.metadata.mailboxes.first().address = text;
        q.conditions[0].value = text;
        q.conditions[2].value = text;
        q.conditions[4].extraAttributes = {{u"note"_s, text}};
        const int expectedElements = [] {
            pugi::xml_document doc;
            parse(doc, toXml(skeleton()));
            return elementCount(doc);
        }();
        for (const bool pretty : {false, true}) {
            pugi::xml_document doc;
            QVERIFY(parse(doc, toXml(q, pretty)));
            QCOMPARE(elementCount(doc), expectedElements);
            QCOMPARE(textAt(doc, "/xmlquery/muse/text"), text);
            QCOMPARE(textAt(doc, "/xmlquery/muse/sent"), text);
            QCOMPARE(textAt(doc, "/xmlquery/metadata/mailboxes/mailbox"), text);
            QCOMPARE(QString::fromUtf8(
                         doc.select_node("/xmlquery/muse/route").node().attribute("note").value()),
                     text);
        }
    }

    void controlCharactersAreDropped()
    {
        ArchiveQuery q = skeleton();
        q.conditions[0].value = u"a"_s + QChar(0x01) + u"b"_s + QChar(0x1B) + u"c"_s +
                                QChar(0xFFFF) + QChar(0xD800) + u"d"_s;
        const QString xml = toXml(q);
        QVERIFY(xml.contains(u"<text>abcd</text>"_s));
        QVERIFY(!xml.contains(u"&#"_s));
        pugi::xml_document doc;
        QVERIFY(parse(doc, xml));
    }

    void carriageReturnsBecomeLineFeedsInText()
    {
        ArchiveQuery q = skeleton();
        q.conditions[0].value = u"line1\r\nline2\rend"_s;
        q.conditions[4].extraAttributes = {{u"note"_s, u"a\r\nb"_s}};
        const QString xml = toXml(q);
        QVERIFY(xml.contains(u"<text>line1\nline2\nend</text>"_s));
        pugi::xml_document doc;
        QVERIFY(parse(doc, xml));
        QCOMPARE(textAt(doc, "/xmlquery/muse/text"), u"line1\nline2\nend"_s);
        // Attributes escape CR as &#13;, so it survives there.
        QCOMPARE(QString::fromUtf8(
                     doc.select_node("/xmlquery/muse/route").node().attribute("note").value()),
                 u"a\r\nb"_s);
    }

    void compactIsOneLineStartingWithDeclaration()
    {
        const QString xml = toXml(skeleton());
        QVERIFY(xml.startsWith(u"<?xml version=\"1.0\"?><xmlquery trace=\"iql,muse\"><metadata"_s));
        QVERIFY(!xml.contains(u'\n'));
        QVERIFY(toXml(skeleton(), true).contains(u"\n  <metadata"_s));
    }

    void mailboxesOnlyWhenPresent()
    {
        ArchiveQuery q = skeleton();
        q.metadata.hasMailboxes = false;
        QVERIFY(!toXml(q).contains(u"mailbox"_s));
        q.metadata.hasMailboxes = true;
        q.metadata.mailboxes.clear();
        QVERIFY(toXml(q).contains(u"<metadata query-type=\"emailarchive\" archive=\"true\" "
                                  u"active=\"false\" page-size=\"25\" startrow=\"0\"><mailboxes/>"
                                  u"<smartfolders/>"_s));
    }

    void conditionsFollowListOrder()
    {
        ArchiveQuery q = skeleton();
        q.conditions.move(4, 0); // route first, as a builder row drag would do
        q.conditions.removeAt(2);
        QVERIFY(
            toXml(q).contains(u"<muse><route/><text/><sent/><docs select=\"optional\"/></muse>"_s));
    }

    void unsetAttributesAreNotWritten()
    {
        ArchiveQuery q;
        q.trace.reset();
        q.metadata.queryType.reset();
        q.metadata.archive.reset();
        q.metadata.active.reset();
        q.metadata.pageSize.reset();
        q.metadata.startRow.reset();
        q.metadata.hasSmartFolders = false;
        QCOMPARE(toXml(q), u"<?xml version=\"1.0\"?><xmlquery><metadata><return-fields/>"
                           u"</metadata><muse/></xmlquery>"_s);
    }

    void extrasCannotBreakTheDocument()
    {
        ArchiveQuery q = skeleton();
        // A clash with a known attribute, a duplicate and an invalid name are all skipped.
        q.metadata.extras.attributes = {{u"page-size"_s, u"999"_s},
                                        {u"x-note"_s, u"1"_s},
                                        {u"x-note"_s, u"2"_s},
                                        {u"bad name"_s, u"3"_s},
                                        {u"a=\"b\" c"_s, u"4"_s}};
        q.conditions.append(Condition::unknown(u"<keywords>a</keywords><b/>"_s));
        q.conditions.append(Condition::unknown(u"</muse><route/>"_s)); // dropped: unbalanced
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u"dropping an unreadable XML fragment"_s));
        q.metadata.extras.nodes = {{u"<!-- kept -->"_s, 1}};
        const QString xml = toXml(q);
        QVERIFY(xml.contains(u"page-size=\"25\" startrow=\"0\" x-note=\"1\"><mailboxes>"_s));
        QVERIFY(xml.contains(u"</mailboxes><!-- kept --><smartfolders/>"_s));
        QVERIFY(xml.contains(u"<route/><keywords>a</keywords><b/></muse>"_s));
        pugi::xml_document doc;
        QVERIFY(parse(doc, xml));
        QCOMPARE(doc.select_nodes("//route").size(), size_t(1));
        QVERIFY(!checkFragment(u"</muse><route/>"_s).ok());
        QVERIFY(checkFragment(u"<keywords>a</keywords><!-- c -->text"_s).ok());
    }

    void datesAreUtcWithZ()
    {
        ArchiveQuery q;
        q.conditions = {Condition::date(
            DateSelect::Between, QDateTime(QDate(2026, 3, 29), QTime(3, 30), QTimeZone(2 * 3600)),
            QDateTime(QDate(2026, 3, 29), QTime(12, 0, 5, 999), Qt::UTC))};
        QVERIFY(toXml(q).contains(
            u"<date select=\"between\" from=\"2026-03-29T01:30:00Z\" to=\"2026-03-29T12:00:05Z\"/>"_s));
    }
};

QTEST_GUILESS_MAIN(TestArchiveWriter)
#include "test_archive_writer.moc"
