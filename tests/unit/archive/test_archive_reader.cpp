#include "core/archive/archivequeryxml.h"

#include <QFile>
#include <QTest>

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

using namespace Qt::StringLiterals;
using namespace mcdesk::archive;

namespace {

QString readData(const QString &name)
{
    QFile file(QStringLiteral(MCDESK_TEST_DATA) + u"/archive/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(file.fileName()));
    return QString::fromUtf8(file.readAll());
}

bool isBlank(const char *text)
{
    return std::all_of(text, text + std::strlen(text),
                       [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; });
}

// Canonical copy for "nothing was lost" comparisons: no declaration, attributes sorted, CDATA
// as text, adjacent text merged, whitespace-only text dropped, empty elements as <a/>.
void canonicalCopy(const pugi::xml_node &in, pugi::xml_node out)
{
    for (const pugi::xml_node &child : in.children()) {
        switch (child.type()) {
        case pugi::node_declaration:
            break;
        case pugi::node_pcdata:
        case pugi::node_cdata:
            if (isBlank(child.value()))
                break;
            if (out.last_child().type() == pugi::node_pcdata)
                out.last_child().set_value(
                    (std::string(out.last_child().value()) + child.value()).c_str());
            else
                out.append_child(pugi::node_pcdata).set_value(child.value());
            break;
        case pugi::node_element: {
            pugi::xml_node element = out.append_child(child.name());
            std::vector<std::pair<std::string, std::string>> attributes;
            for (const pugi::xml_attribute &a : child.attributes())
                attributes.emplace_back(a.name(), a.value());
            std::sort(attributes.begin(), attributes.end());
            for (const auto &[name, value] : attributes)
                element.append_attribute(name.c_str()).set_value(value.c_str());
            canonicalCopy(child, element);
            break;
        }
        default:
            out.append_copy(child);
        }
    }
}

QString canonical(const QString &xml)
{
    const QByteArray bytes = xml.toUtf8();
    pugi::xml_document in;
    const unsigned options = pugi::parse_default | pugi::parse_comments | pugi::parse_pi |
                             pugi::parse_doctype | pugi::parse_declaration;
    if (!in.load_buffer(bytes.constData(), size_t(bytes.size()), options, pugi::encoding_utf8))
        return u"(unparseable)"_s;
    pugi::xml_document out;
    canonicalCopy(in, out);
    struct Writer : pugi::xml_writer
    {
        std::string text;
        void write(const void *data, size_t size) override
        {
            text.append(static_cast<const char *>(data), size);
        }
    } writer;
    out.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return QString::fromStdString(writer.text);
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

} // namespace

class TestArchiveReader : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("canonicalOrder"); // written back in the order it was read
        QTest::newRow("skeleton") << u"skeleton.xml"_s << true;
        QTest::newRow("soar legacy") << u"soar-legacy.xml"_s << true;
        QTest::newRow("unknown parts") << u"unknown-parts.xml"_s << true;
        QTest::newRow("reordered") << u"reordered.xml"_s << false;
        QTest::newRow("golden compact") << u"simple-search.compact.xml"_s << true;
        QTest::newRow("golden pretty") << u"skeleton.pretty.xml"_s << true;
    }
    void roundTrip()
    {
        QFETCH(QString, file);
        QFETCH(bool, canonicalOrder);
        const QString original = readData(file);
        const ParseResult first = fromXml(original);
        QVERIFY2(first.ok(), qPrintable(first.error.toString()));
        for (const bool pretty : {false, true}) {
            const QString written = toXml(first.query, pretty);
            const ParseResult second = fromXml(written);
            QVERIFY2(second.ok(), qPrintable(second.error.toString()));
            QVERIFY(second.query == first.query);
            QCOMPARE(toXml(second.query, pretty), written); // the writer's form is stable
            if (canonicalOrder)
                QCOMPARE(canonical(written), canonical(original));
        }
    }

    void readsTheSkeleton()
    {
        const ParseResult r = fromXml(readData(u"skeleton.xml"_s));
        QVERIFY(r.ok());
        const ArchiveQuery &q = r.query;
        QCOMPARE(q.trace, std::optional<QString>(u"iql,muse"_s));
        QCOMPARE(q.metadata.queryType, std::optional<QString>(u"emailarchive"_s));
        QCOMPARE(q.metadata.archive, std::optional<bool>(true));
        QCOMPARE(q.metadata.active, std::optional<bool>(false));
        QCOMPARE(q.metadata.pageSize, std::optional<int>(25));
        QCOMPARE(q.metadata.startRow, std::optional<int>(0));
        QVERIFY(q.metadata.hasMailboxes);
        QCOMPARE(q.metadata.mailboxes.size(), 1);
        QCOMPARE(q.metadata.mailboxes[0].address, u"user@corp.com"_s);
        QCOMPARE(q.metadata.mailboxes[0].includeAliases, std::optional<bool>(true));
        QVERIFY(q.metadata.hasSmartFolders);
        QCOMPARE(q.metadata.returnFields, QStringList({u"id"_s, u"subject"_s}));
        const QList<Condition> expected = {
            Condition::text({}), Condition::date(DateSelect::LastYear),
            Condition::sent(SentSelect::Unset, {}), Condition::docs(DocsSelect::Optional),
            Condition::route()};
        QVERIFY(q.conditions == expected);
        QVERIFY(q.unknownParts().isEmpty());
    }

    void keepsWhatItDoesNotUnderstand()
    {
        const ParseResult r = fromXml(readData(u"unknown-parts.xml"_s));
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        const ArchiveQuery &q = r.query;
        QCOMPARE(q.metadata.pageSize, std::nullopt); // "abc" is kept verbatim instead
        QCOMPARE(q.metadata.mailboxes.size(), 2);
        QCOMPARE(q.metadata.mailboxes[0].includeAliases, std::nullopt);
        QCOMPARE(q.metadata.mailboxes[1].includeAliases, std::optional<bool>(false));
        QCOMPARE(q.metadata.returnFields, QStringList({u"id"_s, u"subject"_s}));
        QCOMPARE(q.conditions.size(), 12);
        QCOMPARE(q.conditions[0].kind, Condition::Kind::Text);
        QCOMPARE(q.conditions[0].value, u"subject: Grüße & \"Rechnung\" <b>bold</b>"_s);
        QCOMPARE(q.conditions[1].kind, Condition::Kind::Unknown);
        QCOMPARE(q.conditions[1].value, u"<keywords>invoice</keywords>"_s);
        QCOMPARE(q.conditions[3].dateSelect, DateSelect::Between);
        QCOMPARE(q.conditions[3].from, utc(2026, 3, 29, 0, 30));
        QVERIFY(!q.conditions[3].to.isValid()); // an offset is not rewritten, see readUtc()
        QCOMPARE(q.conditions[5].sentSelect, SentSelect::From);
        QCOMPARE(q.conditions[5].value, u"evil.example"_s);
        QCOMPARE(q.conditions[7].docsSelect, DocsSelect::Spreadsheets);
        QCOMPARE(q.conditions[9].kind, Condition::Kind::Unknown); // <route> with a comment

        const QStringList parts = q.unknownParts();
        for (const QString &expected :
             {u"document: <!-- saved by an analyst -->"_s, u"document: <!DOCTYPE xmlquery>"_s,
              u"document: <?editor version=\"2\"?>"_s, u"xmlquery/@xmlns:x=\"urn:example\""_s,
              u"xmlquery: <x:header><x:case>INC-42</x:case></x:header>"_s,
              u"xmlquery/metadata/@page-size=\"abc\""_s,
              u"xmlquery/metadata/mailboxes/@scope=\"all\""_s,
              u"xmlquery/metadata/mailbox[ops@corp.com]/@include-aliases=\"maybe\""_s,
              u"xmlquery/metadata/mailboxes: <mailbox>cfo@corp.com<alias>ceo@corp.com</alias>"
              u"</mailbox>"_s,
              u"xmlquery/metadata/smartfolders: <folder id=\"7\"/>"_s,
              u"xmlquery/metadata/return-fields: <?hint fast?>"_s,
              u"xmlquery/muse/@mode=\"strict\""_s, u"xmlquery/muse: <keywords>invoice</keywords>"_s,
              u"xmlquery/muse/date/@to=\"2026-03-29T02:00:00+02:00\""_s,
              u"xmlquery/muse/date/@select=\"last_decade\""_s,
              u"xmlquery/muse: <to>victim@corp.com</to>"_s, u"xmlquery: <trailer/>"_s})
            QVERIFY2(parts.contains(expected), qPrintable(expected));
        QCOMPARE(parts.size(), 29);
    }

    void datesInTheWrittenFormAreTyped()
    {
        const ParseResult r =
            fromXml(u"<xmlquery><muse><date select=\"between\" from=\"2015-09-21T23:00:00Z\"/>"
                    u"<date to=\"2026-03-29T02:30:00Z\"/><date from=\"2015-02-30T00:00:00Z\"/>"
                    u"</muse></xmlquery>"_s);
        QVERIFY(r.ok());
        QCOMPARE(r.query.conditions[0].from, utc(2015, 9, 21, 23, 0));
        QVERIFY(!r.query.conditions[0].to.isValid());
        QCOMPARE(r.query.conditions[1].dateSelect, DateSelect::Unset);
        QCOMPARE(r.query.conditions[1].to, utc(2026, 3, 29, 2, 30)); // a local DST gap: irrelevant
        QVERIFY(!r.query.conditions[2].from.isValid());              // no 30 February
        QCOMPARE(r.query.conditions[2].extraAttributes.size(), 1);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("xml");
        QTest::addColumn<bool>("wellFormed"); // only the archive reader refuses it
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed tag on line 3")
            << u"<?xml version=\"1.0\"?>\n<xmlquery trace=\"iql,muse\">\n"
               u"  <muse><text>abc</muse>\n</xmlquery>"_s
            << false << 3 << 20 << u"Start-end tags mismatch"_s;
        QTest::newRow("unclosed at end of input")
            << u"<xmlquery>\n<muse>\n<text>abc"_s << false << 3 << 10
            << u"the document ends before every element is closed"_s;
        QTest::newRow("columns count characters")
            << u"<xmlquery>\n<muse><text>Grüße 😀</tex></muse>\n</xmlquery>"_s << false << 2 << 22
            << u"Start-end tags mismatch"_s;
        QTest::newRow("unquoted attribute")
            << u"<xmlquery>\n  <metadata page-size=25/>\n</xmlquery>"_s << false << 2 << 23
            << u"Error parsing element attribute"_s;
        QTest::newRow("crlf line ends")
            << u"<xmlquery>\r\n<muse>\r\n<text>x</muse>\r\n</xmlquery>"_s << false << 3 << 10
            << u"Start-end tags mismatch"_s;
        QTest::newRow("empty") << QString() << false << 1 << 1 << u"No document element"_s;
        QTest::newRow("blank") << u"\n\n  "_s << false << 3 << 3 << u"No document element"_s;
        QTest::newRow("two roots")
            << u"<xmlquery/>\n<xmlquery/>"_s << false << 2 << 1 << u"Only one root element"_s;
        QTest::newRow("text after root")
            << u"<xmlquery/>\n  junk"_s << false << 2 << 3 << u"Text is not allowed outside"_s;
        QTest::newRow("duplicate attribute")
            << u"<xmlquery>\n  <metadata page-size=\"1\" page-size=\"2\"/>\n</xmlquery>"_s << false
            << 2 << 3 << u"Duplicate attribute \"page-size\" on <metadata>"_s;
        QTest::newRow("declaration not first")
            << u"\n<?xml version=\"1.0\"?><xmlquery/>"_s << false << 2 << 1 << u"XML declaration"_s;
        QTest::newRow("wrong root") << u"<?xml version=\"1.0\"?>\n<query/>"_s << true << 2 << 1
                                    << u"root element is <query>"_s;
        // Found by fuzz_archive_xml (tests/fuzz/corpus/archive_xml/archive_xml-control-char-*):
        // pugixml keeps characters XML forbids and the writer drops them, so the query read
        // was not the query sent.
        QTest::newRow("control character in a date")
            << u"<xmlquery><metadata/><muse>\n<date from=\"2025-05-0"_s + QChar(0x1E) +
                   u"1T10:00:00Z\"/></muse></xmlquery>"_s
            << false << 2 << 22 << u"U+001E is not allowed in XML"_s;
        QTest::newRow("noncharacter U+FFFF")
            << u"<xmlquery><muse><text>a\uFFFF</text></muse></xmlquery>"_s << false << 1 << 24
            << u"U+FFFF"_s;
    }
    void malformed()
    {
        QFETCH(QString, xml);
        QFETCH(bool, wellFormed);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const XmlCheck check = checkWellFormed(xml);
        QCOMPARE(check.ok(), wellFormed);
        const ParseResult r = fromXml(xml);
        QVERIFY(!r.ok());
        QCOMPARE(r.error.line, line);
        QCOMPARE(r.error.column, column);
        QVERIFY2(r.error.message.contains(message), qPrintable(r.error.message));
        if (!wellFormed)
            QCOMPARE(check.toString(), r.error.toString());
        QVERIFY(r.error.toString().startsWith(u"line %1, column %2: "_s.arg(line).arg(column)));
    }

    void wellFormedAcceptsAnyDocument()
    {
        QVERIFY(checkWellFormed(u"<?xml version=\"1.0\"?>\n<!DOCTYPE a>\n<!-- c -->\n<a x=\"1\">"
                                u"<b/>t<![CDATA[<]]></a>\n<?pi?>\n"_s)
                    .ok());
        QVERIFY(checkWellFormed(QChar(0xFEFF) + u"<a/>"_s).ok()); // a BOM is not an error
        QCOMPARE(checkWellFormed(u"<a/>"_s).toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TestArchiveReader)
#include "test_archive_reader.moc"
