// The incident-response actions through the actions layer against the simulator: what goes on
// the wire (both auth kinds), what is refused before sending, and a remediation that is audited,
// journaled, settles, and is never sent twice when its answer is lost.
#include "core/actions/actionrunner.h"
#include "core/audit/audittrail.h"
#include "core/jobs/jobjournal.h"
#include "tests/support/simfixture.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using actions::ActionId;

namespace {
const auto kTrack = u"/api/message-finder/search"_s;
const auto kInfo = u"/api/message-finder/get-message-info"_s;
const auto kCreate = u"/api/ttp/remediation/v2/create"_s;
const auto kIncident = u"/api/ttp/remediation/get-incident"_s;
const auto kFind = u"/api/ttp/remediation/find-incidents"_s;
const auto kHash = u"/api/ttp/remediation/search-hash"_s;
} // namespace

class TestRespond : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString auditPath() const { return m_dir.filePath(u"audit.jsonl"_s); }

    actions::ActionOutcome run(testing::SimFixture &f, ActionId id, actions::ActionArgs args,
                               qint64 resumeJob = 0, QJsonObject *out = nullptr)
    {
        audit::AuditTrail log(auditPath());
        jobs::JobJournal journal(m_dir.filePath(u"jobs.sqlite"_s));
        actions::ActionContext c;
        c.caseId = u"INC-7"_s;
        c.alertGroups = {u"AG-9"_s};
        c.profile = u"test"_s;
        actions::ActionRunner runner(f.client.get(), &log, c);
        runner.setJournal(&journal);
        QSignalSpy spy(&runner, &actions::ActionRunner::finished);
        if (resumeJob)
            runner.resume(resumeJob);
        else
            runner.run(id, args);
        if (!spy.wait(30000))
            qWarning("action did not finish");
        if (out)
            *out = runner.output();
        return runner.outcome();
    }

    QList<jobs::JobRecord> openJobs() const
    {
        jobs::JobJournal journal(m_dir.filePath(u"jobs.sqlite"_s));
        if (const QString problem = journal.open(); !problem.isEmpty())
            qFatal("journal: %s", qPrintable(problem));
        QString problem;
        return journal.openJobs(&problem);
    }

    static actions::ActionArgs byMessageId(const QString &id)
    {
        actions::ActionArgs a;
        a.tracking.messageId = id;
        return a;
    }

    static actions::ActionArgs remove(const QStringList &ids)
    {
        actions::ActionArgs a;
        a.remediation.reason = u"INC-7 phishing"_s;
        a.remediation.messageIds = ids;
        return a;
    }

private slots:
    void init()
    {
        QFile::remove(auditPath());
        QFile::remove(m_dir.filePath(u"jobs.sqlite"_s));
    }

    void trackingFindsEveryCopy_data()
    {
        QTest::addColumn<bool>("oauth");
        QTest::newRow("API 1.0") << false;
        QTest::newRow("API 2.0") << true;
    }
    void trackingFindsEveryCopy()
    {
        QFETCH(bool, oauth);
        testing::SimFixture f({}, oauth ? sim::demoOAuthCredentials() : sim::demoCredentials());
        const QString id = f.sim->campaignMessageIds(1).value(0);
        QVERIFY(!id.isEmpty());
        const QString bare = id.mid(1, id.size() - 2); // typed without its brackets
        const actions::ActionOutcome out = run(f, ActionId::TrackMessage, byMessageId(bare));
        QVERIFY2(out.success, qPrintable(out.message));
        QVERIFY2(out.tracked.size() >= 4, qPrintable(out.message)); // held + delivered copies
        QSet<QString> statuses;
        for (const respond::TrackedMessage &m : out.tracked)
            statuses.insert(m.status);
        QVERIFY(statuses.contains(u"held"_s));
        QVERIFY(statuses.contains(u"archived"_s));
        // The documented body: one item, the id with its brackets, dates as +0000.
        const QJsonObject body = f.bodies(kTrack).value(0);
        QCOMPARE(body.value(u"data"_s).toArray().size(), 1);
        const QJsonObject item = body[u"data"_s][0].toObject();
        QCOMPARE(item.value(u"messageId"_s).toString(), id);
        QVERIFY(item.value(u"start"_s).toString().endsWith(u"+0000"_s));
        QVERIFY(!item.contains(u"advancedTrackAndTraceOptions"_s));

        // The detail of a delivered copy: one delivery per recipient.
        actions::ActionArgs info;
        for (const respond::TrackedMessage &m : out.tracked)
            if (m.status == u"archived"_s)
                info.trackingId = m.id;
        const actions::ActionOutcome detail = run(f, ActionId::MessageInfo, info);
        QVERIFY2(detail.success, qPrintable(detail.message));
        QVERIFY(detail.messageInfo);
        QVERIFY(!detail.messageInfo->deliveries.isEmpty());
        QVERIFY(!detail.messageInfo->checks.isEmpty());
        QCOMPARE(f.bodies(kInfo).value(0),
                 (QJsonObject{{u"data"_s, QJsonArray{QJsonObject{{u"id"_s, info.trackingId}}}}}));
    }

    void badInputSendsNothing_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("id with space")
            << int(ActionId::TrackMessage) << u"id"_s << u"<a b@x.example>"_s;
        QTest::newRow("start 40 days") << int(ActionId::TrackMessage) << u"start"_s << u"-40"_s;
        QTest::newRow("bad ip") << int(ActionId::TrackMessage) << u"ip"_s << u"1.2.3"_s;
        QTest::newRow("no reason") << int(ActionId::Remediate) << u"reason"_s << QString();
        QTest::newRow("md5") << int(ActionId::Remediate) << u"hash"_s
                             << u"5d41402abc4b2a76b9719d911017c592"_s;
        QTest::newRow("bad url") << int(ActionId::Remediate) << u"url"_s << u"evil.example"_s;
        QTest::newRow("hash search") << int(ActionId::SearchHash) << u"hashes"_s << u"xyz"_s;
        QTest::newRow("incident type") << int(ActionId::ListIncidents) << u"type"_s << u"gone"_s;
    }
    void badInputSendsNothing()
    {
        QFETCH(int, action);
        QFETCH(QString, field);
        QFETCH(QString, value);
        testing::SimFixture f;
        actions::ActionArgs a = remove({u"<a@x.example>"_s});
        a.tracking.subject = u"Invoice"_s;
        if (field == u"id"_s) {
            a.tracking.subject.clear();
            a.tracking.messageId = value;
        } else if (field == u"start"_s) {
            a.periodStart = f.client->now().addDays(value.toInt()).toString(Qt::ISODate);
        } else if (field == u"ip"_s) {
            a.tracking.senderIp = value;
        } else if (field == u"reason"_s) {
            a.remediation.reason = value;
        } else if (field == u"hash"_s) {
            a.remediation.target = respond::RemediationRequest::Target::Hash;
            a.remediation.hash = value;
        } else if (field == u"url"_s) {
            a.remediation.target = respond::RemediationRequest::Target::Url;
            a.remediation.url = value;
        } else if (field == u"hashes"_s) {
            a.hashes = {value};
        } else if (field == u"type"_s) {
            a.incidentQuery.types = {value};
        }
        const int before = int(f.sim->requests().size());
        const actions::ActionOutcome out = run(f, ActionId(action), a);
        QCOMPARE(int(out.exitCode), int(actions::ExitCode::InvalidInput));
        QVERIFY(!out.message.isEmpty());
        QCOMPARE(int(f.sim->requests().size()), before);
    }

    void remediationIsAuditedAndSettles()
    {
        testing::SimFixture f(sim::SimConfig().withRemediationSettle(1500));
        const QString id = f.sim->campaignMessageIds(1).value(0);
        const actions::ActionOutcome out = run(f, ActionId::Remediate, remove({id}));
        QVERIFY2(out.success, qPrintable(out.message));
        QCOMPARE(out.incidents.size(), 1);
        const respond::RemediationIncident created = out.incidents.first();
        QVERIFY(created.identified > 0);
        QVERIFY(!created.code.isEmpty());
        QCOMPARE(f.sim->requestCount(kCreate), 1);
        const QJsonObject item = f.bodies(kCreate).first()[u"data"_s][0].toObject();
        QCOMPARE(item.value(u"searchBy"_s).toString(), u"message_ids"_s);
        QCOMPARE(item.value(u"messageIds"_s).toArray(), QJsonArray{id});
        QCOMPARE(item.value(u"reason"_s).toString(), u"INC-7 phishing"_s);

        // Audited under the case, with the incident's code and counts.
        const QList<audit::AuditEntry> entries = audit::AuditLog(auditPath()).readAll();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, u"remediate"_s);
        QCOMPARE(entries.first().caseId, u"INC-7"_s);
        QCOMPARE(entries.first().alertGroups, QStringList{u"AG-9"_s});
        const QJsonObject audited = entries.first().items.first().toObject();
        QCOMPARE(audited.value(u"incident_code"_s).toString(), created.code);
        QCOMPARE(audited.value(u"identified"_s).toInt(), created.identified);
        QCOMPARE(audited.value(u"outcome"_s).toString(), u"done"_s);
        QVERIFY(openJobs().isEmpty()); // nothing left open in the journal

        // Re-read until it settles: some copies removed, counts add up.
        actions::ActionArgs get;
        get.incidentId = created.id;
        respond::RemediationIncident now;
        QTRY_VERIFY_WITH_TIMEOUT((now = run(f, ActionId::GetIncident, get).incidents.value(0),
                                  now.settled() && now.successful > 0),
                                 10000);
        QCOMPARE(now.successful + now.failed, now.identified);

        // Removed copies are not found again by a second remediation.
        const actions::ActionOutcome again = run(f, ActionId::Remediate, remove({id}));
        QVERIFY2(again.success, qPrintable(again.message));
        QVERIFY(again.incidents.first().identified <= now.failed);

        // The incident list knows it.
        actions::ActionArgs list;
        list.incidentQuery.searchField = u"code"_s;
        list.incidentQuery.searchValue = created.code;
        const actions::ActionOutcome listed = run(f, ActionId::ListIncidents, list);
        QVERIFY2(listed.success, qPrintable(listed.message));
        QCOMPARE(listed.incidents.size(), 1);
        QCOMPARE(listed.incidents.first().id, created.id);
    }

    void aLostAnswerIsLookedUpNotSentAgain()
    {
        testing::SimFixture f;
        f.sim->addFault({sim::FaultKind::RunThenDrop, kCreate, 1, 0, {}});
        const QString id = f.sim->campaignMessageIds(1).value(0);
        const actions::ActionOutcome lost = run(f, ActionId::Remediate, remove({id}));
        QVERIFY(!lost.success);
        QVERIFY(lost.error.outcomeUnknown);
        QCOMPARE(f.sim->requestCount(kCreate), 1);
        const QList<jobs::JobRecord> open = openJobs();
        QCOMPARE(open.size(), 1);
        QVERIFY2(open.first().describe().startsWith(u"Remove from all mailboxes"_s),
                 qPrintable(open.first().describe()));

        const actions::ActionOutcome resumed = run(f, ActionId::ResumeJob, {}, open.first().id);
        QVERIFY2(resumed.success, qPrintable(resumed.message));
        QVERIFY(resumed.message.contains(u"not sent again"_s));
        QCOMPARE(f.sim->requestCount(kCreate), 1); // found in the incident list
        QVERIFY(f.sim->requestCount(kFind) >= 1);
        QVERIFY(openJobs().isEmpty());
    }

    void aRefusedAnswerIsNotLookedUp()
    {
        testing::SimFixture f;
        f.sim->addFault({sim::FaultKind::ServerError, kCreate, 1, 0, {}});
        const QString id = f.sim->campaignMessageIds(1).value(0);
        const actions::ActionOutcome lost = run(f, ActionId::Remediate, remove({id}));
        QVERIFY(lost.error.outcomeUnknown); // a 500 on a write: it may have run
        const qint64 job = openJobs().value(0).id;
        QVERIFY(job > 0);
        // Not in the incident list: it never ran, so resume sends it, once.
        const actions::ActionOutcome resumed = run(f, ActionId::ResumeJob, {}, job);
        QVERIFY2(resumed.success, qPrintable(resumed.message));
        QCOMPARE(f.sim->requestCount(kCreate), 2);
        QCOMPARE(audit::AuditLog(auditPath()).readAll().size(), 2); // each attempt audited
    }

    void hashSearchInCallsOfTwenty()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        for (int i = 0; i < 25; ++i)
            a.hashes.append(QString::number(i).rightJustified(64, u'0'));
        const actions::ActionOutcome out = run(f, ActionId::SearchHash, a);
        QVERIFY2(out.success, qPrintable(out.message));
        QCOMPARE(out.hashStatus.size(), 25);
        QCOMPARE(f.sim->requestCount(kHash), 2);
        QCOMPARE(f.bodies(kHash).first()[u"data"_s][0][u"hashes"_s].toArray().size(), 20);
    }

    void trackingOlderThanMimecastKeepsIsRefusedBySimulatorToo()
    {
        // The client's window (28 days) is inside Mimecast's (30): a start the client allows
        // is one Mimecast takes.
        testing::SimFixture f;
        actions::ActionArgs a;
        a.tracking.subject = u"invoice"_s;
        a.periodStart = f.client->now().addDays(-27).toString(Qt::ISODate);
        const actions::ActionOutcome out = run(f, ActionId::TrackMessage, a);
        QVERIFY2(out.success, qPrintable(out.message));
        QCOMPARE(f.sim->requestCount(kTrack), 1);
    }
};

QTEST_GUILESS_MAIN(TestRespond)
#include "test_respond.moc"
