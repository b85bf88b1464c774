// The XML tab (the seed's Advanced Archive Search): a malformed query marks the line and column
// of its error, keeps Run disabled and is never sent; a valid one is sent exactly as written;
// Switch to builder keeps what the builder does not understand.
#include "core/archive/archivequeryxml.h"
#include "tests/gui/builder/buildertestsupport.h"
#include "ui/builder/advancededitor.h"
#include "ui/builder/xmleditor.h"

#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTextBlock>
#include <QTimer>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;

namespace {
ui::builder::XmlEditor *editorOf(QWidget *page)
{
    return child<ui::builder::XmlEditor>(page, u"advancedXml"_s);
}
} // namespace

class TestAdvancedEditor : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void showsTheBuilderXmlUntilEdited()
    {
        testing::BuilderFixture f;
        f.page()->show();
        f.mode()->setCurrentIndex(1);
        QCOMPARE(editorOf(f.page())->toPlainText(), f.page()->previewXml());
        // The builder changes; the untouched XML tab follows.
        f.mode()->setCurrentIndex(0);
        QTest::keyClicks(child<QLineEdit>(f.addRow(u"Subject"_s), u"conditionValue"_s), u"x"_s);
        f.mode()->setCurrentIndex(1);
        QCOMPARE(editorOf(f.page())->toPlainText(), f.page()->previewXml());
        // Once the analyst edits it, it is theirs.
        QTest::keyClicks(editorOf(f.page()), u"<!-- mine -->"_s);
        const QString mine = editorOf(f.page())->toPlainText();
        f.mode()->setCurrentIndex(0);
        f.page()->undoStack()->undo();
        f.mode()->setCurrentIndex(1);
        QCOMPARE(editorOf(f.page())->toPlainText(), mine);
        child<QPushButton>(f.page(), u"loadFromBuilder"_s)->click();
        QCOMPARE(editorOf(f.page())->toPlainText(), f.page()->previewXml());
    }

    void malformedMarksTheErrorAndSendsNothing()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        page->show();
        f.mode()->setCurrentIndex(1);
        QSignalSpy spy(page, &ui::QueryBuilderPage::runQueryRequested);
        auto *editor = editorOf(page);
        auto *run = child<QPushButton>(page, u"runAdvanced"_s);
        auto *toBuilder = child<QPushButton>(page, u"switchToBuilder"_s);
        auto *error = child<QLabel>(page, u"xmlError"_s);

        // Line 4 closes an element that is not open.
        const QString bad = u"<?xml version=\"1.0\"?>\n<xmlquery trace=\"iql,muse\">\n"
                            u"  <metadata>\n  </muse>\n</xmlquery>\n"_s;
        editor->setPlainText(bad);
        const archive::XmlCheck expected = archive::fromXml(bad).error;
        QVERIFY(!expected.ok());
        // Checked after a pause in typing, without anything being sent.
        QTRY_COMPARE(error->text(), expected.toString());
        QVERIFY(error->text().startsWith(u"line 4, column "_s));
        QVERIFY(error->isVisible());
        QCOMPARE(editor->errorLine(), expected.line);
        QCOMPARE(editor->errorColumn(), expected.column);
        QVERIFY(editor->extraSelections().size() >= 2); // the line and the character
        QVERIFY(!run->isEnabled());
        QVERIFY(!toBuilder->isEnabled());
        run->click();
        QCOMPARE(spy.size(), 0);
        child<QPushButton>(page, u"goToError"_s)->click();
        QCOMPARE(editor->textCursor().position(),
                 editor->positionOf(expected.line, expected.column));

        // Fixed: the marker goes and Run comes back.
        editor->setPlainText(QString(bad).replace(u"</muse>"_s, u"</metadata>"_s));
        QTRY_VERIFY(run->isEnabled());
        QVERIFY(error->text().isEmpty());
        QCOMPARE(editor->errorLine(), 0);
        QVERIFY(!child<QPushButton>(page, u"goToError"_s)->isVisible());

        // Broken again and Run pressed before the check had time to run: still nothing sent.
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, u"<oops"_s);
        QVERIFY(run->isEnabled()); // the debounced check has not run yet
        run->click();
        QCOMPARE(spy.size(), 0);
        QVERIFY(!run->isEnabled());
        QVERIFY(error->text().startsWith(u"line "_s));

        // A well-formed document whose root is not <xmlquery> is refused too.
        editor->setPlainText(u"<query/>"_s);
        QTRY_VERIFY(!error->text().isEmpty());
        QVERIFY(!run->isEnabled());
        QCOMPARE(spy.size(), 0);
    }

    void errorColumnCountsCharacters()
    {
        testing::BuilderFixture f;
        f.mode()->setCurrentIndex(1);
        auto *editor = editorOf(f.page());
        // Non-ASCII and a character outside the BMP before the error on line 2.
        const QString bad = u"<xmlquery>\n<text>请求 😀 <b></text></xmlquery>"_s;
        editor->setPlainText(bad);
        const archive::XmlCheck expected = archive::fromXml(bad).error;
        QTRY_COMPARE(editor->errorLine(), expected.line);
        QCOMPARE(editor->errorColumn(), expected.column);
        const int position = editor->positionOf(expected.line, expected.column);
        const QTextBlock block = editor->document()->findBlockByNumber(expected.line - 1);
        // The code-point column maps to the UTF-16 index (the emoji is two code units).
        const QString before = block.text().left(position - block.position());
        QCOMPARE(int(before.toUcs4().size()), expected.column - 1);
        QVERIFY(before.contains(u"😀"_s));
    }

    void validQueryIsSentExactlyAsWritten()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        page->show();
        f.mode()->setCurrentIndex(1);
        auto *limit = child<QSpinBox>(page, u"advancedLimit"_s);
        QCOMPARE(limit->value(), 1000);
        limit->setValue(40);
        // Odd spacing, single quotes and a comment: sent as is, not reformatted.
        const QString xml = u"<?xml version=\"1.0\"?>\n<xmlquery trace='iql,muse'>  <metadata "
                            u"query-type=\"emailarchive\" archive=\"true\"><return-fields>"
                            u"<return-field>id</return-field></return-fields></metadata>\n"
                            u"<!-- who else got it -->\n<muse><text>from: evil@bad.example"
                            u"</text><keywords>x</keywords></muse></xmlquery>"_s;
        editorOf(page)->setPlainText(xml);
        auto *run = child<QPushButton>(page, u"runAdvanced"_s);
        QTRY_VERIFY(run->isEnabled());
        QVERIFY(child<QLabel>(page, u"xmlStatus"_s)->text().contains(u"Well-formed"_s));
        QSignalSpy spy(page, &ui::QueryBuilderPage::runQueryRequested);
        run->click();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), xml);
        QCOMPARE(spy.at(0).at(1).toInt(), 40);
        QVERIFY(!spy.at(0).at(2).toString().isEmpty());
    }

    void switchToBuilderKeepsUnknownParts()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        page->show();
        f.mode()->setCurrentIndex(1);
        const QString xml = testing::readText(testing::archiveData(u"unknown-parts.xml"_s));
        editorOf(page)->setPlainText(xml);
        auto *toBuilder = child<QPushButton>(page, u"switchToBuilder"_s);
        QTRY_VERIFY(toBuilder->isEnabled());
        toBuilder->click();
        QVERIFY(page->isVisualMode());
        const archive::ArchiveQuery expected = archive::fromXml(xml).query;
        QCOMPARE(page->query(), expected);
        QCOMPARE(page->previewXml(), archive::toXml(expected, true));
        auto *kept = child<QListWidget>(page, u"unknownParts"_s);
        QCOMPARE(kept->count(), expected.unknownParts().size());
        QVERIFY(kept->count() > 10);
        // Undo brings back the query from before the switch.
        page->undoStack()->undo();
        QVERIFY(page->query() != expected);
        // Back to the same query: the XML tab keeps the analyst's own formatting...
        page->undoStack()->redo();
        f.mode()->setCurrentIndex(1);
        QCOMPARE(editorOf(page)->toPlainText(), xml);
        // ...and follows the builder once the query really changes (its text was handed over).
        f.mode()->setCurrentIndex(0);
        child<QSpinBox>(page, u"builderPageSize"_s)->setValue(7);
        f.mode()->setCurrentIndex(1);
        QCOMPARE(editorOf(page)->toPlainText(), page->previewXml());
    }

    void loadingMalformedXmlOpensTheXmlTab()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        page->show();
        const archive::ArchiveQuery before = page->query();
        const QString bad = u"<xmlquery><muse><text>a</muse></xmlquery>"_s;
        QVERIFY(!page->loadXml(bad));
        QVERIFY(!page->isVisualMode());
        QCOMPARE(editorOf(page)->toPlainText(), bad);
        QCOMPARE(child<QLabel>(page, u"xmlError"_s)->text(),
                 archive::fromXml(bad).error.toString());
        QCOMPARE(page->query(), before); // the builder is untouched
    }
};

QTEST_MAIN(TestAdvancedEditor)
#include "test_advanced_editor.moc"
