// Bulk writes as jobs of the journal (docs/jobs.md): concurrency, lost replies reconciled,
// pauses for the connection and the rate limit, a journal that cannot be written, a damaged
// one, two resumers. Each write is counted from the simulator's own record of requests.

#include "core/actions/actionrunner.h"
#include "core/audit/audittrail.h"
#include "core/jobs/jobclaim.h"
#include "core/jobs/jobjournal.h"
#include "tests/support/simfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using actions::ActionId;

namespace {

const QString kRelease = u"/api/gateway/hold-release"_s;

// Each id released (or rejected) exactly once, by the simulator's own record: a second write
// for a message already handled is counted there too.
void verifyEachWrittenOnce(const testing::SimFixture &f, const QStringList &ids)
{
    for (const QString &id : ids) {
        const int writes = f.sim->heldWrites(id);
        QVERIFY2(writes == 1, qPrintable(u"%1 was written %2 times"_s.arg(id).arg(writes)));
        QVERIFY2(!f.sim->isHeld(id), qPrintable(id + u" is still held"_s));
    }
}

} // namespace

class TestJobs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Run
    {
        QJsonObject out;
        actions::ActionOutcome outcome;
        QStringList pauses;
        qint64 job = 0;
    };

    QString journalPath() const { return m_dir.filePath(u"jobs.sqlite"_s); }

    Run run(testing::SimFixture &f, ActionId id, actions::ActionArgs args,
            actions::JobSettings settings = fastSettings(), jobs::JobJournal *journal = nullptr,
            qint64 resumeJob = 0)
    {
        audit::AuditTrail log(m_dir.filePath(u"audit.jsonl"_s));
        actions::ActionRunner runner(f.client.get(), &log, {});
        runner.setJournal(journal);
        runner.setJobSettings(settings);
        Run r;
        connect(&runner, &actions::ActionRunner::paused, this,
                [&r](const QString &why) { r.pauses.append(why); });
        QSignalSpy spy(&runner, &actions::ActionRunner::finished);
        if (resumeJob)
            runner.resume(resumeJob);
        else
            runner.run(id, args);
        if (!spy.wait(60000))
            qWarning("action did not finish");
        r.out = runner.output();
        r.outcome = runner.outcome();
        r.job = runner.job();
        return r;
    }

    static actions::JobSettings fastSettings()
    {
        actions::JobSettings s;
        s.firstRetryMs = 100;
        return s;
    }

    std::optional<jobs::JobRecord> load(qint64 job)
    {
        jobs::JobJournal journal(journalPath());
        if (!journal.open().isEmpty())
            return std::nullopt;
        QString error;
        return journal.load(job, &error);
    }

private slots:
    void init()
    {
        for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files))
            QFile::remove(m_dir.filePath(name));
    }

    void thousandReleasesGoFourAtATimeInOrder()
    {
        testing::SimFixture f(sim::SimConfig().withLatency(50));
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(1000);
        QElapsedTimer clock;
        clock.start();
        const Run r = run(f, ActionId::ReleaseMessage, a);
        const qint64 ms = clock.elapsed();
        QVERIFY2(r.outcome.success, qPrintable(r.outcome.message));
        QCOMPARE(f.sim->requestCount(kRelease), 40);
        QCOMPARE(r.out[u"result"_s][u"most_in_flight"_s].toInt(), 4);
        const QJsonArray items = r.out[u"result"_s][u"items"_s].toArray();
        QCOMPARE(items.size(), 1000);
        for (int i = 0; i < items.size(); ++i)
            QCOMPARE(items[i][u"id"_s].toString(), a.messageIds.at(i)); // the order given
        verifyEachWrittenOnce(f, a.messageIds);
        qInfo("1,000 releases at 50 ms latency: %lld ms", ms);
        const auto record = load(r.job);
        QVERIFY(record);
        QVERIFY(!record->open);
        QCOMPARE(record->counts.done, 1000);
    }

    void concurrencyIsASettingOfTheConnection()
    {
        api::ClientOptions one = testing::SimFixture::fastOptions();
        one.batchesInFlight = 1;
        testing::SimFixture f({}, sim::demoCredentials(), one);
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(100);
        const Run r = run(f, ActionId::ReleaseMessage, a);
        QVERIFY(r.outcome.success);
        QCOMPARE(r.out[u"result"_s][u"most_in_flight"_s].toInt(), 1);
        api::ApiClient bad;
        one.batchesInFlight = 9;
        QVERIFY(bad.configure(f.sim->baseUrl(), sim::demoCredentials(), one)
                    .contains(u"from 1 to 8"_s));
    }

    void twoJobsOfOneConnectionShareItsWindow()
    {
        // The window is the connection's: two bulk writes at once never exceed it together.
        testing::SimFixture f(sim::SimConfig().withLatency(40));
        audit::AuditTrail log(m_dir.filePath(u"audit.jsonl"_s));
        const QStringList ids = f.sim->heldIds(400);
        actions::ActionArgs first, second;
        first.messageIds = ids.mid(0, 200);
        second.messageIds = ids.mid(200);
        actions::ActionRunner a(f.client.get(), &log, {}), b(f.client.get(), &log, {});
        QSignalSpy aDone(&a, &actions::ActionRunner::finished);
        QSignalSpy bDone(&b, &actions::ActionRunner::finished);
        int most = 0;
        QTimer sample;
        connect(&sample, &QTimer::timeout, this,
                [&] { most = std::max(most, f.client->writesInFlight()); });
        sample.start(1);
        a.run(ActionId::ReleaseMessage, first);
        b.run(ActionId::ReleaseMessage, second);
        QTRY_VERIFY_WITH_TIMEOUT(aDone.size() == 1 && bDone.size() == 1, 60000);
        QVERIFY2(a.outcome().success && b.outcome().success, qPrintable(a.outcome().message));
        QVERIFY2(most > 1 && most <= 4, qPrintable(QString::number(most)));
        QCOMPARE(f.client->writesInFlight(), 0);
        verifyEachWrittenOnce(f, ids);
    }

    void lostReplyIsReconciledNotRepeated()
    {
        testing::SimFixture f;
        // The first batch is carried out, but its reply never arrives.
        f.sim->addFault({sim::FaultKind::RunThenDrop, kRelease, 1, 0, {}});
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(50);
        const Run r = run(f, ActionId::ReleaseMessage, a);
        QVERIFY2(r.outcome.success, qPrintable(r.outcome.message));
        verifyEachWrittenOnce(f, a.messageIds);
        QCOMPARE(f.sim->requestCount(u"/api/gateway/get-hold-message-list"_s) > 0, true);
        int reconciled = 0;
        for (const QJsonValue &item : r.out[u"result"_s][u"items"_s].toArray())
            reconciled += item[u"note"_s].toString().contains(u"No longer held"_s);
        QCOMPARE(reconciled, 25);
    }

    void writeThatDidNotRunIsSentAgainAfterARead()
    {
        testing::SimFixture f;
        f.sim->addFault({sim::FaultKind::ServerError, u"/api/gateway/hold-reject"_s, 1, 0, {}});
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(2);
        const Run r = run(f, ActionId::RejectMessage, a);
        QVERIFY2(r.outcome.success, qPrintable(r.outcome.message));
        // Sent, read (still held: the 500 did nothing), sent again: never twice without a read.
        QStringList paths;
        for (const sim::RecordedRequest &req : f.sim->requests())
            paths.append(req.path);
        const qsizetype first = paths.indexOf(u"/api/gateway/hold-reject"_s);
        const qsizetype read = paths.indexOf(u"/api/gateway/get-hold-message-list"_s);
        const qsizetype second = paths.lastIndexOf(u"/api/gateway/hold-reject"_s);
        QVERIFY(first >= 0 && first < read && read < second);
        QCOMPARE(f.sim->requestCount(u"/api/gateway/hold-reject"_s), 2);
    }

    void policyChangeWithALostReplyIsLookedUpNotRepeated()
    {
        // A policy change is a job of one item: its reply lost, it stays open; resumed, the
        // policy list says whether it took before anything is sent again.
        testing::SimFixture f;
        const QString create = u"/api/policy/blockedsenders/create-policy"_s;
        const QString remove = u"/api/policy/blockedsenders/delete-policy"_s;
        f.sim->addFault({sim::FaultKind::RunThenDrop, create, 1, 0, {}});
        actions::ActionArgs a;
        a.policy.description = u"INC-2043 invoice fraud"_s;
        a.policy.from = {u"email_domain"_s, u"invoices-example.net"_s};
        a.policy.to = {u"internal_addresses"_s, {}};
        Run r = run(f, ActionId::CreateBlockedSenderPolicy, a);
        QVERIFY(!r.outcome.success);
        QCOMPARE(r.out[u"result"_s][u"items"_s][0][u"outcome"_s].toString(), u"unknown"_s);
        QVERIFY(load(r.job)->open);
        r = run(f, ActionId::ResumeJob, {}, fastSettings(), nullptr, r.job);
        QVERIFY2(r.outcome.success, qPrintable(r.outcome.message));
        QVERIFY2(r.outcome.message.contains(u"found in the policy list"_s),
                 qPrintable(r.outcome.message));
        QCOMPARE(f.sim->requestCount(create), 1);
        QVERIFY(!load(r.job)->open);
        const QString id = r.out[u"result"_s][u"policy"_s][u"id"_s].toString();
        QVERIFY(!id.isEmpty());

        // The same for a delete: gone from the list = done.
        f.sim->addFault({sim::FaultKind::RunThenDrop, remove, 1, 0, {}});
        actions::ActionArgs d;
        d.policyId = id;
        r = run(f, ActionId::DeleteBlockedSenderPolicy, d);
        QVERIFY(!r.outcome.success);
        r = run(f, ActionId::ResumeJob, {}, fastSettings(), nullptr, r.job);
        QVERIFY2(r.outcome.success, qPrintable(r.outcome.message));
        QVERIFY(r.outcome.message.contains(u"no longer in the policy list"_s));
        QCOMPARE(f.sim->requestCount(remove), 1);

        // A create that did not take (a 5xx): not listed, so it is sent again, once.
        f.sim->addFault({sim::FaultKind::ServerError, create, 1, 0, {}});
        a.policy.description = u"INC-2044 payroll lure"_s;
        r = run(f, ActionId::CreateBlockedSenderPolicy, a);
        QVERIFY(!r.outcome.success);
        if (load(r.job)->open) // a 5xx to a write is unknown: resumed, it is looked up first
            r = run(f, ActionId::ResumeJob, {}, fastSettings(), nullptr, r.job);
        QVERIFY2(r.outcome.success, qPrintable(r.outcome.message));
        QCOMPARE(f.sim->requestCount(create), 3);
        QCOMPARE(f.sim->requestCount(u"/api/policy/blockedsenders/get-policy"_s), 4);
    }

    void connectionLossPausesAndEndsByItself()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(100);
        // Mimecast is unreachable for a second: every request is dropped unanswered.
        f.sim->addFault({sim::FaultKind::DropConnection, {}, -1, 0, {}});
        QTimer::singleShot(1000, this, [&f] { f.sim->clearFaults(); });
        const Run r = run(f, ActionId::ReleaseMessage, a);
        QVERIFY2(r.outcome.success, qPrintable(r.outcome.message));
        QVERIFY(!r.pauses.isEmpty());
        QVERIFY2(r.pauses.first().startsWith(u"Paused: no connection since "_s),
                 qPrintable(r.pauses.first()));
        QVERIFY(r.pauses.first().contains(u" left"_s));
        verifyEachWrittenOnce(f, a.messageIds);
    }

    void pauseIsBoundedAndTheJobIsKeptForResume()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(60);
        f.sim->addFault({sim::FaultKind::DropConnection, {}, -1, 0, {}});
        actions::JobSettings shortPause = fastSettings();
        shortPause.maxPauseMs = 600;
        const Run r = run(f, ActionId::ReleaseMessage, a, shortPause);
        QCOMPARE(int(r.outcome.exitCode), 3);
        QVERIFY2(r.outcome.message.contains(u"mcdesk-cli resume --job"_s),
                 qPrintable(r.outcome.message));
        QCOMPARE(r.out[u"result"_s][u"job_open"_s].toBool(), true);
        f.sim->clearFaults();
        const Run resumed = run(f, ActionId::ResumeJob, {}, fastSettings(), nullptr, r.job);
        QVERIFY2(resumed.outcome.success, qPrintable(resumed.outcome.message));
        QCOMPARE(resumed.out[u"action"_s].toString(), u"release-message"_s);
        QCOMPARE(resumed.out[u"result"_s][u"items"_s].toArray().size(), 60);
        verifyEachWrittenOnce(f, a.messageIds);
        QVERIFY(!load(r.job)->open);
    }

    void rateLimitIsShownAndWaitedOut()
    {
        testing::SimFixture f;
        f.sim->addFault({sim::FaultKind::RateLimited, kRelease, 3, 400, {}});
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(200);
        const Run r = run(f, ActionId::ReleaseMessage, a);
        QVERIFY2(r.outcome.success, qPrintable(r.outcome.message));
        QVERIFY(!r.pauses.isEmpty());
        QVERIFY2(r.pauses.first().startsWith(u"Paused by Mimecast's rate limit until "_s),
                 qPrintable(r.pauses.first()));
        verifyEachWrittenOnce(f, a.messageIds);
    }

    void unwritableJournalRefusesToSend()
    {
        testing::SimFixture f;
        QFile blocker(m_dir.filePath(u"not-a-folder"_s)); // a file where the folder should be
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        jobs::JobJournal journal(m_dir.filePath(u"not-a-folder/jobs.sqlite"_s));
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(3);
        const Run r = run(f, ActionId::ReleaseMessage, a, fastSettings(), &journal);
        QCOMPARE(r.outcome.success, false);
        QCOMPARE(int(r.outcome.exitCode), 1);
        QVERIFY2(r.outcome.message.contains(u"job journal"_s), qPrintable(r.outcome.message));
        QCOMPARE(f.sim->requests().size(), 0);
    }

    void fullDiskStopsSendingAndSaysWhy()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(1000);
        {
            jobs::JobJournal journal(journalPath());
            journal.setMaxPagesForTesting(8); // a few pages: far too small for 1,000 items
            QCOMPARE(journal.open(), QString());
            const Run r = run(f, ActionId::ReleaseMessage, a, fastSettings(), &journal);
            QCOMPARE(r.outcome.success, false);
            QVERIFY2(r.outcome.message.contains(u"full"_s), qPrintable(r.outcome.message));
            QCOMPARE(f.sim->requestCount(kRelease), 0);
        }
    }

    void damagedJournalIsMovedAsideNeverUsed()
    {
        {
            QFile garbage(journalPath());
            QVERIFY(garbage.open(QIODevice::WriteOnly));
            garbage.write(QByteArray(4096, 'x'));
        }
        jobs::JobJournal journal(journalPath());
        QCOMPARE(journal.open(), QString());
        QVERIFY2(journal.notice().contains(u"damaged"_s), qPrintable(journal.notice()));
        const QStringList aside =
            QDir(m_dir.path()).entryList({u"jobs.sqlite.damaged-*"_s}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QString error;
        QVERIFY(journal.openJobs(&error).isEmpty());
        QVERIFY(error.isEmpty());
        QVERIFY(journal.createJob(u"release-message"_s, {}, {}, u"demo"_s, {u"a"_s}, &error));
    }

    void twoResumersCannotBothSend()
    {
        testing::SimFixture f;
        const QStringList ids = f.sim->heldIds(50);
        qint64 job = 0;
        {
            jobs::JobJournal journal(journalPath());
            QCOMPARE(journal.open(), QString());
            QString error;
            job = journal.createJob(u"release-message"_s, {}, {}, QString(), ids, &error).value();
        }
        audit::AuditTrail log(m_dir.filePath(u"audit.jsonl"_s));
        actions::ActionRunner first(f.client.get(), &log, {});
        actions::ActionRunner second(f.client.get(), &log, {});
        QSignalSpy firstDone(&first, &actions::ActionRunner::finished);
        QSignalSpy secondDone(&second, &actions::ActionRunner::finished);
        first.resume(job);
        second.resume(job);
        QVERIFY(firstDone.wait(30000) || firstDone.size() == 1);
        QVERIFY(secondDone.size() == 1 || secondDone.wait(30000));
        const bool firstWon = first.outcome().success;
        const actions::ActionOutcome &loser = firstWon ? second.outcome() : first.outcome();
        QVERIFY(first.outcome().success != second.outcome().success);
        QVERIFY2(loser.message.contains(u"not sent twice"_s), qPrintable(loser.message));
        verifyEachWrittenOnce(f, ids);
    }

    void openJobsDescribeThemselves()
    {
        jobs::JobJournal journal(journalPath());
        QCOMPARE(journal.open(), QString());
        QString error;
        QStringList keys;
        for (int i = 0; i < 1000; ++i)
            keys.append(u"id%1"_s.arg(i));
        actions::ActionContext context;
        context.caseId = u"INC-2041"_s;
        const qint64 job = journal
                               .createJob(u"release-message"_s, {}, actions::contextJson(context),
                                          u"demo"_s, keys, &error)
                               .value();
        QCOMPARE(journal.markInFlight(job, keys.mid(0, 665)), QString());
        QList<jobs::JobItem> done;
        for (int i = 0; i < 640; ++i)
            done.append({i, keys.at(i), jobs::ItemState::Done, {}, {}, {}, {}, false});
        QCOMPARE(journal.settle(job, done), QString());
        const QList<jobs::JobRecord> open = journal.openJobs(&error);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().describe(),
                 u"Release message, 1,000 messages: 640 done, 25 in flight when it stopped, 335 "
                 u"not sent; case INC-2041"_s);
        QVERIFY(!jobs::JobClaim::isHeld(journal.path(), job));
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "test_jobs.moc"
