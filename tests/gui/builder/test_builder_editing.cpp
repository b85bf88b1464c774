// Editing in the visual builder: every edit shows in the preview at once, is one undo step
// (typing merges), reordering changes the XML's order, validation names the row, and Run emits
// the compact XML of exactly what the preview shows.
#include "core/archive/archivequeryxml.h"
#include "tests/gui/builder/buildertestsupport.h"
#include "ui/builder/datefields.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;

namespace {
QList<archive::Condition::Kind> kinds(const archive::ArchiveQuery &q)
{
    QList<archive::Condition::Kind> out;
    for (const archive::Condition &c : q.conditions)
        out << c.kind;
    return out;
}
} // namespace

class TestBuilderEditing : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void editShowsAtOnceAndUndoReverts()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        QVERIFY(f.showActive());
        auto *preview = child<QPlainTextEdit>(page, u"xmlPreview"_s);
        const QString initial = page->previewXml();
        QCOMPARE(preview->toPlainText(), initial);

        ui::builder::ConditionRow *row = f.addRow(u"From"_s);
        QVERIFY(row);
        const QString added = page->previewXml();
        QVERIFY(added.contains(u"<text>from: </text>"_s));
        auto *value = child<QLineEdit>(row, u"conditionValue"_s);
        QVERIFY(value->hasFocus()); // a new row is ready for typing
        const int commands = page->undoStack()->count();
        QTest::keyClicks(value, u"evil@bad.example"_s);
        // At once, with no event loop turn in between.
        QVERIFY(preview->toPlainText().contains(u"<text>from: evil@bad.example</text>"_s));
        QCOMPARE(preview->toPlainText(), archive::toXml(page->query(), true));
        // Sixteen keystrokes, one undo step.
        QCOMPARE(page->undoStack()->count(), commands + 1);

        auto *undo = child<QAction>(page, u"undoAction"_s);
        auto *redo = child<QAction>(page, u"redoAction"_s);
        QVERIFY(undo->isEnabled());
        undo->trigger();
        QCOMPARE(preview->toPlainText(), added);
        QCOMPARE(value->text(), QString());
        QVERIFY(redo->isEnabled());
        redo->trigger();
        QVERIFY(preview->toPlainText().contains(u"<text>from: evil@bad.example</text>"_s));
        QCOMPARE(value->text(), u"evil@bad.example"_s);

        // Ctrl+Z in the line edit is the page's undo, not the line edit's own.
        value->setFocus();
        QTest::keyClick(value, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(preview->toPlainText(), added);
        QTest::keyClick(value, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(preview->toPlainText().contains(u"evil@bad.example"_s));
        undo->trigger(); // the typing
        undo->trigger(); // the added row
        QCOMPARE(preview->toPlainText(), initial);
        QVERIFY(!undo->isEnabled());
    }

    void leavingAFieldEndsTheTypingStep()
    {
        testing::BuilderFixture f;
        QVERIFY(f.showActive());
        auto *value = child<QLineEdit>(f.addRow(u"Subject"_s), u"conditionValue"_s);
        const int commands = f.page()->undoStack()->count();
        QTest::keyClicks(value, u"Invoice"_s);
        value->clearFocus(); // editingFinished
        value->setFocus();
        QTest::keyClicks(value, u" due"_s);
        QCOMPARE(f.page()->undoStack()->count(), commands + 2);
        f.page()->undoStack()->undo();
        QCOMPARE(value->text(), u"Invoice"_s);
    }

    void everyKindOfRowEditsTheQuery()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        page->show();
        // Mailboxes.
        child<QPushButton>(page, u"addMailboxButton"_s)->click();
        auto *mailbox = child<QLineEdit>(page, u"mailboxAddress"_s);
        QTest::keyClicks(mailbox, u"cfo@corp.example"_s);
        child<QCheckBox>(page, u"mailboxAliases"_s)->click(); // default true → false
        QVERIFY(page->previewXml().contains(
            u"<mailbox include-aliases=\"false\">cfo@corp.example</mailbox>"_s));
        // Return fields: a documented one and a custom one, appended in order.
        child<QCheckBox>(page, u"returnField_smash"_s)->click();
        QTest::keyClicks(child<QLineEdit>(page, u"customReturnField"_s), u"x-score"_s);
        child<QPushButton>(page, u"addReturnFieldButton"_s)->click();
        QCOMPARE(
            page->query().metadata.returnFields.mid(page->query().metadata.returnFields.size() - 2),
            (QStringList{u"smash"_s, u"x-score"_s}));
        // Sent, attachments, route, page size.
        QTest::keyClicks(child<QLineEdit>(f.addRow(u"Sent to"_s), u"conditionValue"_s),
                         u"victim@corp.example"_s);
        ui::builder::ConditionRow *docs = f.addRow(u"Attachments"_s);
        auto *docsSelect = child<QComboBox>(docs, u"docsSelect"_s);
        docsSelect->setCurrentIndex(docsSelect->findText(u"Spreadsheets"_s));
        emit docsSelect->activated(docsSelect->currentIndex());
        QTest::keyClicks(child<QLineEdit>(docs, u"conditionValue"_s), u"Q3"_s);
        f.addRow(u"Route"_s);
        auto *pageSize = child<QSpinBox>(page, u"builderPageSize"_s);
        pageSize->setValue(100);
        const QString xml = page->previewXml();
        QVERIFY(xml.contains(u"<sent select=\"to\">victim@corp.example</sent>"_s));
        QVERIFY(xml.contains(u"<docs select=\"spreadsheets\">Q3</docs>"_s));
        QVERIFY(xml.contains(u"<route />"_s));
        QVERIFY(xml.contains(u"page-size=\"100\""_s));
        QCOMPARE(page->query().metadata.pageSize, std::optional<int>(100));

        // Date: Between with UTC pickers.
        const int dateRow = 0; // the new query's "last week"
        auto *select = f.inRow<QComboBox>(dateRow, u"dateSelect"_s);
        select->setCurrentIndex(select->findText(u"Between…"_s));
        emit select->activated(select->currentIndex());
        auto *from = f.inRow<QDateTimeEdit>(dateRow, u"dateFrom"_s);
        from->setDateTime(QDateTime(QDate(2026, 3, 1), QTime(8, 30), Qt::UTC));
        const archive::Condition date = page->query().conditions.at(dateRow);
        QCOMPARE(date.dateSelect, archive::DateSelect::Between);
        QCOMPARE(date.from, QDateTime(QDate(2026, 3, 1), QTime(8, 30), Qt::UTC));
        QVERIFY(page->previewXml().contains(u"from=\"2026-03-01T08:30:00Z\""_s));
        QVERIFY(date.to.isValid());
        // Everything written reads back the same.
        QCOMPARE(archive::fromXml(page->previewXml()).query, page->query());
    }

    void reorderChangesTheXmlOrder()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        QVERIFY(f.showActive());
        QTest::keyClicks(child<QLineEdit>(f.addRow(u"Subject"_s), u"conditionValue"_s), u"S"_s);
        QTest::keyClicks(child<QLineEdit>(f.addRow(u"Free text"_s), u"conditionValue"_s), u"T"_s);
        using K = archive::Condition::Kind;
        QCOMPARE(kinds(page->query()), (QList<K>{K::Date, K::Text, K::Text}));
        const auto position = [page](const QString &needle) {
            return page->previewXml().indexOf(needle);
        };
        QVERIFY(position(u"<date"_s) < position(u"subject: S"_s));

        // The first row's move-down button.
        QVERIFY(!f.inRow<QToolButton>(0, u"moveUpButton"_s)->isEnabled());
        f.inRow<QToolButton>(0, u"moveDownButton"_s)->click();
        QCOMPARE(kinds(page->query()), (QList<K>{K::Text, K::Date, K::Text}));
        QVERIFY(position(u"subject: S"_s) < position(u"<date"_s));
        QCOMPARE(f.inRow<QLineEdit>(0, u"conditionValue"_s)->text(), u"S"_s);

        // Ctrl+Up on the last row; the focus stays with the moved row.
        auto *last = f.inRow<QLineEdit>(2, u"conditionValue"_s);
        last->setFocus();
        QTest::keyClick(last, Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(kinds(page->query()), (QList<K>{K::Text, K::Text, K::Date}));
        QCOMPARE(page->query().conditions.at(1).value, u"T"_s);
        QCOMPARE(f.rows()->focusedRow(), 1);
        QVERIFY(position(u"<text>T</text>"_s) < position(u"<date"_s));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(page->query().conditions.at(2).value, u"T"_s);
        QCOMPARE(f.rows()->focusedRow(), 2);

        // Each move is one undo step.
        page->undoStack()->undo();
        QCOMPARE(page->query().conditions.at(1).value, u"T"_s);

        // Remove.
        f.inRow<QToolButton>(0, u"removeRowButton"_s)->click();
        QCOMPARE(page->query().conditions.size(), 2);
        QVERIFY(!page->previewXml().contains(u"subject: S"_s));
        QCOMPARE(f.rows()->rowCount(), 2);
    }

    void validationNamesTheRowAndBlocksRun()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        page->show();
        auto *run = child<QPushButton>(page, u"runBuilderQuery"_s);
        auto *validation = child<QLabel>(page, u"builderValidation"_s);
        QVERIFY(run->isEnabled());
        ui::builder::ConditionRow *row = f.addRow(u"From"_s);
        QVERIFY(!run->isEnabled()); // an empty From
        QVERIFY2(validation->text().contains(u"Row 2 (From)"_s), qPrintable(validation->text()));
        QTest::keyClicks(child<QLineEdit>(row, u"conditionValue"_s), u"bad@"_s);
        QVERIFY(validation->text().contains(u"Row 2 (From): \"bad@\" is not a valid"_s));
        auto *problem = child<QLabel>(row, u"rowProblem"_s);
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(u"bad@"_s));
        QTest::keyClicks(child<QLineEdit>(row, u"conditionValue"_s), u"corp.example"_s);
        QVERIFY(run->isEnabled());
        QVERIFY(!problem->isVisible());

        // A mailbox is named by its number.
        child<QPushButton>(page, u"addMailboxButton"_s)->click();
        QVERIFY(validation->text().contains(u"Mailbox 1"_s));
        QVERIFY(!run->isEnabled());
        QTest::keyClicks(child<QLineEdit>(page, u"mailboxAddress"_s), u"ops@corp.example"_s);
        QVERIFY(run->isEnabled());

        // A backwards date range.
        auto *select = f.inRow<QComboBox>(0, u"dateSelect"_s);
        select->setCurrentIndex(select->findText(u"Between…"_s));
        emit select->activated(select->currentIndex());
        f.inRow<QDateTimeEdit>(0, u"dateFrom"_s)
            ->setDateTime(QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(validation->text().contains(u"Row 1 (Date): the start must be before the end"_s));
        QVERIFY(!run->isEnabled());
        QSignalSpy spy(page, &ui::QueryBuilderPage::runQueryRequested);
        run->click();
        QCOMPARE(spy.size(), 0);
    }

    void runEmitsTheCompactXml()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        page->show();
        QTest::keyClicks(child<QLineEdit>(f.addRow(u"From"_s), u"conditionValue"_s),
                         u"evil@bad.example"_s);
        child<QSpinBox>(page, u"builderLimit"_s)->setValue(250);
        QSignalSpy spy(page, &ui::QueryBuilderPage::runQueryRequested);
        child<QPushButton>(page, u"runBuilderQuery"_s)->click();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), archive::toXml(page->query(), false));
        QCOMPARE(archive::fromXml(spy.at(0).at(0).toString()).query, page->query());
        QCOMPARE(spy.at(0).at(1).toInt(), 250);
        QCOMPARE(spy.at(0).at(2).toString(), u"from: evil@bad.example"_s);
        // setQuery (the simple form's "Open in builder") is one undoable step.
        archive::ArchiveQuery other;
        other.metadata.returnFields = {u"id"_s};
        page->setQuery(other);
        QCOMPARE(page->query(), other);
        QCOMPARE(page->previewXml(), archive::toXml(other, true));
        page->undoStack()->undo();
        QVERIFY(page->previewXml().contains(u"evil@bad.example"_s));
    }
};

QTEST_MAIN(TestBuilderEditing)
#include "test_builder_editing.moc"
