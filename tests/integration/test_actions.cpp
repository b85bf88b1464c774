// Every action through the actions layer (the path the GUI and the CLI share), against the
// simulator; asserts what went on the wire and what reached the audit log.
#include "core/actions/actionrunner.h"
#include "core/audit/audittrail.h"
#include "core/jobs/jobjournal.h"
#include "tests/support/simfixture.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using actions::ActionId;

class TestActions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    actions::ActionContext context() const
    {
        actions::ActionContext c;
        c.caseId = u"CASE-42"_s;
        c.alertGroups = {u"AG-1"_s, u"AG-2"_s};
        c.targets = {{u"evil@bad.example"_s, u"ADDRESS"_s}};
        c.profile = u"test"_s;
        return c;
    }

    struct Run
    {
        QJsonObject out;
        actions::ActionOutcome outcome;
    };

    Run run(testing::SimFixture &f, ActionId id, actions::ActionArgs args,
            audit::AuditTrail *log = nullptr, jobs::JobJournal *journal = nullptr)
    {
        audit::AuditTrail defaultLog(m_dir.filePath(u"audit.jsonl"_s));
        actions::ActionRunner runner(f.client.get(), log ? log : &defaultLog, context());
        runner.setJournal(journal); // null: the journal beside the audit log
        QSignalSpy spy(&runner, &actions::ActionRunner::finished);
        runner.run(id, args);
        if (!spy.wait(60000))
            qWarning("action did not finish");
        return {runner.output(), runner.outcome()};
    }

    QList<audit::AuditEntry> auditEntries() const
    {
        return audit::AuditLog(m_dir.filePath(u"audit.jsonl"_s)).readAll();
    }

private slots:
    void init() { QFile::remove(m_dir.filePath(u"audit.jsonl"_s)); }

    void ping()
    {
        testing::SimFixture f;
        const Run r = run(f, ActionId::Ping, {});
        QCOMPARE(int(r.outcome.exitCode), 0);
        QCOMPARE(r.out.value(u"success"_s).toBool(), true);
        QCOMPARE(r.out.value(u"action"_s).toString(), u"ping"_s);
        QCOMPARE(r.out.value(u"case_id"_s).toString(), u"CASE-42"_s);
        QCOMPARE(r.out.value(u"scope"_s).toString(), u"All entities"_s);
        QCOMPARE(r.out.value(u"target_entities"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"EntityType"_s)
                     .toString(),
                 u"ADDRESS"_s);
        const QJsonObject account =
            r.out.value(u"result"_s).toObject().value(u"account"_s).toObject();
        QVERIFY(!account.value(u"accountName"_s).toString().isEmpty());
        QVERIFY(account.contains(u"clockSkewSeconds"_s));
        QVERIFY(auditEntries().isEmpty()); // reads are not audited
    }

    void simpleSearchWithLimit50MakesOneRequest()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.fieldsToReturn = u"id,subject,receiveddate,displayfrom"_s;
        a.timeFrame = u"Last Month"_s;
        a.maxEmails = u"50"_s;
        const Run r = run(f, ActionId::SimpleArchiveSearch, a);
        QCOMPARE(int(r.outcome.exitCode), 0);
        const QJsonObject result = r.out.value(u"result"_s).toObject();
        QCOMPARE(result.value(u"count"_s).toInt(), 50);
        QCOMPARE(result.value(u"emails"_s).toArray().size(), 50);
        QVERIFY(
            result.value(u"time_range"_s).toObject().value(u"start"_s).toString().endsWith(u'Z'));
        QCOMPARE(f.sim->requestCount(u"/api/archive/search"_s), 1);
        const QJsonObject body = f.bodies(u"/api/archive/search"_s).first();
        QCOMPARE(body[u"meta"_s][u"pagination"_s][u"pageSize"_s].toInt(), 50);
        QCOMPARE(body[u"data"_s][0][u"admin"_s].toBool(), true);
        QVERIFY(body[u"data"_s][0][u"query"_s].toString().contains(u"page-size=\"50\""_s));
        QCOMPARE(body[u"data"_s][0][u"query"_s].toString(), result.value(u"query"_s).toString());
        // The typed answer says the same as the printed one.
        QVERIFY(r.outcome.archive.has_value());
        QCOMPARE(r.outcome.archive->emails.size(), 50);
        QCOMPARE(r.outcome.archive->queryXml, result.value(u"query"_s).toString());
        QCOMPARE(r.outcome.archive->pages, 1);
        QVERIFY(r.outcome.archive->fields.contains(u"subject"_s));
        QVERIFY(r.outcome.archive->startUtc < r.outcome.archive->endUtc);
        QCOMPARE(r.outcome.archive->emails.first().value(u"id"_s),
                 result.value(u"emails"_s).toArray().first().toObject().value(u"id"_s));
    }

    void simpleSearchPagesUpToTheLimit()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.fieldsToReturn = u"id"_s;
        a.timeFrame = u"Last Month"_s;
        a.maxEmails = u"700"_s;
        const Run r = run(f, ActionId::SimpleArchiveSearch, a);
        QCOMPARE(int(r.outcome.exitCode), 0);
        QCOMPARE(r.out[u"result"_s][u"count"_s].toInt(), 700);
        const QList<QJsonObject> bodies = f.bodies(u"/api/archive/search"_s);
        QCOMPARE(bodies.size(), 2);
        QCOMPARE(bodies[0][u"meta"_s][u"pagination"_s][u"pageSize"_s].toInt(), 500);
        QCOMPARE(bodies[1][u"meta"_s][u"pagination"_s][u"pageSize"_s].toInt(), 200);
        QVERIFY(!bodies[1][u"meta"_s][u"pagination"_s][u"pageToken"_s].toString().isEmpty());
    }

    void simpleSearchRejectsBadInputAndSendsNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("custom without start") << u"timeFrame"_s << u"Custom"_s << u"Start Time"_s;
        QTest::newRow("unknown frame") << u"timeFrame"_s << u"Last Year"_s << u"time-frame"_s;
        QTest::newRow("limit not a number")
            << u"maxEmails"_s << u"fifty"_s << u"max-emails-to-return"_s;
        QTest::newRow("bad from") << u"from"_s << u"not an address"_s << u"From"_s;
        QTest::newRow("end before start")
            << u"endTime"_s << u"2020-01-01T00:00:00Z"_s << u"End Time"_s;
    }
    void simpleSearchRejectsBadInputAndSendsNothing()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, mentions);
        testing::SimFixture f;
        actions::ActionArgs a;
        a.fieldsToReturn = u"id"_s;
        if (field == u"timeFrame"_s)
            a.timeFrame = value;
        else if (field == u"maxEmails"_s)
            a.maxEmails = value;
        else if (field == u"from"_s)
            a.from = value;
        else {
            a.timeFrame = u"Custom"_s;
            a.startTime = u"2021-01-01T00:00:00Z"_s;
            a.endTime = value;
        }
        const Run r = run(f, ActionId::SimpleArchiveSearch, a);
        QCOMPARE(int(r.outcome.exitCode), 2);
        QVERIFY2(r.outcome.message.contains(mentions, Qt::CaseInsensitive),
                 qPrintable(r.outcome.message));
        QCOMPARE(f.sim->requests().size(), 0);
    }

    void advancedSearchSendsTheXmlExactly()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.xmlQuery =
            u"<?xml version=\"1.0\"?>\n<xmlquery trace=\"iql,muse\"><metadata "
            u"query-type=\"emailarchive\" "
            u"archive=\"true\" active=\"false\" page-size=\"25\" startrow=\"0\"><smartfolders/>"
            u"<return-fields><return-field>id</return-field><return-field>subject</return-field>"
            u"</return-fields></metadata><muse><text></text><date select=\"last_month\"/></muse></xmlquery>"_s;
        a.maxResults = u"30"_s;
        const Run r = run(f, ActionId::AdvancedArchiveSearch, a);
        QCOMPARE(int(r.outcome.exitCode), 0);
        QCOMPARE(r.out[u"result"_s][u"count"_s].toInt(), 30);
        const QJsonObject body = f.bodies(u"/api/archive/search"_s).first();
        QCOMPARE(body[u"data"_s][0][u"query"_s].toString(), a.xmlQuery);
        QCOMPARE(body[u"meta"_s][u"pagination"_s][u"pageSize"_s].toInt(), 30);
        QVERIFY(r.outcome.archive.has_value());
        QCOMPARE(r.outcome.archive->emails.size(), 30);
        QCOMPARE(r.outcome.archive->fields, (QStringList{u"id"_s, u"subject"_s}));
        QVERIFY(!r.outcome.archive->startUtc.isValid());
    }

    void advancedSearchMalformedXmlNamesLineAndColumn()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.xmlQuery = u"<xmlquery>\n  <metadata>\n    <muse></metadata>\n</xmlquery>"_s;
        const Run r = run(f, ActionId::AdvancedArchiveSearch, a);
        QCOMPARE(int(r.outcome.exitCode), 2);
        QVERIFY2(r.outcome.message.contains(u"line 3"_s), qPrintable(r.outcome.message));
        QCOMPARE(f.sim->requests().size(), 0);
    }

    void releaseHundredMessagesMakesFourRequests()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(100);
        const Run r = run(f, ActionId::ReleaseMessage, a);
        QVERIFY2(r.outcome.success, qPrintable(r.outcome.message));
        QCOMPARE(int(r.outcome.exitCode), 0);
        QCOMPARE(f.sim->requestCount(u"/api/gateway/hold-release"_s), 4);
        const QJsonArray items = r.out[u"result"_s][u"items"_s].toArray();
        QCOMPARE(items.size(), 100);
        for (const QJsonValue &v : items)
            QCOMPARE(v[u"outcome"_s].toString(), u"done"_s);
        for (const QString &id : a.messageIds)
            QVERIFY(!f.sim->isHeld(id));
        const QList<audit::AuditEntry> entries = auditEntries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, u"release-message"_s);
        QCOMPARE(entries.first().caseId, u"CASE-42"_s);
        QCOMPARE(entries.first().alertGroups, QStringList({u"AG-1"_s, u"AG-2"_s}));
        QCOMPARE(entries.first().items.size(), 100);
    }

    void releaseThousandMessagesMakesFortyRequests()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(1000);
        QCOMPARE(a.messageIds.size(), 1000);
        const Run r = run(f, ActionId::ReleaseMessage, a);
        QCOMPARE(int(r.outcome.exitCode), 0);
        QCOMPARE(f.sim->requestCount(u"/api/gateway/hold-release"_s), 40);
    }

    void releaseToSandboxUsesTheSandboxEndpoint()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(2);
        a.releaseToSandbox = true;
        const Run r = run(f, ActionId::ReleaseMessage, a);
        QCOMPARE(int(r.outcome.exitCode), 0);
        QCOMPARE(f.sim->requestCount(u"/api/gateway/hold-release"_s), 0);
        QCOMPARE(f.sim->requestCount(u"/api/message-finder/release-held-email-to-sandbox"_s), 1);
    }

    void partialFailureReportsEachItem()
    {
        testing::SimFixture f;
        const QStringList ids = f.sim->heldIds(3);
        f.sim->addFault(
            {sim::FaultKind::ItemFailure, u"/api/gateway/hold-release"_s, 1, 0, {ids[1]}});
        actions::ActionArgs a;
        a.messageIds = ids;
        const Run r = run(f, ActionId::ReleaseMessage, a);
        QCOMPARE(int(r.outcome.exitCode), 1);
        const QJsonArray items = r.out[u"result"_s][u"items"_s].toArray();
        QCOMPARE(items[0][u"outcome"_s].toString(), u"done"_s);
        QCOMPARE(items[1][u"outcome"_s].toString(), u"failed"_s);
        QVERIFY(!items[1][u"error"_s][u"code"_s].toString().isEmpty());
        QCOMPARE(items[2][u"outcome"_s].toString(), u"done"_s);
        QCOMPARE(f.sim->requestCount(u"/api/gateway/hold-release"_s), 1);
    }

    void reportWithLostReplyIsUnknownAndSentOnce()
    {
        testing::SimFixture f;
        // A report leaves nothing a read can check: never sent again, shown and audited unknown.
        f.sim->addFault(
            {sim::FaultKind::ServerError, u"/api/message-finder/report-message"_s, 1, 0, {}});
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(2);
        const Run r = run(f, ActionId::ReportMessage, a);
        QVERIFY2(int(r.outcome.exitCode) == 1, QJsonDocument(r.out).toJson().constData());
        QCOMPARE(r.out[u"result"_s][u"items"_s][0][u"outcome"_s].toString(), u"unknown"_s);
        QCOMPARE(f.sim->requestCount(u"/api/message-finder/report-message"_s), 1);
        QCOMPARE(auditEntries().size(), 1); // unknown outcomes are audited too
    }

    void rejectSendsOnlyDocumentedFields()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(2);
        a.reason = u"Restricted Content"_s; // SOAR label, accepted as an alias
        a.note = u"Phishing, see case"_s;
        a.notifySender = true;
        const Run r = run(f, ActionId::RejectMessage, a);
        QCOMPARE(int(r.outcome.exitCode), 0);
        const QJsonObject item =
            f.bodies(u"/api/gateway/hold-reject"_s).first()[u"data"_s][0].toObject();
        QCOMPARE(item.value(u"reasonType"_s).toString(), u"REVIEWER DISAPPROVES OF CONTENT"_s);
        QCOMPARE(item.value(u"message"_s).toString(), a.note);
        QCOMPARE(item.value(u"notify"_s).toBool(), true);
        QCOMPARE(item.value(u"ids"_s).toArray().size(), 2);
        const QStringList keys = item.keys();
        QCOMPARE(QSet<QString>(keys.begin(), keys.end()),
                 QSet<QString>({u"ids"_s, u"message"_s, u"reasonType"_s, u"notify"_s}));
    }

    void rejectWithoutReasonOrNoteOmitsThem()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(1);
        QCOMPARE(int(run(f, ActionId::RejectMessage, a).outcome.exitCode), 0);
        const QJsonObject item =
            f.bodies(u"/api/gateway/hold-reject"_s).first()[u"data"_s][0].toObject();
        QVERIFY(!item.contains(u"reasonType"_s));
        QVERIFY(!item.contains(u"message"_s));
        QCOMPARE(item.value(u"notify"_s).toBool(), false);
    }

    void rejectWithUnknownReasonSendsNothing()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.messageIds = {u"x"_s};
        a.reason = u"because"_s;
        const Run r = run(f, ActionId::RejectMessage, a);
        QCOMPARE(int(r.outcome.exitCode), 2);
        QVERIFY(r.outcome.message.contains(u"INAPPROPRIATE COMMUNICATION"_s));
        QCOMPARE(f.sim->requests().size(), 0);
    }

    void permitAndBlockSender()
    {
        testing::SimFixture f;
        for (const ActionId id : {ActionId::PermitSender, ActionId::BlockSender}) {
            actions::ActionArgs a;
            a.sender = u"partner@vendor.example"_s;
            a.recipient = u"analyst@demo.example"_s;
            const Run r = run(f, id, a);
            QCOMPARE(int(r.outcome.exitCode), 0);
            const QJsonObject item = r.out[u"result"_s][u"items"_s][0].toObject();
            QCOMPARE(item.value(u"outcome"_s).toString(), u"done"_s);
            QVERIFY(!item.value(u"managed_sender_id"_s).toString().isEmpty());
            QCOMPARE(item.value(u"type"_s).toString(),
                     id == ActionId::PermitSender ? u"Permit"_s : u"Block"_s);
        }
        const QList<QJsonObject> bodies = f.bodies(u"/api/managedsender/permit-or-block-sender"_s);
        QCOMPARE(bodies.size(), 2);
        QCOMPARE(bodies[0][u"data"_s][0].toObject(),
                 QJsonObject({{u"sender"_s, u"partner@vendor.example"_s},
                              {u"to"_s, u"analyst@demo.example"_s},
                              {u"action"_s, u"permit"_s}}));
        QCOMPARE(bodies[1][u"data"_s][0][u"action"_s].toString(), u"block"_s);
        QCOMPARE(auditEntries().size(), 2);
    }

    void bulkSendersGoInBatchesOfHundredAsOneAuditedAction()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        for (int i = 0; i < 250; ++i)
            a.senderEntries.append({u"sender%1@bulk.example"_s.arg(i), u"analyst@demo.example"_s,
                                    senders::ManagedSender::Action::Block});
        const Run r = run(f, ActionId::BlockSender, a);
        QCOMPARE(int(r.outcome.exitCode), 0);
        QCOMPARE(f.sim->requestCount(u"/api/managedsender/permit-or-block-sender"_s), 3);
        QCOMPARE(r.out[u"result"_s][u"items"_s].toArray().size(), 250);
        QCOMPARE(r.out[u"result"_s][u"items"_s][249][u"action"_s].toString(), u"block"_s);
        const QList<audit::AuditEntry> entries = auditEntries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().items.size(), 250);
    }

    void bulkSendersWithABadEntrySendNothing()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.senderEntries = {
            {u"ok@bulk.example"_s, u"analyst@demo.example"_s,
             senders::ManagedSender::Action::Permit},
            {u"bad@"_s, u"analyst@demo.example"_s, senders::ManagedSender::Action::Permit}};
        const Run r = run(f, ActionId::PermitSender, a);
        QCOMPARE(int(r.outcome.exitCode), 2);
        QVERIFY(r.outcome.message.startsWith(u"entry 2: sender"_s));
        QCOMPARE(f.sim->requests().size(), 0);
    }

    void invalidSenderSendsNothing()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.sender = u"partner@"_s;
        a.recipient = u"analyst@demo.example"_s;
        const Run r = run(f, ActionId::BlockSender, a);
        QCOMPARE(int(r.outcome.exitCode), 2);
        QVERIFY(r.outcome.message.startsWith(u"--sender"_s));
        QCOMPARE(f.sim->requests().size(), 0);
    }

    void reportMessage()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(1);
        a.reportAs = u"Phishing"_s;
        a.comment = u"credential lure"_s;
        const Run r = run(f, ActionId::ReportMessage, a);
        QCOMPARE(int(r.outcome.exitCode), 0);
        const QJsonObject item =
            f.bodies(u"/api/message-finder/report-message"_s).first()[u"data"_s][0].toObject();
        QCOMPARE(item.value(u"type"_s).toString(), u"phishing"_s);
        QCOMPARE(item.value(u"comment"_s).toString(), a.comment);
    }

    void listHeldAndSummary()
    {
        testing::SimFixture f;
        actions::ActionArgs a;
        a.heldLimit = u"30"_s;
        a.heldQuery.route = u"inbound"_s;
        a.heldStart = u"2020-01-01T00:00:00Z"_s;
        const Run r = run(f, ActionId::ListHeld, a);
        QCOMPARE(int(r.outcome.exitCode), 0);
        QCOMPARE(r.out[u"result"_s][u"count"_s].toInt(), 30);
        QVERIFY(r.out[u"result"_s][u"total"_s].toInt() >= 30);
        const QJsonObject body = f.bodies(u"/api/gateway/get-hold-message-list"_s).first();
        QCOMPARE(body[u"data"_s][0][u"admin"_s].toBool(), true);
        QCOMPARE(body[u"data"_s][0][u"start"_s].toString(), u"2020-01-01T00:00:00+0000"_s);
        QCOMPARE(body[u"data"_s][0][u"filterBy"_s][0][u"value"_s].toString(), u"inbound"_s);
        QCOMPARE(f.sim->requestCount(u"/api/gateway/get-hold-message-list"_s), 1);
        QCOMPARE(r.outcome.heldMessages.size(), 30);
        QCOMPARE(r.outcome.heldTotal, r.out[u"result"_s][u"total"_s].toInt());
        QCOMPARE(r.outcome.heldMessages.first().id,
                 r.out[u"result"_s][u"messages"_s][0][u"id"_s].toString());

        const Run s = run(f, ActionId::HeldSummary, {});
        QCOMPARE(int(s.outcome.exitCode), 0);
        QVERIFY(!s.out[u"result"_s][u"policies"_s].toArray().isEmpty());
        QCOMPARE(s.outcome.holdCounts.size(), s.out[u"result"_s][u"policies"_s].toArray().size());
        QCOMPARE(s.outcome.holdCounts.first().count,
                 s.out[u"result"_s][u"policies"_s][0][u"numberOfItems"_s].toInt());
    }

    void auditFailureMeansNoSuccess()
    {
        testing::SimFixture f;
        QFile blocker(m_dir.filePath(u"blocker"_s)); // a file where the log's folder should be
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        audit::AuditTrail broken(m_dir.filePath(u"blocker/audit.jsonl"_s));
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(1);
        jobs::JobJournal journal(m_dir.filePath(u"jobs.sqlite"_s));
        QCOMPARE(journal.open(), QString());
        const Run r = run(f, ActionId::ReleaseMessage, a, &broken, &journal);
        QCOMPARE(r.outcome.success, false);
        QCOMPARE(int(r.outcome.exitCode), 1);
        QVERIFY(r.outcome.message.contains(u"audit"_s));
    }

    void authenticationFailureExitsThree()
    {
        api::Credentials wrong = sim::demoCredentials();
        wrong.secretKey = QString::fromLatin1(QByteArray("wrong").toBase64());
        testing::SimFixture f({}, wrong);
        actions::ActionArgs a;
        a.messageIds = f.sim->heldIds(1);
        QCOMPARE(int(run(f, ActionId::ReleaseMessage, a).outcome.exitCode), 3);
        QCOMPARE(int(run(f, ActionId::Ping, {}).outcome.exitCode), 3);
    }
};

QTEST_GUILESS_MAIN(TestActions)
#include "test_actions.moc"
