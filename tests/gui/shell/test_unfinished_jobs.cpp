// The unfinished-jobs strip (docs/jobs.md): after mcdesk-cli was killed mid-release, the window
// offers the job; Resume finishes it with each message written once; Discard sends nothing.
#include "core/jobs/jobjournal.h"
#include "tests/support/clirun.h"
#include "tests/support/dialogscript.h"
#include "tests/support/guitestsupport.h"
#include "ui/shell/session.h"

#include <QDialog>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;
using State = ui::ConnectionStatus::State;

class TestUnfinishedJobs : public QObject
{
    Q_OBJECT

    static ui::Services servicesFor(testing::GuiEnvironment &env)
    {
        ui::Services s = env.services();
        // The journal sits beside the audit log: the one mcdesk-cli used.
        s.auditLogPath = env.path(u"data/mcdesk/audit.jsonl"_s);
        return s;
    }

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void killedReleaseIsOfferedAndResumeFinishesIt()
    {
        testing::GuiEnvironment env;
        auto sim = testing::startSimulator();
        const QStringList ids = sim->heldIds(40);
        QProcessEnvironment cli =
            testing::cliEnvironment(env.path(QString()), sim->baseUrl(), sim::demoCredentials());
        // Killed once the first batch's answer is on disk; the second batch was in flight.
        cli.insert(u"MCDESK_TEST_CRASH_AT"_s, u"after-settle:1"_s);
        QStringList args{u"release-message"_s, u"--case-id"_s, u"INC-2041"_s};
        for (const QString &id : ids)
            args << u"--message-id"_s << id;
        QProcess killed;
        killed.setProcessEnvironment(cli);
        killed.start(qEnvironmentVariable("MCDESK_CLI"), args);
        QVERIFY(killed.waitForFinished(60000));
        QCOMPARE(killed.exitStatus(), QProcess::CrashExit);

        QVERIFY(env.addProfile(u"environment"_s, sim->baseUrl()));
        ui::MainWindow window(servicesFor(env));
        window.show();
        window.chooseInitialConnection(false, u"environment"_s);
        ui::Session *session = window.session();
        QTRY_COMPARE(session->connectionStatus().state, State::Ok);

        auto *bar = child<QFrame>(&window, u"unfinishedJobsBar"_s);
        QTRY_VERIFY(bar->isVisible());
        const QString text = child<QLabel>(bar, u"unfinishedJobText"_s)->text();
        QVERIFY2(text.contains(u"Release message, 40 messages: 25 done, 15 in flight when it "
                               u"stopped; case INC-2041"_s),
                 qPrintable(text));
        auto *resume = child<QPushButton>(bar, u"resumeJobButton"_s);
        QTRY_VERIFY(resume->isEnabled());

        actions::ActionOutcome outcome;
        bool finished = false;
        connect(session, &ui::Session::actionFinished, this,
                [&](actions::ActionId, const actions::ActionOutcome &o) {
                    outcome = o;
                    finished = true;
                });
        QTest::mouseClick(resume, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished, 30000);
        QVERIFY2(outcome.success, qPrintable(outcome.message));
        QCOMPARE(outcome.items.size(), 40);
        for (const api::ItemOutcome &o : outcome.items)
            QCOMPARE(o.status, api::ItemOutcome::Status::Done);
        for (const QString &id : ids)
            QCOMPARE(sim->heldWrites(id), 1);
        QTRY_VERIFY(!bar->isVisible());
        // Good news needs no dialog: the status bar says so, with Show outcomes beside it; the
        // outcome list continues the job: every message of it, done.
        auto *dialog = child<QDialog>(&window, u"heldOutcomeDialog"_s);
        auto *show = child<QToolButton>(&window, u"statusActionButton"_s);
        QTRY_VERIFY(show->isVisible());
        QVERIFY(!dialog->isVisible());
        QVERIFY2(window.statusBar()->currentMessage().contains(u"40 done"_s),
                 qPrintable(window.statusBar()->currentMessage()));
        QTest::mouseClick(show, Qt::LeftButton);
        QTRY_VERIFY(dialog->isVisible());
        auto *list = child<QTreeWidget>(dialog, u"outcomeList"_s);
        QCOMPARE(list->topLevelItemCount(), 40);
        QVERIFY2(child<QLabel>(dialog, u"outcomeSummary"_s)->text().contains(u"40 done"_s),
                 qPrintable(child<QLabel>(dialog, u"outcomeSummary"_s)->text()));
    }

    void discardSendsNothingAndEndsTheJob()
    {
        testing::GuiEnvironment env;
        auto sim = testing::startSimulator();
        const QStringList ids = sim->heldIds(5);
        {
            jobs::JobJournal journal(env.path(u"data/mcdesk/jobs.sqlite"_s));
            QCOMPARE(journal.open(), QString());
            QString error;
            QVERIFY(journal.createJob(u"release-message"_s, {}, {}, u"Sim"_s, ids, &error));
        }
        QVERIFY(env.addProfile(u"Sim"_s, sim->baseUrl()));
        ui::MainWindow window(servicesFor(env));
        window.show();
        window.chooseInitialConnection(false, u"Sim"_s);
        ui::Session *session = window.session();
        QTRY_COMPARE(session->connectionStatus().state, State::Ok);
        auto *bar = child<QFrame>(&window, u"unfinishedJobsBar"_s);
        QTRY_VERIFY(bar->isVisible());

        testing::DialogScript script;
        ui::dialogs::setNextConfirm(true);
        actions::ActionOutcome outcome;
        bool finished = false;
        connect(session, &ui::Session::actionFinished, this,
                [&](actions::ActionId, const actions::ActionOutcome &o) {
                    outcome = o;
                    finished = true;
                });
        QTest::mouseClick(child<QPushButton>(bar, u"discardJobButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished, 30000);
        script.finish();
        QTRY_VERIFY(!bar->isVisible());
        QCOMPARE(sim->requestCount(u"/api/gateway/hold-release"_s), 0);
        for (const QString &id : ids)
            QVERIFY(sim->isHeld(id));
        QCOMPARE(outcome.items.size(), 5);
        QCOMPARE(outcome.items.first().code, u"mcdesk_discarded"_s);
    }
};

QTEST_MAIN(TestUnfinishedJobs)
#include "test_unfinished_jobs.moc"
