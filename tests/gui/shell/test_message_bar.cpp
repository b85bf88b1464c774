// The message bar: non-modal errors with a Details expander, plain text only.
#include "tests/support/guitestsupport.h"
#include "ui/shell/messagebar.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using mcdesk::ui::MessageBar;

class TestMessageBar : public QObject
{
    Q_OBJECT

private slots:
    void init() { mcdesk::testing::failOnUnexpectedWarnings(); }

    void hiddenUntilSomethingIsReported()
    {
        QWidget window;
        auto *bar = new MessageBar(&window);
        window.show();
        QVERIFY(!bar->isVisible());
    }

    void showsErrorWithDetails()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *bar = new MessageBar(&window);
        layout->addWidget(bar);
        window.resize(600, 200);
        window.show();

        bar->showError(u"Release failed for 1 message."_s,
                       u"Code: err_hold_not_found\nMessage: The message is no longer held."_s);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->level(), MessageBar::Level::Error);
        auto *text = bar->findChild<QLabel *>(u"messageBarText"_s);
        QVERIFY(text);
        QCOMPARE(text->textFormat(), Qt::PlainText);
        QCOMPARE(text->text(), u"Release failed for 1 message."_s);

        auto *details = bar->findChild<QPlainTextEdit *>(u"messageBarDetails"_s);
        auto *detailsButton = bar->findChild<QToolButton *>(u"messageBarDetailsButton"_s);
        QVERIFY(details && detailsButton);
        QVERIFY(detailsButton->isVisible());
        QVERIFY(!details->isVisible());
        QTest::mouseClick(detailsButton, Qt::LeftButton);
        QVERIFY(details->isVisible());
        QVERIFY(details->toPlainText().contains(u"err_hold_not_found"_s));
        QTest::mouseClick(detailsButton, Qt::LeftButton);
        QVERIFY(!details->isVisible());

        QSignalSpy dismissed(bar, &MessageBar::dismissed);
        QTest::mouseClick(bar->findChild<QToolButton *>(u"messageBarClose"_s), Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        QCOMPARE(dismissed.size(), 1);
    }

    void noDetailsButtonWithoutDetails()
    {
        QWidget window;
        auto *bar = new MessageBar(&window);
        window.show();
        bar->showMessage(MessageBar::Level::Information, u"Exported."_s);
        QVERIFY(!bar->findChild<QToolButton *>(u"messageBarDetailsButton"_s)->isVisible());
        QVERIFY(!bar->isDetailsExpanded());
    }

    void untrustedTextStaysPlainAndOnOneLine()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *bar = new MessageBar(&window);
        layout->addWidget(bar);
        window.resize(400, 120);
        window.show();
        const QString hostile =
            u"<img src=x onerror=alert(1)><b>Subject</b>\nsecond line "_s + QString(200, u'x');
        bar->showError(hostile, hostile);
        auto *text = bar->findChild<QLabel *>(u"messageBarText"_s);
        QTRY_VERIFY(text->width() > 0);
        QCOMPARE(text->textFormat(), Qt::PlainText);
        QVERIFY(text->text().startsWith(u"<img src=x"_s)); // shown literally, not rendered
        QVERIFY(!text->text().contains(u'\n'));
        QVERIFY(text->text().size() < hostile.size());         // elided to fit
        QVERIFY(text->toolTip().contains(u"&lt;img src=x"_s)); // escaped, never rendered
        QVERIFY(!text->toolTip().contains(u"<img"_s));
        QCOMPARE(bar->findChild<QPlainTextEdit *>(u"messageBarDetails"_s)->toPlainText(), hostile);
    }

    void newerMessageReplacesOlder()
    {
        QWidget window;
        auto *bar = new MessageBar(&window);
        window.show();
        bar->showError(u"first"_s, u"details one"_s);
        bar->setDetailsExpanded(true);
        bar->showMessage(MessageBar::Level::Warning, u"second"_s);
        QCOMPARE(bar->text(), u"second"_s);
        QCOMPARE(bar->level(), MessageBar::Level::Warning);
        QVERIFY(!bar->isDetailsExpanded());
    }
};

QTEST_MAIN(TestMessageBar)
#include "test_message_bar.moc"
