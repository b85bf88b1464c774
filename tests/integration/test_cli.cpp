// The spawned mcdesk-cli against the in-process simulator: every action, the exit codes, bad
// input that sends nothing, and no secret on any output.
#include "tests/support/clirun.h"
#include "tests/support/simfixture.h"

#include "core/actions/actioncontext.h"
#include "core/audit/auditlog.h"
#include "core/held/heldmessage.h"
#include "core/held/permittrap.h"
#include "core/senders/blockedsenderpolicy.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace mcdesk;

using testing::CliRun;

namespace {
const QString kPermitOrBlock = u"/api/managedsender/permit-or-block-sender"_s;
}

class TestCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<testing::SimFixture> m_f;

    QProcessEnvironment environment(const api::Credentials &c) const
    {
        return testing::cliEnvironment(m_home.path(), m_f->sim->baseUrl(), c);
    }

    CliRun cli(const QStringList &args, const api::Credentials &c = sim::demoCredentials())
    {
        return cliWith(args, environment(c));
    }

    CliRun cliWith(const QStringList &args, const QProcessEnvironment &env)
    {
        return testing::runCli(args, env);
    }

    QString auditText() const
    {
        QFile f(m_home.filePath(u"data/mcdesk/audit.jsonl"_s));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    QList<held::HeldMessage> heldMessages(int count)
    {
        const CliRun r = cli({u"list-held"_s, u"--limit"_s, QString::number(count)});
        QList<held::HeldMessage> out;
        for (const QJsonValue &v : r.json[u"result"_s][u"messages"_s].toArray())
            out.append(held::HeldMessage::fromJson(v.toObject()));
        return out;
    }

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        QFile file(m_home.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(file.fileName()));
        return file.fileName();
    }

    QJsonObject lastAuditEntry(const QString &action) const
    {
        QJsonObject last;
        for (const QString &line : auditText().split(u'\n', Qt::SkipEmptyParts)) {
            const QJsonObject entry = QJsonDocument::fromJson(line.toUtf8()).object();
            if (entry.value(u"action"_s).toString() == action)
                last = entry;
        }
        return last;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("MCDESK_CLI")),
                 "MCDESK_CLI points at mcdesk-cli");
        m_f = std::make_unique<testing::SimFixture>();
    }
    void init() { m_f->sim->clearRequests(); }

    void ping()
    {
        const CliRun r =
            cli({u"ping"_s, u"--case-id"_s, u"C-1"_s, u"--alert-group-identifiers"_s, u"A,B"_s,
                 u"--target-entity"_s, u"host1:HOSTNAME"_s, u"--scope"_s, u"Suspicious"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(u"success"_s).toBool(), true);
        QCOMPARE(r.json.value(u"case_id"_s).toString(), u"C-1"_s);
        QCOMPARE(r.json.value(u"alert_group_identifiers"_s).toArray().size(), 2);
        QCOMPARE(r.json[u"target_entities"_s][0][u"Identifier"_s].toString(), u"host1"_s);
        QCOMPARE(r.json.value(u"scope"_s).toString(), u"Suspicious"_s);
        QVERIFY(!r.json[u"result"_s][u"account"_s][u"accountName"_s].toString().isEmpty());
        // The support passphrase verifies a caller to Mimecast support: never printed, logged
        // or audited, though the server sent it.
        QVERIFY(!r.json[u"result"_s][u"account"_s].toObject().contains(u"passphrase"_s));
        for (const QString &text : {r.out, r.err, auditText()})
            QVERIFY(!text.contains(QLatin1String(sim::supportPassphrase)));
    }

    void pingOverApi2()
    {
        const CliRun r = cli({u"ping"_s}, sim::demoOAuthCredentials());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(m_f->sim->requestCount(u"/oauth/token"_s), 1);
    }

    void simpleSearchToCsv()
    {
        const QString csv = m_home.filePath(u"results.csv"_s);
        const CliRun r = cli({u"simple-archive-search"_s, u"--fields-to-return"_s,
                              u"id,subject,displayfrom"_s, u"--time-frame"_s, u"Last Month"_s,
                              u"--max-emails-to-return"_s, u"50"_s, u"--csv"_s, csv});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json[u"result"_s][u"count"_s].toInt(), 50);
        QCOMPARE(m_f->sim->requestCount(u"/api/archive/search"_s), 1);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.first().trimmed(), QByteArray("id,subject,displayfrom"));
        QVERIFY(lines.size() >= 51);
    }

    void printQuerySendsNothing()
    {
        const CliRun r = cli({u"simple-archive-search"_s, u"--fields-to-return"_s, u"id"_s,
                              u"--subject"_s, u"</text><route/>"_s, u"--print-query"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"subject: &lt;/text&gt;&lt;route/&gt;"_s));
        QCOMPARE(m_f->sim->requests().size(), 0);
    }

    void advancedSearchFromFile()
    {
        const QString path = m_home.filePath(u"query.xml"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "<?xml version=\"1.0\"?><xmlquery trace=\"iql,muse\"><metadata "
            "query-type=\"emailarchive\" "
            "archive=\"true\" active=\"false\" page-size=\"25\" startrow=\"0\"><smartfolders/>"
            "<return-fields><return-field>id</return-field></return-fields></metadata>"
            "<muse><date select=\"last_month\"/></muse></xmlquery>");
        file.close();
        const CliRun r = cli({u"advanced-archive-search"_s, u"--xml-query-file"_s, path,
                              u"--max-results"_s, u"10"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json[u"result"_s][u"count"_s].toInt(), 10);
    }

    // cron, systemd units and SOAR runners start us with an empty environment: the audit log
    // still names the OS account, from the system rather than from USER.
    void auditNamesTheAccountWithAnEmptyEnvironment()
    {
        const QStringList ids = m_f->sim->heldIds(1);
        const QProcessEnvironment full = environment(sim::demoCredentials());
        QProcessEnvironment bare;
        for (const QString &k : full.keys())
            if (k.startsWith(u"MIMECAST_"_s) || k.startsWith(u"XDG_"_s))
                bare.insert(k, full.value(k));
        const CliRun r = cliWith(
            {u"release-message"_s, u"--message-id"_s, ids[0], u"--case-id"_s, u"CASE-ENV"_s}, bare);
        QCOMPARE(r.exitCode, 0);
        QJsonObject entry;
        for (const QString &line : auditText().split(u'\n', Qt::SkipEmptyParts))
            if (line.contains(u"CASE-ENV"_s))
                entry = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY(!entry.isEmpty());
        QCOMPARE(entry.value(u"user"_s).toString(), audit::AuditLog::systemAccount());
        QVERIFY(!entry.value(u"user"_s).toString().isEmpty());
    }

    // Blocked-sender policies from the CLI: the same runner, wire body and audit item as the
    // Sender lists page (tests/gui/senders/test_blocked_sender_policies.cpp checks the GUI's).
    void blockedSenderPolicies()
    {
        CliRun r = cli({u"list-blocked-sender-policies"_s});
        QCOMPARE(r.exitCode, 0);
        const int before = r.json[u"result"_s][u"count"_s].toInt();
        QVERIFY(before > 0);
        QCOMPARE(r.json[u"result"_s][u"policies"_s].toArray().size(), before);

        r = cli({u"create-blocked-sender-policy"_s, u"--description"_s, u"INC-0500 invoice fraud"_s,
                 u"--from-type"_s, u"email_domain"_s, u"--from-value"_s, u"invoices-example.net"_s,
                 u"--to-type"_s, u"internal_addresses"_s, u"--from-part"_s, u"header_from"_s,
                 u"--end"_s, u"2031-03-01T18:00:00Z"_s, u"--bidirectional"_s, u"--case-id"_s,
                 u"INC-0500"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QJsonObject> bodies =
            m_f->bodies(u"/api/policy/blockedsenders/create-policy"_s);
        QCOMPARE(bodies.size(), 1);
        senders::BlockedSenderPolicy expected;
        expected.description = u"INC-0500 invoice fraud"_s;
        expected.fromPart = u"header_from"_s;
        expected.from = {u"email_domain"_s, u"invoices-example.net"_s};
        expected.to = {u"internal_addresses"_s, {}};
        expected.toEternal = false;
        expected.toDate = QDateTime(QDate(2031, 3, 1), QTime(18, 0), Qt::UTC);
        expected.bidirectional = true;
        QCOMPARE(bodies.first(), (QJsonObject{{u"data"_s, QJsonArray{expected.toCreateItem()}}}));
        const QString id = r.json[u"result"_s][u"policy"_s][u"id"_s].toString();
        QVERIFY(!id.isEmpty());

        const QJsonObject created = lastAuditEntry(u"create-blocked-sender-policy"_s);
        QCOMPARE(created.value(u"case_id"_s).toString(), u"INC-0500"_s);
        QCOMPARE(created.value(u"items"_s).toArray(),
                 (QJsonArray{QJsonObject{{u"id"_s, id},
                                         {u"outcome"_s, u"done"_s},
                                         {u"description"_s, u"INC-0500 invoice fraud"_s},
                                         {u"from"_s, u"email_domain: invoices-example.net"_s},
                                         {u"to"_s, u"internal_addresses"_s}}}));

        r = cli({u"delete-blocked-sender-policy"_s, u"--id"_s, id, u"--case-id"_s, u"INC-0501"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(m_f->bodies(u"/api/policy/blockedsenders/delete-policy"_s).last(),
                 (QJsonObject{{u"data"_s, QJsonArray{QJsonObject{{u"id"_s, id}}}}}));
        const QJsonObject deleted = lastAuditEntry(u"delete-blocked-sender-policy"_s);
        QCOMPARE(deleted.value(u"case_id"_s).toString(), u"INC-0501"_s);
        const QJsonObject item = deleted.value(u"items"_s).toArray().first().toObject();
        QCOMPARE(item.value(u"id"_s).toString(), id);
        QCOMPARE(item.value(u"outcome"_s).toString(), u"done"_s);
        QCOMPARE(item.value(u"description"_s).toString(), u"INC-0500 invoice fraud"_s);
        QCOMPARE(cli({u"list-blocked-sender-policies"_s}).json[u"result"_s][u"count"_s].toInt(),
                 before);

        // Deleting it again: refused after the read, no second delete is sent.
        m_f->sim->clearRequests();
        r = cli({u"delete-blocked-sender-policy"_s, u"--id"_s, id});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"no blocked-sender policy"_s));
        QCOMPARE(m_f->bodies(u"/api/policy/blockedsenders/delete-policy"_s).size(), 0);
    }

    void blockedSenderPolicyBadInputSendsNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no description")
            << QStringList{u"create-blocked-sender-policy"_s, u"--from-type"_s, u"everyone"_s,
                           u"--to-type"_s, u"everyone"_s}
            << u"Description"_s;
        QTest::newRow("unknown type") << QStringList{u"create-blocked-sender-policy"_s,
                                                     u"--description"_s,
                                                     u"x"_s,
                                                     u"--from-type"_s,
                                                     u"galaxy"_s,
                                                     u"--to-type"_s,
                                                     u"everyone"_s}
                                      << u"From type"_s;
        QTest::newRow("bad address") << QStringList{u"create-blocked-sender-policy"_s,
                                                    u"--description"_s,
                                                    u"x"_s,
                                                    u"--from-type"_s,
                                                    u"email_address"_s,
                                                    u"--from-value"_s,
                                                    u"a@@b"_s,
                                                    u"--to-type"_s,
                                                    u"everyone"_s}
                                     << u"From"_s;
        QTest::newRow("bad end") << QStringList{u"create-blocked-sender-policy"_s,
                                                u"--description"_s,
                                                u"x"_s,
                                                u"--from-type"_s,
                                                u"everyone"_s,
                                                u"--to-type"_s,
                                                u"everyone"_s,
                                                u"--end"_s,
                                                u"next tuesday"_s}
                                 << u"--end"_s;
        QTest::newRow("delete without id")
            << QStringList{u"delete-blocked-sender-policy"_s} << u"--id"_s;
    }
    void blockedSenderPolicyBadInputSendsNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CliRun r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QCOMPARE(m_f->sim->requests().size(), 0);
    }

    // The combined moves from the CLI: the senders come from the held queue, read before the
    // first step; then the same two audited actions the held queue page runs (release-message
    // then permit-sender; reject-message then block-sender).
    void combinedMoves()
    {
        QList<held::HeldMessage> held = heldMessages(20);
        held.removeIf([](const held::HeldMessage &m) { return held::permitTrap(m).has_value(); });
        QVERIFY(held.size() >= 3);
        m_f->sim->clearRequests();
        CliRun r = cli({u"release-and-permit"_s, u"--message-id"_s, held[0].id, u"--message-id"_s,
                        u"not-a-held-id"_s, u"--case-id"_s, u"INC-0600"_s});
        QCOMPARE(r.exitCode, 1); // one id was not held: nothing sent for it
        QVERIFY(!m_f->sim->isHeld(held[0].id));
        QCOMPARE(m_f->bodies(u"/api/gateway/hold-release"_s).size(), 1);
        QCOMPARE(m_f->bodies(u"/api/gateway/hold-release"_s).first(),
                 (QJsonObject{{u"data"_s, QJsonArray{QJsonObject{{u"id"_s, held[0].id}}}}}));
        const QList<QJsonObject> permits =
            m_f->bodies(u"/api/managedsender/permit-or-block-sender"_s);
        QCOMPARE(permits.size(), 1);
        QCOMPARE(permits.first(),
                 (QJsonObject{{u"data"_s, QJsonArray{QJsonObject{{u"sender"_s, held[0].sender()},
                                                                 {u"to"_s, held[0].to.email},
                                                                 {u"action"_s, u"permit"_s}}}}}));
        QCOMPARE(
            r.json[u"result"_s][u"messages"_s][u"not_sent"_s][0][u"error"_s][u"code"_s].toString(),
            u"mcdesk_not_held"_s);
        const QJsonObject released = lastAuditEntry(u"release-message"_s);
        QCOMPARE(released.value(u"case_id"_s).toString(), u"INC-0600"_s);
        QCOMPARE(released[u"items"_s][0][u"id"_s].toString(), held[0].id);
        const QJsonObject permitted = lastAuditEntry(u"permit-sender"_s);
        QCOMPARE(permitted.value(u"case_id"_s).toString(), u"INC-0600"_s);
        QCOMPARE(permitted[u"items"_s][0][u"sender"_s].toString(), held[0].sender());
        QCOMPARE(permitted[u"items"_s][0][u"outcome"_s].toString(), u"done"_s);

        m_f->sim->clearRequests();
        r = cli({u"reject-and-block"_s, u"--message-id"_s, held[1].id, u"--message-id"_s,
                 held[2].id, u"--reason"_s, u"Against Email Policy"_s, u"--case-id"_s,
                 u"INC-0601"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!m_f->sim->isHeld(held[1].id) && !m_f->sim->isHeld(held[2].id));
        const QJsonObject reject = m_f->bodies(u"/api/gateway/hold-reject"_s).first();
        QCOMPARE(reject[u"data"_s][0][u"reasonType"_s].toString(),
                 u"MESSAGE GOES AGAINST EMAIL POLICIES"_s);
        const QJsonArray blocks = m_f->bodies(u"/api/managedsender/permit-or-block-sender"_s)
                                      .first()[u"data"_s]
                                      .toArray();
        QVERIFY(blocks.size() >= 1 && blocks.size() <= 2); // one entry a sender and recipient
        for (const QJsonValue &b : blocks)
            QCOMPARE(b[u"action"_s].toString(), u"block"_s);
        QCOMPARE(lastAuditEntry(u"reject-message"_s).value(u"case_id"_s).toString(), u"INC-0601"_s);
        QCOMPARE(lastAuditEntry(u"block-sender"_s).value(u"case_id"_s).toString(), u"INC-0601"_s);
    }

    // The permit trap: a held message from shared sending infrastructure (its envelope sender a
    // per-message bounce address) is refused by release-and-permit until --permit chooses;
    // --permit header permits the From header address.
    void releaseAndPermitCatchesThePermitTrap()
    {
        QList<held::HeldMessage> held = heldMessages(200);
        held.removeIf([](const held::HeldMessage &m) {
            const auto trap = held::permitTrap(m);
            return !trap || trap->header.isEmpty();
        });
        QVERIFY2(!held.isEmpty(), "the simulator holds mail sent through SES or SendGrid");
        const held::HeldMessage m = held.first();
        m_f->sim->clearRequests();
        CliRun r = cli({u"release-and-permit"_s, u"--message-id"_s, m.id});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--permit header"_s) && r.err.contains(m.fromEnvelope.email),
                 qPrintable(r.err));
        QVERIFY(m_f->bodies(u"/api/gateway/hold-release"_s).isEmpty());
        QVERIFY(m_f->bodies(kPermitOrBlock).isEmpty());
        QVERIFY(m_f->sim->isHeld(m.id));

        r = cli({u"release-and-permit"_s, u"--message-id"_s, m.id, u"--permit"_s, u"sender"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--permit"_s), qPrintable(r.err));
        QVERIFY(m_f->bodies(u"/api/gateway/hold-release"_s).isEmpty());

        r = cli({u"release-and-permit"_s, u"--message-id"_s, m.id, u"--permit"_s, u"header"_s,
                 u"--case-id"_s, u"INC-0610"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QJsonObject> permits = m_f->bodies(kPermitOrBlock);
        QCOMPARE(permits.size(), 1);
        QCOMPARE(permits.first()[u"data"_s][0][u"sender"_s].toString(), m.fromHeader.email);
        QCOMPARE(lastAuditEntry(u"permit-sender"_s)[u"items"_s][0][u"sender"_s].toString(),
                 m.fromHeader.email);
    }

    // import-senders: the Sender lists page's bulk import from a file, through the same action
    // (tests/gui/senders/test_sender_lists_page.cpp checks the page's): repeated rows sent once,
    // one permit-sender then one block-sender request and audit entry, as the page writes them.
    void importSenders()
    {
        const QString path = writeFile(u"senders.csv"_s,
                                       "\xEF\xBB\xBFsender,recipient,action\r\n"
                                       "news@import-partner.example,sales@corp.example,permit\r\n"
                                       "billing@import-invoices.example,ap@corp.example,block\r\n"
                                       "# a comment\r\n"
                                       "BILLING@import-invoices.example, ap@corp.example ,Block\r\n"
                                       "ceo@import-fraud.example\tcfo@corp.example\tblock\r\n");
        const CliRun r = cli({u"import-senders"_s, u"--file"_s, path, u"--case-id"_s, u"INC-0700"_s,
                              u"--alert-group-identifiers"_s, u"AG-7"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(u"action"_s).toString(), u"import-senders"_s);
        const QList<QJsonObject> bodies = m_f->bodies(kPermitOrBlock);
        QCOMPARE(bodies.size(), 2);
        QCOMPARE(bodies.at(0),
                 (QJsonObject{{u"data"_s, QJsonArray{QJsonObject{
                                              {u"sender"_s, u"news@import-partner.example"_s},
                                              {u"to"_s, u"sales@corp.example"_s},
                                              {u"action"_s, u"permit"_s}}}}}));
        QCOMPARE(bodies.at(1),
                 (QJsonObject{
                     {u"data"_s,
                      QJsonArray{QJsonObject{{u"sender"_s, u"billing@import-invoices.example"_s},
                                             {u"to"_s, u"ap@corp.example"_s},
                                             {u"action"_s, u"block"_s}},
                                 QJsonObject{{u"sender"_s, u"ceo@import-fraud.example"_s},
                                             {u"to"_s, u"cfo@corp.example"_s},
                                             {u"action"_s, u"block"_s}}}}}));
        const QJsonObject result = r.json.value(u"result"_s).toObject();
        QCOMPARE(result.value(u"duplicates"_s).toInt(), 1);
        QCOMPARE(result.value(u"invalid"_s).toArray().size(), 0);

        // Audited as the page audits: one permit-sender and one block-sender entry with the
        // runner's managed-sender items, the case and alert group; no entry of its own.
        const QJsonObject permitted = lastAuditEntry(u"permit-sender"_s);
        QCOMPARE(permitted.value(u"case_id"_s).toString(), u"INC-0700"_s);
        QCOMPARE(permitted.value(u"alert_group_identifiers"_s).toArray(), (QJsonArray{u"AG-7"_s}));
        QCOMPARE(permitted.value(u"message"_s).toString(), u"1 of 1 done"_s);
        QCOMPARE(permitted.value(u"items"_s).toArray(), result[u"permits"_s][u"items"_s].toArray());
        const QJsonObject item = permitted[u"items"_s][0].toObject();
        QCOMPARE(item.value(u"sender"_s).toString(), u"news@import-partner.example"_s);
        QCOMPARE(item.value(u"recipient"_s).toString(), u"sales@corp.example"_s);
        QCOMPARE(item.value(u"action"_s).toString(), u"permit"_s);
        QCOMPARE(item.value(u"outcome"_s).toString(), u"done"_s);
        QVERIFY(!item.value(u"managed_sender_id"_s).toString().isEmpty());
        const QJsonObject blocked = lastAuditEntry(u"block-sender"_s);
        QCOMPARE(blocked.value(u"case_id"_s).toString(), u"INC-0700"_s);
        QCOMPARE(blocked.value(u"message"_s).toString(), u"2 of 2 done"_s);
        QCOMPARE(blocked.value(u"items"_s).toArray(), result[u"blocks"_s][u"items"_s].toArray());
        QCOMPARE(blocked.value(u"items"_s).toArray().size(), 2);
        QVERIFY(lastAuditEntry(u"import-senders"_s).isEmpty());
    }

    // An invalid row refuses the whole file (a script sees no preview), naming each row and
    // why; --skip-invalid sends the others, as the page's Send button does.
    void importSendersInvalidRows()
    {
        const QString path =
            writeFile(u"invalid.csv"_s, "sender,recipient,action\n"
                                        "ok@import-skip.example,ap@corp.example,block\n"
                                        "not-an-address,ap@corp.example,block\n"
                                        "\n"
                                        "x@import-conflict.example,ceo@corp.example,permit\n"
                                        "x@import-conflict.example,ceo@corp.example,block\n");
        CliRun r = cli({u"import-senders"_s, u"--file"_s, path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"row 3: Sender \"not-an-address\""_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"row 5: Line 5 says permit and line 6 says block"_s),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(u"row 6: "_s), qPrintable(r.err));
        QVERIFY(r.err.contains(u"--skip-invalid"_s));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(m_f->sim->requests().size(), 0);
        QVERIFY(!auditText().contains(u"import-skip.example"_s));

        r = cli({u"import-senders"_s, u"--file"_s, path, u"--skip-invalid"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QJsonObject> bodies = m_f->bodies(kPermitOrBlock);
        QCOMPARE(bodies.size(), 1);
        QCOMPARE(bodies.first()[u"data"_s].toArray(),
                 (QJsonArray{QJsonObject{{u"sender"_s, u"ok@import-skip.example"_s},
                                         {u"to"_s, u"ap@corp.example"_s},
                                         {u"action"_s, u"block"_s}}}));
        const QJsonArray invalid = r.json[u"result"_s][u"invalid"_s].toArray();
        QCOMPARE(invalid.size(), 3);
        QCOMPARE(invalid[0][u"row"_s].toInt(), 3);
        QVERIFY(invalid[0][u"problem"_s].toString().startsWith(u"Sender "_s));
        QCOMPARE(invalid[1][u"row"_s].toInt(), 5);
        QCOMPARE(invalid[2][u"row"_s].toInt(), 6);
        QVERIFY(r.json[u"message"_s].toString().contains(u"3 invalid rows skipped"_s));
    }

    void importSendersUnreadableFileSendsNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing file")
            << QStringList{u"import-senders"_s, u"--file"_s, m_home.filePath(u"none.csv"_s)}
            << u"none.csv cannot be read"_s;
        QTest::newRow("not utf-8")
            << QStringList{u"import-senders"_s, u"--file"_s,
                           writeFile(u"latin1.csv"_s, "caf\xe9@x.example,a@b.example,block\n")}
            << u"not UTF-8"_s;
        QTest::newRow("no --file") << QStringList{u"import-senders"_s} << u"--file is required"_s;
        QTest::newRow("only a header")
            << QStringList{u"import-senders"_s, u"--file"_s,
                           writeFile(u"header.csv"_s, "sender,recipient,action\n")}
            << u"no entries to send"_s;
    }
    void importSendersUnreadableFileSendsNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CliRun r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(m_f->sim->requests().size(), 0);
    }

    // One class per command: --help lists the commands, COMMAND --help only its options.
    void helpListsCommandsAndEachCommandsOptions()
    {
        CliRun r = cli({u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        for (const QString &name : actions::actionNames())
            QVERIFY2(r.out.contains(u"\n  "_s + name + u' '), qPrintable(name));
        QVERIFY(r.out.contains(u"--profile <NAME>"_s));
        QVERIFY(!r.out.contains(u"--message-id"_s));

        r = cli({u"import-senders"_s, u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(u"Usage: mcdesk-cli import-senders [options]"_s));
        QVERIFY(r.out.contains(u"--file <CSV>"_s));
        QVERIFY(r.out.contains(u"--skip-invalid"_s));
        QVERIFY(!r.out.contains(u"--message-id"_s));
        QVERIFY(!r.out.contains(u"--profile <NAME>"_s));
        QCOMPARE(m_f->sim->requests().size(), 0);

        // Another command's option is ignored with a warning, as before commands had their own.
        r = cli({u"ping"_s, u"--message-id"_s, u"x"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(u"--message-id is not an option of ping"_s), qPrintable(r.err));
    }

    void releaseRejectReport()
    {
        const QStringList ids = m_f->sim->heldIds(4);
        CliRun r = cli({u"release-message"_s, u"--message-id"_s, ids[0], u"--message-id"_s, ids[1],
                        u"--case-id"_s, u"CASE-7"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json[u"result"_s][u"items"_s].toArray().size(), 2);
        QVERIFY(!m_f->sim->isHeld(ids[0]));
        QVERIFY(auditText().contains(u"CASE-7"_s));

        // --batches-in-flight 1: one batch at a time (the profile's setting otherwise).
        const QStringList many = m_f->sim->heldIds(200).mid(100);
        QStringList args{u"release-message"_s, u"--batches-in-flight"_s, u"1"_s};
        for (const QString &id : many)
            args << u"--message-id"_s << id;
        r = cli(args);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json[u"result"_s][u"most_in_flight"_s].toInt(), 1);
        QCOMPARE(r.json[u"result"_s][u"requests"_s].toInt(), 4);

        r = cli({u"reject-message"_s, u"--message-id"_s, ids[2], u"--reason"_s,
                 u"Against Email Policy"_s, u"--note"_s, u"policy"_s, u"--notify-sender"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject body = m_f->bodies(u"/api/gateway/hold-reject"_s).first();
        QCOMPARE(body[u"data"_s][0][u"reasonType"_s].toString(),
                 u"MESSAGE GOES AGAINST EMAIL POLICIES"_s);

        r = cli({u"report-message"_s, u"--message-id"_s, ids[3], u"--report-as"_s, u"phishing"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(u"deprecated"_s));
    }

    void permitAndBlock()
    {
        for (const QString &action : {u"permit-sender"_s, u"block-sender"_s}) {
            const CliRun r = cli({action, u"--sender"_s, u"x@vendor.example"_s, u"--recipient"_s,
                                  u"a@demo.example"_s});
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.json[u"result"_s][u"items"_s][0][u"outcome"_s].toString(), u"done"_s);
        }
    }

    void listHeldAndSummary()
    {
        const QString csv = m_home.filePath(u"held.csv"_s);
        CliRun r = cli({u"list-held"_s, u"--search-by"_s, u"all"_s, u"--value"_s, u"a"_s,
                        u"--limit"_s, u"20"_s, u"--csv"_s, csv});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.json[u"result"_s][u"count"_s].toInt() <= 20);
        QVERIFY(QFile::exists(csv));
        r = cli({u"held-summary"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.json[u"result"_s][u"policies"_s].toArray().isEmpty());
    }

    void badInputExitsTwoAndSendsNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown reason")
            << QStringList{u"reject-message"_s, u"--message-id"_s, u"x"_s, u"--reason"_s, u"meh"_s}
            << u"--reason"_s;
        QTest::newRow("invalid address") << QStringList{u"block-sender"_s, u"--sender"_s, u"bad@"_s,
                                                        u"--recipient"_s, u"a@b.example"_s}
                                         << u"--sender"_s;
        QTest::newRow("malformed xml")
            << QStringList{u"advanced-archive-search"_s, u"--xml-query"_s, u"<a>\n<b></a>"_s}
            << u"line 2"_s;
        QTest::newRow("custom without start")
            << QStringList{u"simple-archive-search"_s, u"--time-frame"_s, u"Custom"_s}
            << u"Start Time"_s;
        QTest::newRow("end before start")
            << QStringList{u"simple-archive-search"_s, u"--time-frame"_s,         u"Custom"_s,
                           u"--start-time"_s,          u"2026-01-02T00:00:00Z"_s, u"--end-time"_s,
                           u"2026-01-01T00:00:00Z"_s}
            << u"End Time"_s;
        QTest::newRow("limit not a number")
            << QStringList{u"simple-archive-search"_s, u"--max-emails-to-return"_s, u"ten"_s}
            << u"--max-emails-to-return"_s;
        QTest::newRow("batches in flight out of range")
            << QStringList{u"release-message"_s, u"--message-id"_s, u"x"_s,
                           u"--batches-in-flight"_s, u"9"_s}
            << u"--batches-in-flight must be a whole number from 1 to 8"_s;
        QTest::newRow("unknown action") << QStringList{u"delete-everything"_s} << u"ping"_s;
        QTest::newRow("unknown option")
            << QStringList{u"ping"_s, u"--secret-key"_s, u"x"_s} << u"secret-key"_s;
        QTest::newRow("print-query elsewhere")
            << QStringList{u"ping"_s, u"--print-query"_s}
            << u"--print-query only applies to simple-archive-search"_s;
        QTest::newRow("http base url")
            << QStringList{u"ping"_s, u"--base-url"_s, u"http://eu-api.mimecast.com"_s}
            << u"https"_s;
        QTest::newRow("custom host")
            << QStringList{u"ping"_s, u"--base-url"_s, u"https://example.org"_s}
            << u"--allow-custom-host"_s;
    }
    void badInputExitsTwoAndSendsNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CliRun r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(m_f->sim->requests().size(), 0);
    }

    void missingCredentialNamesTheVariable()
    {
        QProcessEnvironment env = environment(sim::demoCredentials());
        env.remove(u"MIMECAST_SECRET_KEY"_s);
        const CliRun r = cliWith({u"ping"_s}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"MIMECAST_SECRET_KEY"_s));
    }

    void authenticationFailureExitsThreeWithoutLeakingTheSecret()
    {
        api::Credentials wrong = sim::demoCredentials();
        wrong.secretKey = QString::fromLatin1(QByteArray("a-secret-that-must-not-leak").toBase64());
        const QStringList ids = m_f->sim->heldIds(1);
        for (const QStringList &args :
             {QStringList{u"ping"_s},
              QStringList{u"release-message"_s, u"--message-id"_s, ids[0]}}) {
            const CliRun r = cli(args, wrong);
            QCOMPARE(r.exitCode, 3);
            QVERIFY(!r.err.isEmpty());
            for (const QString &text : {r.out, r.err, auditText()}) {
                QVERIFY(!text.contains(wrong.secretKey));
                QVERIFY(!text.contains(sim::demoCredentials().secretKey));
                QVERIFY(!text.contains(wrong.appKey));
            }
        }
    }

    void unreachableExitsThree()
    {
        QProcessEnvironment env = environment(sim::demoCredentials());
        env.insert(u"MIMECAST_BASE_URL"_s, u"http://127.0.0.1:1"_s);
        const CliRun r = cliWith({u"ping"_s}, env);
        QCOMPARE(r.exitCode, 3);
    }

    void demoModeNeedsNoCredentials()
    {
        QProcessEnvironment env = environment(sim::demoCredentials());
        for (const QString &k : env.keys())
            if (k.startsWith(u"MIMECAST_"_s))
                env.remove(k);
        const CliRun r = cliWith({u"--demo"_s, u"--latency"_s, u"0"_s, u"ping"_s}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.json[u"result"_s][u"account"_s][u"accountName"_s].toString().contains(
            u"simulator"_s));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
