// The toolbar's Case and Alert group reach the audit log of an action run through the Session,
// and long work shows in the status bar with progress and Cancel.
#include "tests/support/guitestsupport.h"
#include "ui/activity/activitypage.h"
#include "ui/activity/auditfiltermodel.h"
#include "ui/activity/auditmodel.h"
#include "ui/shell/messagebar.h"
#include "ui/shell/session.h"

#include <QJsonObject>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;
using State = ui::ConnectionStatus::State;

class TestSessionContext : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void caseAndAlertGroupReachTheAuditLog()
    {
        testing::GuiEnvironment env;
        auto sim = testing::startSimulator();
        QVERIFY(env.addProfile(u"Sim"_s, sim->baseUrl()));
        ui::MainWindow window(env.services());
        window.show();
        window.chooseInitialConnection(false, u"Sim"_s);
        ui::Session *session = window.session();
        QTRY_COMPARE(session->connectionStatus().state, State::Ok);

        QTest::keyClicks(child<QLineEdit>(&window, u"caseField"_s), u"INC-77"_s);
        QTest::keyClicks(child<QLineEdit>(&window, u"alertGroupField"_s), u"AG-1, AG-2 ,AG-1,"_s);
        QCOMPARE(session->context().caseId, u"INC-77"_s);
        QCOMPARE(session->context().alertGroups, (QStringList{u"AG-1"_s, u"AG-2"_s}));
        QCOMPARE(session->context().profile, u"Sim"_s);

        const QString id = sim->heldIds(1).value(0);
        QVERIFY(!id.isEmpty());
        actions::ActionArgs args;
        args.messageIds = {id};
        QSignalSpy tasks(session, &ui::Session::tasksChanged);
        QSignalSpy finished(session, &ui::Session::actionFinished);
        actions::ActionRunner *runner =
            session->runAction(actions::ActionId::ReleaseMessage, args, u"Releasing 1 message"_s);
        QVERIFY(runner);
        QVERIFY(child<QProgressBar>(&window, u"statusProgress"_s)->isVisible());
        QVERIFY(finished.wait());
        QVERIFY(runner->outcome().success);
        QVERIFY(!child<QProgressBar>(&window, u"statusProgress"_s)->isVisible());
        QVERIFY(tasks.size() >= 2);
        QVERIFY(!sim->isHeld(id));

        const QList<audit::AuditEntry> log = audit::AuditLog(env.auditPath()).readAll();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().caseId, u"INC-77"_s);
        QCOMPARE(log.first().alertGroups, (QStringList{u"AG-1"_s, u"AG-2"_s}));
        QCOMPARE(log.first().profile, u"Sim"_s);
        QCOMPARE(log.first().action, u"release-message"_s);
        QCOMPARE(log.first().items.first().toObject().value(u"id"_s).toString(), id);
        QCOMPARE(log.first().items.first().toObject().value(u"outcome"_s).toString(), u"done"_s);

        // The Activity page rereads the log when an action finishes.
        auto *activity = child<ui::ActivityPage>(&window, u"page_activity"_s);
        QTRY_COMPARE(activity->filterModel()->rowCount(), 1);
        QCOMPARE(activity->filterModel()->index(0, ui::AuditModel::Case).data().toString(),
                 u"INC-77"_s);
    }

    void taskShowsProgressAndCancels()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        window.show();
        ui::Session *session = window.session();
        auto *progress = child<QProgressBar>(&window, u"statusProgress"_s);
        auto *cancel = child<QPushButton>(&window, u"statusCancel"_s);
        QVERIFY(!progress->isVisible());

        int cancelled = 0;
        int task = 0;
        task = session->beginTask(u"Exporting"_s, [&] {
            ++cancelled;
            session->endTask(task);
        });
        QVERIFY(progress->isVisible());
        QCOMPARE(progress->maximum(), 0); // busy until a total is known
        session->progress(task, 25, 100);
        QCOMPARE(progress->maximum(), 100);
        QCOMPARE(progress->value(), 25);
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(cancelled, 1);
        QVERIFY(!progress->isVisible());

        const int plain = session->beginTask(u"Reading"_s);
        QVERIFY(!cancel->isEnabled()); // nothing to cancel
        session->endTask(plain);
        QVERIFY(!session->currentTask());
    }

    void noConnectionMeansNoAction()
    {
        testing::GuiEnvironment env;
        ui::MainWindow window(env.services());
        window.show();
        actions::ActionArgs args;
        args.messageIds = {u"x"_s};
        QVERIFY(!window.session()->runAction(actions::ActionId::ReleaseMessage, args));
        QVERIFY(window.messageBar()->isVisible());
        QVERIFY(window.messageBar()->text().contains(u"release-message"_s));
    }
};

QTEST_MAIN(TestSessionContext)
#include "test_session_context.moc"
