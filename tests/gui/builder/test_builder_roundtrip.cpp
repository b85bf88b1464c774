// Builder ↔ XML round trips on the archive golden files: whatever is loaded shows in the
// builder, the preview is exactly toXml(fromXml(file), true), nothing is lost (unknown parts are
// kept and listed), and hostile text typed into a row stays text.
#include "core/archive/archivequeryxml.h"
#include "core/archive/textcondition.h"
#include "tests/gui/builder/buildertestsupport.h"
#include "ui/builder/advancededitor.h"
#include "ui/builder/xmleditor.h"

#include <QListWidget>
#include <QPlainTextEdit>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;

class TestBuilderRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void goldenFiles_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(MCDESK_TEST_DATA "/archive"));
        const QStringList files = dir.entryList({u"*.xml"_s}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 9);
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }

    void goldenFiles()
    {
        QFETCH(QString, file);
        const QString xml = testing::readText(file);
        const archive::ParseResult expected = archive::fromXml(xml);
        QVERIFY2(expected.ok(), qPrintable(expected.error.toString()));

        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        page->show();
        QVERIFY(page->loadXml(xml));
        QVERIFY(page->isVisualMode());
        QCOMPARE(page->query(), expected.query);
        const QString pretty = archive::toXml(expected.query, true);
        QCOMPARE(page->previewXml(), pretty);
        QCOMPARE(child<QPlainTextEdit>(page, u"xmlPreview"_s)->toPlainText(), pretty);
        // Showing the query edited nothing: the only command is the load itself.
        QCOMPARE(page->undoStack()->count(), 1);
        QCOMPARE(f.rows()->rowCount(), expected.query.conditions.size());

        // Everything not understood is listed, in order.
        auto *kept = child<QListWidget>(page, u"unknownParts"_s);
        const QStringList parts = expected.query.unknownParts();
        QCOMPARE(kept->count(), parts.size());
        for (int i = 0; i < parts.size(); ++i)
            QCOMPARE(kept->item(i)->text(), parts.at(i));

        // And back: the preview parses to the same query (read → write → read loses nothing).
        const archive::ParseResult again = archive::fromXml(page->previewXml());
        QVERIFY(again.ok());
        QCOMPARE(again.query, expected.query);

        // The same through the XML tab's Switch to builder.
        testing::BuilderFixture g;
        g.mode()->setCurrentIndex(1);
        auto *advanced = g.page()->findChild<ui::builder::AdvancedEditor *>();
        advanced->setText(xml, false);
        child<QPushButton>(g.page(), u"switchToBuilder"_s)->click();
        QVERIFY(g.page()->isVisualMode());
        QCOMPARE(g.page()->query(), expected.query);
        QCOMPARE(g.page()->previewXml(), pretty);
    }

    void unknownPartsAreListedAndSurvive()
    {
        testing::BuilderFixture f;
        QVERIFY(f.page()->loadXml(testing::readText(testing::archiveData(u"unknown-parts.xml"_s))));
        auto *kept = child<QListWidget>(f.page(), u"unknownParts"_s);
        QStringList shown;
        for (int i = 0; i < kept->count(); ++i)
            shown << kept->item(i)->text();
        const QString all = shown.join(u'\n');
        QVERIFY(all.contains(u"<keywords>invoice</keywords>"_s));
        QVERIFY(all.contains(u"x:owner=\"soc\""_s));
        QVERIFY(all.contains(u"page-size=\"abc\""_s));
        QVERIFY(all.contains(u"<!-- saved by an analyst -->"_s));
        // Unknown <muse> children are rows too (so they can be moved), shown as written.
        int verbatimRows = 0;
        for (int i = 0; i < f.rows()->rowCount(); ++i)
            verbatimRows += f.row(i)->kind() == archive::Condition::Kind::Unknown;
        QVERIFY(verbatimRows >= 2);

        // An edit elsewhere keeps every unknown part in place.
        f.addRow(u"Subject"_s);
        auto *value = f.inRow<QLineEdit>(f.rows()->rowCount() - 1, u"conditionValue"_s);
        QTest::keyClicks(value, u"Quarterly"_s);
        const QStringList after = f.page()->query().unknownParts();
        QCOMPARE(after,
                 archive::fromXml(testing::readText(testing::archiveData(u"unknown-parts.xml"_s)))
                     .query.unknownParts());
        QVERIFY(f.page()->previewXml().contains(u"<keywords>invoice</keywords>"_s));
        QVERIFY(f.page()->previewXml().contains(u"<text>subject: Quarterly</text>"_s));
    }

    void hostileTextStaysText()
    {
        testing::BuilderFixture f;
        f.page()->show();
        const int before = int(f.page()->query().conditions.size());
        ui::builder::ConditionRow *row = f.addRow(u"Free text"_s);
        QVERIFY(row);
        const QString hostile = u"</text><route/>"_s;
        QTest::keyClicks(child<QLineEdit>(row, u"conditionValue"_s), hostile);
        QCOMPARE(f.page()->query().conditions.size(), before + 1);
        QCOMPARE(f.page()->query().conditions.last().value, hostile);
        const QString preview = f.page()->previewXml();
        QVERIFY2(preview.contains(u"<text>&lt;/text&gt;&lt;route/&gt;</text>"_s),
                 qPrintable(preview));
        const archive::ParseResult back = archive::fromXml(preview);
        QVERIFY(back.ok());
        QCOMPARE(back.query, f.page()->query());
        QCOMPARE(back.query.conditions.size(), before + 1);

        // Quotes, ampersands, CDATA ends and non-BMP text in every kind of value.
        const QString nasty = u"\"a\" & 'b' ]]> <!-- x --> 請求書 😀"_s;
        // insert() is what a paste does; it reports the edit like typing.
        ui::builder::ConditionRow *subject = f.addRow(u"Subject"_s);
        child<QLineEdit>(subject, u"conditionValue"_s)->insert(nasty);
        ui::builder::ConditionRow *docs = f.addRow(u"Attachments"_s);
        child<QLineEdit>(docs, u"conditionValue"_s)->insert(nasty);
        const archive::ParseResult again = archive::fromXml(f.page()->previewXml());
        QVERIFY(again.ok());
        QCOMPARE(again.query, f.page()->query());
        QCOMPARE(again.query.conditions.at(before + 1).value, u"subject: "_s + nasty);
        QCOMPARE(again.query.conditions.at(before + 2).value, nasty);
        QVERIFY(f.page()->query().unknownParts().isEmpty());
    }

    void rowsShowWhatTheyWrite()
    {
        testing::BuilderFixture f;
        QVERIFY(f.page()->loadXml(
            testing::readText(testing::archiveData(u"simple-search.compact.xml"_s))));
        // "from: evil@bad.com or from: x@bad.com" is one From row with two addresses.
        QCOMPARE(f.inRow<QComboBox>(0, u"conditionField"_s)->currentText(), u"From"_s);
        QCOMPARE(f.inRow<QLineEdit>(0, u"conditionValue"_s)->text(), u"evil@bad.com, x@bad.com"_s);
        QCOMPARE(f.inRow<QComboBox>(2, u"conditionField"_s)->currentText(), u"Subject"_s);
        QCOMPARE(f.inRow<QLineEdit>(2, u"conditionValue"_s)->text(), u"Invoice due"_s);
        QCOMPARE(f.inRow<QComboBox>(3, u"dateSelect"_s)->currentText(), u"Between…"_s);

        // The SOAR spelling without a space is not the canonical form: shown as free text,
        // exactly as written, rather than silently rewritten.
        QVERIFY(f.page()->loadXml(testing::readText(testing::archiveData(u"soar-legacy.xml"_s))));
        QCOMPARE(f.inRow<QComboBox>(0, u"conditionField"_s)->currentText(), u"Free text"_s);
        QCOMPARE(f.inRow<QLineEdit>(0, u"conditionValue"_s)->text(),
                 u"from:evil@bad.com or from:x@bad.com"_s);
    }

    void textConditionSplitAndJoin_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("value");
        using archive::TextField;
        QTest::newRow("free") << u"invoice overdue"_s << int(archive::TextField::Free)
                              << u"invoice overdue"_s;
        QTest::newRow("from") << u"from: a@x.com"_s << int(archive::TextField::From)
                              << u"a@x.com"_s;
        QTest::newRow("from list") << u"from: a@x.com or from: b.com"_s
                                   << int(archive::TextField::From) << u"a@x.com, b.com"_s;
        QTest::newRow("to empty") << u"to: "_s << int(archive::TextField::To) << QString();
        QTest::newRow("subject") << u"subject: a or b"_s << int(archive::TextField::Subject)
                                 << u"a or b"_s;
        QTest::newRow("body") << u"body: wire transfer"_s << int(archive::TextField::Body)
                              << u"wire transfer"_s;
        QTest::newRow("no space") << u"from:a@x.com"_s << int(archive::TextField::Free)
                                  << u"from:a@x.com"_s;
        QTest::newRow("mixed") << u"from: a@x.com or to: b@x.com"_s << int(archive::TextField::Free)
                               << u"from: a@x.com or to: b@x.com"_s;
        QTest::newRow("comma") << u"from: a, b"_s << int(archive::TextField::Free)
                               << u"from: a, b"_s;
    }

    void textConditionSplitAndJoin()
    {
        QFETCH(QString, text);
        QFETCH(int, field);
        QFETCH(QString, value);
        const archive::TextParts parts = archive::splitText(text);
        QCOMPARE(int(parts.field), field);
        QCOMPARE(parts.value, value);
        QCOMPARE(archive::joinText(parts.field, parts.value), text); // lossless display
    }
};

QTEST_MAIN(TestBuilderRoundTrip)
#include "test_builder_roundtrip.moc"
