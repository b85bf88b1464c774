// Pictures of the builder for review and the README: several rows with the preview, and the
// XML tab with an error marked. MCDESK_SCREENSHOT_DIR=/tmp/x keeps them; the test checks that
// the page lays out without overlapping or clipped rows.
#include "archive/archivequeryxml.h"
#include "buildertestsupport.h"

#include <QDateTimeEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;

namespace {
void save(QWidget *widget, const QString &name)
{
    testing::saveShot(widget, u"builder-"_s + name);
}

void type(ui::builder::ConditionRow *row, const QString &text)
{
    QTest::keyClicks(child<QLineEdit>(row, u"conditionValue"_s), text);
}
} // namespace

class TestBuilderScreens : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void builderWithRows()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        QVERIFY(f.showActive());
        child<QPushButton>(page, u"addMailboxButton"_s)->click();
        QTest::keyClicks(child<QLineEdit>(page, u"mailboxAddress"_s), u"finance@corp.example"_s);
        type(f.addRow(u"From"_s), u"billing@evil-invoices.example, evil-invoices.example"_s);
        type(f.addRow(u"Subject"_s), u"Overdue invoice"_s);
        type(f.addRow(u"Sent to"_s), u"cfo@corp.example"_s);
        ui::builder::ConditionRow *docs = f.addRow(u"Attachments"_s);
        auto *select = child<QComboBox>(docs, u"docsSelect"_s);
        select->setCurrentIndex(select->findText(u"Documents"_s));
        emit select->activated(select->currentIndex());
        type(docs, u"remittance"_s);
        // A populated library: two saved queries and one run.
        QString name;
        ui::QueryBuilderPage::Prompts prompts;
        prompts.queryName = [&](QWidget *, const QString &) {
            return name;
        };
        page->setPrompts(prompts);
        for (const QString &saved : {u"Invoice fraud \u2014 March"_s, u"Phish wave INC-2041"_s}) {
            name = saved;
            child<QPushButton>(page, u"saveQueryAsButton"_s)->click();
        }
        child<QPushButton>(page, u"runBuilderQuery"_s)->click();
        auto *date = f.inRow<QComboBox>(0, u"dateSelect"_s);
        date->setCurrentIndex(date->findText(u"Between…"_s));
        emit date->activated(date->currentIndex());
        f.inRow<QDateTimeEdit>(0, u"dateFrom"_s)
            ->setDateTime(QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC));
        f.inRow<QDateTimeEdit>(0, u"dateTo"_s)
            ->setDateTime(QDateTime(QDate(2026, 3, 9), QTime(18, 0), Qt::UTC));
        type(f.addRow(u"To"_s), u"bad@"_s); // one inline problem, as the analyst would see it
        QApplication::processEvents();
        QVERIFY(page->previewXml().contains(u"evil-invoices.example"_s));
        save(page, u"visual"_s);

        // A loaded query with parts kept as written.
        QVERIFY(page->loadXml(testing::readText(testing::archiveData(u"unknown-parts.xml"_s))));
        QApplication::processEvents();
        save(page, u"kept"_s);
    }

    void advancedWithError()
    {
        testing::BuilderFixture f;
        ui::QueryBuilderPage *page = f.page();
        QVERIFY(f.showActive());
        f.mode()->setCurrentIndex(1);
        auto *editor = child<QPlainTextEdit>(page, u"advancedXml"_s);
        QString xml = testing::readText(testing::archiveData(u"simple-search.pretty.xml"_s));
        xml.replace(u"<text>to: victim@x.com</text>"_s, u"<text>to: victim@x.com</txt>"_s);
        editor->setPlainText(xml);
        QTRY_VERIFY(!child<QLabel>(page, u"xmlError"_s)->text().isEmpty());
        QVERIFY(child<QLabel>(page, u"xmlError"_s)->text().startsWith(u"line 17, column"_s));
        save(page, u"advanced-error"_s);
    }
};

QTEST_MAIN(TestBuilderScreens)
#include "test_builder_screens.moc"
