// The frame: names on every interactive widget, navigation by keyboard, menus with shortcuts,
// every page real and named, persisted layout, Refresh and the message bar.
#include "tests/support/guitestsupport.h"
#include "ui/activity/activitypage.h"
#include "ui/activity/networklogmodel.h"
#include "ui/archive/archivesearchpage.h"
#include "ui/common/elidedlabel.h"
#include "ui/common/page.h"
#include "ui/common/palette.h"
#include "ui/held/heldqueuepage.h"
#include "ui/shell/messagebar.h"
#include "ui/shell/session.h"
#include "ui/shell/shortcutsheet.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void everyInteractiveWidgetHasAName()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        window.show();
        window.chooseInitialConnection(true, {}); // the workspace, not the welcome page
        for (const QString &name :
             {u"profileSwitcher"_s, u"caseField"_s, u"alertGroupField"_s, u"connectionIndicator"_s,
              u"navigation"_s, u"statusProgress"_s, u"statusCancel"_s, u"messageBar"_s,
              u"page_held"_s, u"page_archive"_s, u"page_builder"_s, u"page_senders"_s,
              u"page_activity"_s})
            QVERIFY2(window.findChild<QWidget *>(name), qPrintable(name));
        QVERIFY(child<QAction>(&window, u"refreshAction"_s));

        QStringList unnamed;
        for (QWidget *w : window.findChildren<QWidget *>()) {
            const bool interactive = qobject_cast<QAbstractButton *>(w) ||
                                     qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
                                     qobject_cast<QAbstractItemView *>(w) ||
                                     qobject_cast<QAbstractSpinBox *>(w);
            if (!interactive || !w->objectName().isEmpty() || w->objectName().startsWith(u"qt_"_s))
                continue;
            // Parts Qt builds inside composite widgets are named by their owner.
            bool internal = false;
            for (QWidget *p = w->parentWidget(); p && p != &window; p = p->parentWidget())
                internal = internal || qobject_cast<QComboBox *>(p) ||
                           qobject_cast<QAbstractSpinBox *>(p) ||
                           qobject_cast<QLineEdit *>(p) // its clear button
                           || qobject_cast<QAbstractItemView *>(p) ||
                           qobject_cast<QHeaderView *>(p) || qobject_cast<QMenu *>(p);
            if (qobject_cast<QToolButton *>(w) && qobject_cast<QToolBar *>(w->parentWidget()))
                internal =
                    internal || w->objectName().isEmpty(); // action buttons: the action is named
            if (!internal)
                unnamed << QString::fromLatin1(w->metaObject()->className()) + u" under "_s +
                               w->parentWidget()->objectName();
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u"; "_s)));
        for (QAction *action : window.findChildren<QAction *>(Qt::FindDirectChildrenOnly))
            if (!action->isSeparator())
                QVERIFY2(!action->objectName().isEmpty(), qPrintable(action->text()));
    }

    void ctrlNumberSwitchesPages()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        window.show();
        window.chooseInitialConnection(true, {});
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *pages = child<QStackedWidget>(&window, u"pages"_s);
        auto *navigation = child<QListWidget>(&window, u"navigation"_s);
        const QStringList names{u"page_held"_s, u"page_archive"_s, u"page_builder"_s,
                                u"page_senders"_s, u"page_activity"_s};
        for (int i = names.size() - 1; i >= 0; --i) {
            QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(pages->currentWidget()->objectName(), names.at(i));
            QCOMPARE(navigation->currentRow(), i);
        }
        // And with the arrow keys in the page list.
        navigation->setFocus();
        QTest::keyClick(navigation, Qt::Key_Down);
        QCOMPARE(pages->currentWidget()->objectName(), u"page_archive"_s);
        QVERIFY(window.showPage(u"activity"_s));
        QCOMPARE(window.currentPage()->objectName(), u"page_activity"_s);
        QVERIFY(!window.showPage(u"nope"_s));
    }

    void tabWalksTheToolbarThenThePages()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        window.show();
        window.chooseInitialConnection(true, {});
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *caseField = child<QLineEdit>(&window, u"caseField"_s);
        caseField->setFocus();
        QTRY_VERIFY(caseField->hasFocus());
        const QStringList order{u"alertGroupField"_s, u"connectionIndicator"_s, u"navigation"_s};
        for (const QString &next : order) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget()->objectName(), next);
        }
        caseField->setFocus();
        QTest::keyClick(caseField, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"profileSwitcher"_s);
    }

    void menusShowShortcuts()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        QStringList menus;
        for (QAction *a : window.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList{u"&File"_s, u"&View"_s, u"&Help"_s}));
        auto *file = child<QMenu>(&window, u"fileMenu"_s);
        QStringList fileItems;
        for (QAction *a : file->actions())
            fileItems << a->objectName();
        QVERIFY(fileItems.contains(u"manageConnectionsAction"_s));
        QVERIFY(fileItems.contains(u"quitAction"_s));
        QCOMPARE(child<QAction>(&window, u"quitAction"_s)->shortcut(),
                 QKeySequence(QKeySequence::Quit));
        QCOMPARE(child<QAction>(&window, u"refreshAction"_s)->shortcut(), QKeySequence(Qt::Key_F5));
        QCOMPARE(child<QAction>(&window, u"show_builderAction"_s)->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_3));
        QVERIFY(child<QMenu>(&window, u"viewMenu"_s)
                    ->actions()
                    .contains(child<QAction>(&window, u"show_activityAction"_s)));
        QVERIFY(child<QMenu>(&window, u"helpMenu"_s)
                    ->actions()
                    .contains(child<QAction>(&window, u"aboutAction"_s)));
    }

    void shortcutSheetListsEveryPlace()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        child<QAction>(&window, u"shortcutsAction"_s)->trigger();
        auto *sheet = child<ui::ShortcutSheet>(&window, u"shortcutSheet"_s);
        QVERIFY(QTest::qWaitForWindowExposed(sheet));
        auto *list = child<QTreeWidget>(sheet, u"shortcutList"_s);
        QStringList places;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            places << list->topLevelItem(i)->text(0);
        // The window's own keys come first, then one group per page that has keys.
        QCOMPARE(places.value(0), u"Everywhere"_s);
        QVERIFY2(places.contains(u"Held queue"_s), qPrintable(places.join(u", "_s)));
        QVERIFY(places.size() >= 4);
        QCOMPARE(QKeySequence(child<QAction>(&window, u"shortcutsAction"_s)->shortcut()),
                 QKeySequence(Qt::CTRL | Qt::Key_Slash));
        testing::saveShot(sheet, u"shortcut-sheet-window"_s);

        // Typing into the filter hides what does not match, groups included.
        QTest::keyClicks(child<QLineEdit>(sheet, u"shortcutFilter"_s), u"mark to rel"_s);
        int visibleGroups = 0;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *group = list->topLevelItem(i);
            if (group->isHidden())
                continue;
            ++visibleGroups;
            for (int c = 0; c < group->childCount(); ++c)
                if (!group->child(c)->isHidden())
                    QVERIFY(group->child(c)->text(0).startsWith(u"Mark to rel"_s));
        }
        QCOMPARE(visibleGroups, 1);
        sheet->close();
    }

    void pageMenuFollowsThePage()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        QVERIFY(window.connections()->startDemo());
        const auto menus = [&] {
            QStringList names;
            for (QAction *a : window.menuBar()->actions())
                names << a->text();
            return names;
        };
        QVERIFY(window.showPage(u"held"_s));
        QCOMPARE(menus(), (QStringList{u"&File"_s, u"&View"_s, u"&Messages"_s, u"&Help"_s}));
        // Release, reject and refresh are listed with their keys.
        auto *held = child<QMenu>(&window, u"heldMenu"_s);
        auto *release = child<QAction>(&window, u"releaseAction"_s);
        QVERIFY(held->actions().contains(release));
        QCOMPARE(release->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QVERIFY(held->actions().contains(child<QAction>(&window, u"rejectAction"_s)));
        QVERIFY(child<QAction>(&window, u"refreshHeldAction"_s)->text().endsWith(u"F5"_s));
        QVERIFY(window.showPage(u"archive"_s));
        QCOMPARE(menus(), (QStringList{u"&File"_s, u"&View"_s, u"&Help"_s}));
    }

    void pagesHandWorkToEachOther()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        QVERIFY(window.connections()->startDemo());
        auto *held = qobject_cast<ui::HeldQueuePage *>(window.page(u"held"_s));
        auto *archive = qobject_cast<ui::ArchiveSearchPage *>(window.page(u"archive"_s));
        QVERIFY(held && archive);

        // Held queue → "Block this sender…": the sender page, prefilled.
        emit held->blockSenderRequested(u"ceo@wire-fraud.example"_s, u"cfo@demo.example"_s);
        QCOMPARE(window.currentPage(), window.page(u"senders"_s));
        QCOMPARE(child<QLineEdit>(window.page(u"senders"_s), u"senderAddress"_s)->text(),
                 u"ceo@wire-fraud.example"_s);

        // Held queue → "Search archive for this sender": the archive page searches for it.
        emit held->searchArchiveForSender(u"billing@evil.example"_s);
        QCOMPARE(window.currentPage(), archive);
        QCOMPARE(child<QLineEdit>(archive, u"fromAddresses"_s)->text(), u"billing@evil.example"_s);

        // Archive → "Show held messages from this sender": the queue, searched by sender.
        emit archive->showHeldFromSenderRequested(u"promo@spam.example"_s);
        QCOMPARE(window.currentPage(), held);
        QCOMPARE(child<QLineEdit>(held, u"heldSearchValue"_s)->text(), u"promo@spam.example"_s);
        QCOMPARE(child<QComboBox>(held, u"heldSearchField"_s)->currentData().toString(),
                 u"sender"_s);
    }

    void everyPageIsReal()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        for (const QString &key : ui::MainWindow::pageKeys()) {
            QVERIFY2(window.page(key), qPrintable(key));
            QCOMPARE(window.page(key)->objectName(), u"page_"_s + key);
            QVERIFY(!window.page(key)->title().isEmpty());
        }
        QVERIFY(qobject_cast<ui::HeldQueuePage *>(window.page(u"held"_s)));
    }

    void layoutPersists()
    {
        testing::GuiEnvironment env;
        int navWidth = 0;
        int timeColumn = 0;
        {
            ui::MainWindow window(env.services());
            window.chooseInitialConnection(true, {});
            window.show();
            // A 1280-pixel-wide screen is enough for the frame and every page (the archive
            // page's form beside its results is the widest).
            QVERIFY2(window.minimumSizeHint().width() <= 1200,
                     qPrintable(QString::number(window.minimumSizeHint().width())));
            window.resize(1200, 700);
            QVERIFY(window.showPage(u"senders"_s));
            auto *splitter = child<QSplitter>(&window, u"mainSplitter"_s);
            splitter->setSizes({230, 970});
            navWidth = splitter->sizes().first();
            auto *table = child<QTableView>(&window, u"activityTable"_s);
            table->horizontalHeader()->resizeSection(0, 222);
            timeColumn = table->horizontalHeader()->sectionSize(0);
            window.close();
        }
        ui::MainWindow again(env.services());
        again.chooseInitialConnection(true, {});
        again.show();
        QCOMPARE(again.size(), QSize(1200, 700));
        QCOMPARE(again.currentPage()->objectName(), u"page_senders"_s);
        QCOMPARE(child<QSplitter>(&again, u"mainSplitter"_s)->sizes().first(), navWidth);
        QCOMPARE(child<QTableView>(&again, u"activityTable"_s)->horizontalHeader()->sectionSize(0),
                 timeColumn);
    }

    // A 1024x640 screen holds the window and every page; on the held page nothing overlaps
    // and long values are shortened with "…" and a tooltip, never cut silently.
    void fitsASmallScreen()
    {
        QCOMPARE(ui::MainWindow::firstRunSize(QSize(1920, 1040), QSize(1190, 860)),
                 QSize(1190, 860));
        const QSize small = ui::MainWindow::firstRunSize(QSize(1024, 600), QSize(1190, 860));
        QVERIFY(small.width() <= 1024 && small.height() <= 600);
        QVERIFY(small.width() >= 800);

        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        window.resize(1024, 640);
        window.show();
        window.chooseInitialConnection(true, {});
        QVERIFY2(window.minimumSizeHint().width() <= 1000,
                 qPrintable(QString::number(window.minimumSizeHint().width())));
        QVERIFY(window.showPage(u"held"_s));
        QTRY_VERIFY_WITH_TIMEOUT(window.currentPage()->isLoaded(), 30000);
        QCOMPARE(window.width(), 1024);
        const auto rectOf = [&](const QWidget *w) {
            return QRect(w->mapTo(&window, QPoint(0, 0)), w->size());
        };
        auto *state = child<ui::ElidedLabel>(&window, u"heldDetailState"_s);
        auto *caption = child<QLabel>(&window, u"heldSummaryCaption"_s);
        QVERIFY(!rectOf(state).intersects(rectOf(caption)));
        QVERIFY(state->fontMetrics().horizontalAdvance(state->text()) <= state->width());
        auto *id = child<ui::ElidedLabel>(&window, u"heldDetailId"_s);
        QVERIFY(id->isElided());
        QVERIFY(id->text().endsWith(QChar(0x2026)));
        QVERIFY(id->toolTip().contains(id->fullText()));
        testing::saveShot(&window, u"held-1024x640"_s);
    }

    void refreshPingsAgainAndReloadsThePage()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        window.show();
        window.chooseInitialConnection(true, {});
        ui::Session *session = window.session();
        QTRY_COMPARE(session->connectionStatus().state, ui::ConnectionStatus::State::Ok);
        // Pages load their own data too; count only the pings.
        const auto pings = [session] {
            int n = 0;
            for (int row = 0; row < session->networkLog()->rowCount(); ++row)
                n += session->networkLog()->entry(row).path == u"/api/account/get-account"_s;
            return n;
        };
        QCOMPARE(pings(), 1);
        QVERIFY(window.showPage(u"activity"_s));
        QSignalSpy loaded(window.currentPage(), &ui::Page::loaded);
        child<QAction>(&window, u"refreshAction"_s)->trigger();
        QTRY_COMPARE(pings(), 2);
        QTRY_COMPARE(loaded.size(), 1);
        QTRY_COMPARE(session->connectionStatus().state, ui::ConnectionStatus::State::Ok);
    }

    void followsADarkPalette()
    {
        // A dark system palette: nothing of ours may stay light.
        const QPalette original = QApplication::palette();
        QApplication::setPalette(ui::palette::dark());
        {
            testing::GuiEnvironment env;
            ui::MainWindow window(env.services());
            window.resize(1280, 800);
            window.show();
            window.chooseInitialConnection(true, {});
            QTRY_COMPARE(window.session()->connectionStatus().state,
                         ui::ConnectionStatus::State::Ok);
            window.session()->reportError(u"Release failed for 2 of 5 messages."_s,
                                          u"Code: err_x"_s);
            QVERIFY(window.showPage(u"activity"_s));
            QTRY_VERIFY(window.currentPage()->isLoaded());
            const QColor bar = window.messageBar()->palette().color(QPalette::Window);
            QVERIFY2(bar.lightnessF() < 0.4, qPrintable(bar.name()));
            QVERIFY(bar.redF() > bar.blueF()); // still reads as an error
            testing::saveShot(&window, u"dark"_s);
            const QImage shot = window.grab().toImage();
            // Sample the page background: dark, as the palette says.
            QVERIFY(QColor(shot.pixel(shot.width() / 2, shot.height() - 40)).lightnessF() < 0.4);
        }
        QApplication::setPalette(original);
    }

    void errorsGoToTheMessageBar()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        window.show();
        api::ApiError error{api::ApiError::Kind::Refused, 200, u"err_hold_not_found"_s,
                            u"<b>not held</b>"_s, false};
        window.session()->reportApiError(u"Release failed."_s, error);
        ui::MessageBar *bar = window.messageBar();
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->text(), u"Release failed. <b>not held</b>"_s);
        QVERIFY(bar->details().contains(u"Code: err_hold_not_found"_s));
        QVERIFY(bar->details().contains(u"HTTP status: 200"_s));
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
