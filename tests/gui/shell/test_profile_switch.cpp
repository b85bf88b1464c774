// Switching connections from the toolbar: the indicator follows the simulator's answer, a
// failure is shown in red with its reason and in the message bar.
#include "tests/support/guitestsupport.h"
#include "ui/shell/connectioncontroller.h"
#include "ui/shell/connectionindicator.h"
#include "ui/shell/messagebar.h"
#include "ui/shell/session.h"

#include <QComboBox>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;
using State = ui::ConnectionStatus::State;

class TestProfileSwitch : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void switchingUpdatesTheIndicator()
    {
        testing::GuiEnvironment env;
        auto sim = testing::startSimulator();
        QVERIFY(env.addProfile(u"Alpha Sim"_s, sim->baseUrl()));
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        QVERIFY(env.addProfile(u"Broken"_s, QUrl(u"http://127.0.0.1:1"_s)));

        ui::MainWindow window(env.services());
        window.show();
        window.chooseInitialConnection(false, u"Broken"_s);
        auto *indicator = child<ui::ConnectionIndicator>(&window, u"connectionIndicator"_s);
        auto *switcher = child<QComboBox>(&window, u"profileSwitcher"_s);
        QCOMPARE(switcher->currentText(), u"Broken"_s);
        QTRY_COMPARE(indicator->status().state, State::Failed);
        QVERIFY(indicator->text().startsWith(u"Broken: "_s));
        QVERIFY(!indicator->status().error.message.isEmpty());
        ui::MessageBar *bar = window.messageBar();
        QVERIFY(bar->isVisible());
        // The connection test and each page report the refusal; which lands last on the bar
        // depends on the retries' jitter, so the bar is checked for the failure itself.
        QVERIFY2(bar->text().contains(u"Could not connect"_s), qPrintable(bar->text()));
        QVERIFY(!bar->details().isEmpty());

        // Keyboard on the closed combo box: Up selects "Alpha Sim" (the names are sorted).
        switcher->setFocus();
        QTest::keyClick(switcher, Qt::Key_Up);
        QCOMPARE(switcher->currentText(), u"Alpha Sim"_s);
        QTRY_COMPARE(indicator->status().state, State::Ok);
        QCOMPARE(indicator->status().accountName, u"Demo Corp (simulator)"_s);
        QVERIFY(indicator->text().contains(u"Demo Corp (simulator)"_s));
        QCOMPARE(window.session()->profileName(), u"Alpha Sim"_s);
        QVERIFY(!bar->isVisible()); // the connection error no longer applies
        QCOMPARE(window.connections()->profiles()->lastUsed(), u"Alpha Sim"_s);
        QVERIFY(window.windowTitle().startsWith(u"Alpha Sim"_s));
    }

    void lastUsedProfileIsChosenAtStart()
    {
        testing::GuiEnvironment env;
        auto sim = testing::startSimulator();
        QVERIFY(env.addProfile(u"A"_s, sim->baseUrl()));
        QVERIFY(env.addProfile(u"B"_s, sim->baseUrl()));
        secrets::ProfileStore(env.settings()).setLastUsed(u"B"_s);
        ui::MainWindow window(env.services());
        window.chooseInitialConnection(false, {});
        QCOMPARE(window.connections()->activeProfile(), u"B"_s);
        QTRY_COMPARE(window.session()->connectionStatus().state, State::Ok);
    }

    void missingSecretIsNamed()
    {
        testing::GuiEnvironment env;
        auto sim = testing::startSimulator();
        QVERIFY(env.addProfile(u"No secrets"_s, sim->baseUrl(), sim::demoCredentials(), false));
        ui::MainWindow window(env.services());
        window.chooseInitialConnection(false, u"No secrets"_s);
        QTRY_COMPARE(window.session()->connectionStatus().state, State::Failed);
        QVERIFY(window.session()->connectionStatus().error.message.contains(u"keychain"_s));
        QVERIFY(window.messageBar()->isVisibleTo(&window));
        QCOMPARE(sim->requests().size(), 0); // nothing was sent without the secrets
    }

    void noKeychainSaysSo()
    {
        testing::GuiEnvironment env;
        auto sim = testing::startSimulator();
        QVERIFY(env.addProfile(u"Locked"_s, sim->baseUrl()));
        env.secrets()->setSimulateNoKeychain(true);
        ui::MainWindow window(env.services());
        window.chooseInitialConnection(false, u"Locked"_s);
        QTRY_COMPARE(window.session()->connectionStatus().state, State::Failed);
        QVERIFY(window.messageBar()->text().contains(u"Locked"_s));
        QVERIFY(window.messageBar()->details().contains(u"mcdesk_keychain_"_s));

        // Once the keychain answers again, Refresh loads the secrets and connects.
        env.secrets()->setSimulateNoKeychain(false);
        window.findChild<QAction *>(u"refreshAction"_s)->trigger();
        QTRY_COMPARE(window.session()->connectionStatus().state, State::Ok);
        QCOMPARE(window.session()->connectionStatus().accountName, u"Demo Corp (simulator)"_s);
    }

    void unknownProfileFromCommandLine()
    {
        testing::GuiEnvironment env;
        auto sim = testing::startSimulator();
        QVERIFY(env.addProfile(u"Real"_s, sim->baseUrl()));
        ui::MainWindow window(env.services());
        window.chooseInitialConnection(false, u"Typo"_s);
        QCOMPARE(window.session()->connectionStatus().state, State::Failed);
        QVERIFY(window.messageBar()->text().contains(u"Typo"_s));
    }
};

QTEST_MAIN(TestProfileSwitch)
#include "test_profile_switch.moc"
