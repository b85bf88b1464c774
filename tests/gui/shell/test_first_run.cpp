// First run: with no connection profile the welcome page shows; its buttons add a connection
// or start the demo on the in-process simulator.
#include "tests/support/guitestsupport.h"
#include "ui/shell/connectioncontroller.h"
#include "ui/shell/connectionindicator.h"
#include "ui/shell/session.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QToolBar>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;

class TestFirstRun : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void welcomePageWithoutProfiles()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        window.show();
        window.chooseInitialConnection(false, {});
        QVERIFY(window.isWelcomeShown());
        auto *root = child<QStackedWidget>(&window, u"rootStack"_s);
        QCOMPARE(root->currentWidget()->objectName(), u"welcomePage"_s);
        auto *add = child<QPushButton>(&window, u"addConnectionButton"_s);
        auto *demo = child<QPushButton>(&window, u"tryDemoButton"_s);
        QVERIFY(add && demo);
        QVERIFY(add->isVisible() && add->isEnabled());
        QVERIFY(demo->isVisible() && demo->isEnabled());
        // Nothing to switch or refresh yet.
        QVERIFY(!child<QToolBar>(&window, u"sessionToolbar"_s)->isEnabled());
        QVERIFY(!child<QAction>(&window, u"refreshAction"_s)->isEnabled());
        QCOMPARE(window.session()->connectionStatus().state, ui::ConnectionStatus::State::None);
    }

    void demoButtonStartsTheDemo()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        window.show();
        QTest::mouseClick(child<QPushButton>(&window, u"tryDemoButton"_s), Qt::LeftButton);

        QVERIFY(window.connections()->isDemoRunning());
        QVERIFY(!window.isWelcomeShown());
        auto *indicator = child<ui::ConnectionIndicator>(&window, u"connectionIndicator"_s);
        QTRY_COMPARE(indicator->status().state, ui::ConnectionStatus::State::Ok);
        QVERIFY(indicator->text().contains(u"Demo Corp (simulator)"_s));
        auto *switcher = child<QComboBox>(&window, u"profileSwitcher"_s);
        QCOMPARE(switcher->currentText(), u"Demo (simulator)"_s);
        QCOMPARE(window.session()->profileName(), ui::ConnectionController::demoProfileName());
        QVERIFY(child<QToolBar>(&window, u"sessionToolbar"_s)->isEnabled());
        // Held only in memory: no profile was written.
        QVERIFY(window.connections()->profileNames().isEmpty());
        QVERIFY(env.secrets()->keys().isEmpty());
    }

    void addConnectionButtonOpensTheProfileDialog()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        window.show();
        QString opened;
        QTimer::singleShot(0, this, [&] {
            // The dialog is modal: close it from the event loop it runs.
            QTRY_VERIFY(QApplication::activeModalWidget());
            QWidget *dialog = QApplication::activeModalWidget();
            opened = QString::fromLatin1(dialog->metaObject()->className());
            qobject_cast<QDialog *>(dialog)->reject();
        });
        QTest::mouseClick(child<QPushButton>(&window, u"addConnectionButton"_s), Qt::LeftButton);
        QCOMPARE(opened, u"mcdesk::ui::ProfileDialog"_s);
        QVERIFY(window.isWelcomeShown()); // cancelled: still no connection
    }
};

QTEST_MAIN(TestFirstRun)
#include "test_first_run.moc"
