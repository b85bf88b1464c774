// Saving and opening queries: .xml files (atomic), the clipboard, the saved-query library
// (save as, open, replace, delete) and the last ten queries run.
#include "core/archive/archivequeryxml.h"
#include "tests/gui/builder/buildertestsupport.h"

#include <QAction>
#include <QClipboard>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;

namespace {
QStringList texts(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->flags() & Qt::ItemIsEnabled)
            out << list->item(i)->text();
    }
    return out;
}
} // namespace

class TestBuilderLibrary : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void saveAndOpenFiles()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        const QString path = f.env().path(u"phish.xml"_s);
        QTest::keyClicks(child<QLineEdit>(f.addRow(u"From"_s), u"conditionValue"_s),
                         u"evil@bad.example"_s);
        ui::dialogs::setNextSaveFileName(path);
        child<QAction>(page, u"saveXmlAction"_s)->trigger();
        QCOMPARE(testing::readText(path), page->previewXml());
        const ui::dialogs::Asked save = ui::dialogs::asked(ui::dialogs::Kind::SaveFile).last();
        QCOMPARE(save.title, u"Save query"_s);
        QCOMPARE(save.filter, u"XML queries (*.xml)"_s);
        QCOMPARE(save.suggested, QDir::home().filePath(u"archive-query.xml"_s));

        ui::dialogs::setNextOpenFileName(testing::archiveData(u"unknown-parts.xml"_s));
        child<QAction>(page, u"openXmlAction"_s)->trigger();
        const ui::dialogs::Asked open = ui::dialogs::asked(ui::dialogs::Kind::OpenFile).last();
        QCOMPARE(open.title, u"Open query"_s);
        QCOMPARE(open.filter, u"XML queries (*.xml);;All files (*)"_s);
        QCOMPARE(open.suggested, path); // where the query was last saved
        const archive::ArchiveQuery unknown =
            archive::fromXml(testing::readText(testing::archiveData(u"unknown-parts.xml"_s))).query;
        QCOMPARE(page->query(), unknown);

        // Opening the saved file gives back the query it was saved from.
        ui::dialogs::setNextOpenFileName(path);
        child<QAction>(page, u"openXmlAction"_s)->trigger();
        QCOMPARE(page->previewXml(), testing::readText(path));

        // In the XML tab, Save writes the analyst's text exactly.
        f.mode()->setCurrentIndex(1);
        auto *editor = child<QPlainTextEdit>(page, u"advancedXml"_s);
        editor->setPlainText(u"<xmlquery><!-- draft --></xmlquery>"_s);
        ui::dialogs::setNextSaveFileName(path);
        child<QAction>(page, u"saveXmlAction"_s)->trigger();
        QCOMPARE(testing::readText(path), u"<xmlquery><!-- draft --></xmlquery>"_s);
    }

    void pasteFromTheClipboard()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        page->show();
        const QString xml = testing::readText(testing::archiveData(u"skeleton.xml"_s));
        QApplication::clipboard()->setText(xml);
        child<QWidget>(page, u"pasteXmlButton"_s);
        child<QAction>(page, u"pasteXmlAction"_s)->trigger();
        QCOMPARE(page->query(), archive::fromXml(xml).query);
        QVERIFY(page->isVisualMode());
    }

    void savedQueryLibrary()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        page->show();
        const QString name = u"Phish wave / March"_s; // a slash must not make a directory
        const auto questions = [] {
            return ui::dialogs::asked(ui::dialogs::Kind::Confirm);
        };
        auto *saved = child<QListWidget>(page, u"savedQueries"_s);
        QVERIFY(texts(saved).isEmpty());

        QTest::keyClicks(child<QLineEdit>(f.addRow(u"Subject"_s), u"conditionValue"_s),
                         u"Invoice"_s);
        const archive::ArchiveQuery first = page->query();
        ui::dialogs::setNextText(name);
        child<QPushButton>(page, u"saveQueryAsButton"_s)->click();
        const ui::dialogs::Asked asked = ui::dialogs::asked(ui::dialogs::Kind::Text).first();
        QCOMPARE(asked.title, u"Save query as"_s);
        QCOMPARE(asked.text, u"Name:"_s);
        QCOMPARE(texts(saved), QStringList{name});
        QCOMPARE(page->library()->savedNames(), QStringList{name});

        // Another query; then open the saved one from the list.
        f.addRow(u"Route"_s);
        ui::dialogs::setNextText(u"Another"_s);
        child<QPushButton>(page, u"saveQueryAsButton"_s)->click();
        QCOMPARE(texts(saved), (QStringList{u"Another"_s, u"Phish wave / March"_s}));
        emit saved->itemActivated(
            saved->findItems(u"Phish wave / March"_s, Qt::MatchExactly).first());
        QCOMPARE(page->query(), first);

        // Save as an existing name asks first; No keeps the old one.
        ui::dialogs::setNextText(u"Another"_s);
        ui::dialogs::setNextConfirm(false);
        child<QPushButton>(page, u"saveQueryAsButton"_s)->click();
        QCOMPARE(questions().size(), 1);
        QCOMPARE(questions().first().title, u"Query builder"_s);
        QCOMPARE(questions().first().text,
                 u"A saved query called \"Another\" exists. Replace it?"_s);
        QVERIFY(questions().first().acceptLabel.isEmpty()); // Yes and No
        QString kept;
        QVERIFY(page->library()->load(u"Another"_s, &kept).isEmpty());
        QVERIFY(kept.contains(u"<route />"_s));

        // Delete, confirmed.
        ui::dialogs::setNextConfirm(true);
        saved->setCurrentItem(saved->findItems(u"Another"_s, Qt::MatchExactly).first());
        child<QPushButton>(page, u"deleteQueryButton"_s)->click();
        QCOMPARE(questions().last().text, u"Delete the saved query \"Another\"?"_s);
        QCOMPARE(texts(saved), QStringList{u"Phish wave / March"_s});

        // The title of a run is the saved name.
        QSignalSpy spy(page, &ui::QueryBuilderPage::runQueryRequested);
        emit saved->itemActivated(saved->item(0));
        child<QPushButton>(page, u"runBuilderQuery"_s)->click();
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(2).toString(), u"Phish wave / March"_s);
    }

    void recentQueriesKeepTheLastTen()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        page->show();
        auto *recent = child<QListWidget>(page, u"recentQueries"_s);
        auto *pageSize = child<QSpinBox>(page, u"builderPageSize"_s);
        auto *run = child<QPushButton>(page, u"runBuilderQuery"_s);
        for (int i = 1; i <= 12; ++i) {
            pageSize->setValue(i);
            run->click();
        }
        QCOMPARE(texts(recent).size(), archive::QueryLibrary::kMaxRecent);
        // The newest first; running it again does not add a second entry.
        run->click();
        QCOMPARE(texts(recent).size(), archive::QueryLibrary::kMaxRecent);
        const QList<archive::QueryLibrary::Recent> list = page->library()->recent();
        QVERIFY(list.first().xml.contains(u"page-size=\"12\""_s));
        QVERIFY(list.last().xml.contains(u"page-size=\"3\""_s));

        // Opening a recent query brings it back into the builder.
        emit recent->itemActivated(recent->item(recent->count() - 1));
        QCOMPARE(page->query().metadata.pageSize, std::optional<int>(3));

        // The advanced editor's runs are remembered exactly as written.
        f.mode()->setCurrentIndex(1);
        const QString xml = u"<xmlquery><!-- mine --></xmlquery>"_s;
        child<QPlainTextEdit>(page, u"advancedXml"_s)->setPlainText(xml);
        child<QPushButton>(page, u"runAdvanced"_s)->click();
        QCOMPARE(page->library()->recent().first().xml, xml);
    }
};

QTEST_MAIN(TestBuilderLibrary)
#include "test_builder_library.moc"
