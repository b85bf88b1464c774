// Saving and opening queries: .xml files (atomic), the clipboard, the saved-query library
// (save as, open, replace, delete) and the last ten queries run.
#include "archive/archivequeryxml.h"
#include "buildertestsupport.h"

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
        ui::QueryBuilderPage::Prompts prompts;
        prompts.saveFile = [&](QWidget *, const QString &) {
            return path;
        };
        prompts.openFile = [&](QWidget *, const QString &) {
            return testing::archiveData(u"unknown-parts.xml"_s);
        };
        page->setPrompts(prompts);
        QTest::keyClicks(child<QLineEdit>(f.addRow(u"From"_s), u"conditionValue"_s),
                         u"evil@bad.example"_s);
        child<QAction>(page, u"saveXmlAction"_s)->trigger();
        QCOMPARE(testing::readText(path), page->previewXml());

        child<QAction>(page, u"openXmlAction"_s)->trigger();
        const archive::ArchiveQuery unknown =
            archive::fromXml(testing::readText(testing::archiveData(u"unknown-parts.xml"_s))).query;
        QCOMPARE(page->query(), unknown);

        // Opening the saved file gives back the query it was saved from.
        prompts.openFile = [&](QWidget *, const QString &) {
            return path;
        };
        page->setPrompts(prompts);
        child<QAction>(page, u"openXmlAction"_s)->trigger();
        QCOMPARE(page->previewXml(), testing::readText(path));

        // In the XML tab, Save writes the analyst's text exactly.
        f.mode()->setCurrentIndex(1);
        auto *editor = child<QPlainTextEdit>(page, u"advancedXml"_s);
        editor->setPlainText(u"<xmlquery><!-- draft --></xmlquery>"_s);
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
        QString name = u"Phish wave / March"_s; // a slash must not make a directory
        bool confirmAnswer = true;
        QStringList questions;
        ui::QueryBuilderPage::Prompts prompts;
        prompts.queryName = [&](QWidget *, const QString &) {
            return name;
        };
        prompts.confirm = [&](QWidget *, const QString &question) {
            questions << question;
            return confirmAnswer;
        };
        page->setPrompts(prompts);
        auto *saved = child<QListWidget>(page, u"savedQueries"_s);
        QVERIFY(texts(saved).isEmpty());

        QTest::keyClicks(child<QLineEdit>(f.addRow(u"Subject"_s), u"conditionValue"_s),
                         u"Invoice"_s);
        const archive::ArchiveQuery first = page->query();
        child<QPushButton>(page, u"saveQueryAsButton"_s)->click();
        QCOMPARE(texts(saved), QStringList{name});
        QCOMPARE(page->library()->savedNames(), QStringList{name});

        // Another query; then open the saved one from the list.
        name = u"Another"_s;
        f.addRow(u"Route"_s);
        child<QPushButton>(page, u"saveQueryAsButton"_s)->click();
        QCOMPARE(texts(saved), (QStringList{u"Another"_s, u"Phish wave / March"_s}));
        emit saved->itemActivated(
            saved->findItems(u"Phish wave / March"_s, Qt::MatchExactly).first());
        QCOMPARE(page->query(), first);

        // Save as an existing name asks first; No keeps the old one.
        name = u"Another"_s;
        confirmAnswer = false;
        child<QPushButton>(page, u"saveQueryAsButton"_s)->click();
        QCOMPARE(questions.size(), 1);
        QString kept;
        QVERIFY(page->library()->load(u"Another"_s, &kept).isEmpty());
        QVERIFY(kept.contains(u"<route />"_s));

        // Delete, confirmed.
        confirmAnswer = true;
        saved->setCurrentItem(saved->findItems(u"Another"_s, Qt::MatchExactly).first());
        child<QPushButton>(page, u"deleteQueryButton"_s)->click();
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
        QCOMPARE(texts(recent).size(), ui::builder::QueryLibrary::kMaxRecent);
        // The newest first; running it again does not add a second entry.
        run->click();
        QCOMPARE(texts(recent).size(), ui::builder::QueryLibrary::kMaxRecent);
        const QList<ui::builder::QueryLibrary::Recent> list = page->library()->recent();
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
