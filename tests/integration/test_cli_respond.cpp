// The spawned mcdesk-cli's incident-response commands against the in-process simulator:
// track-message, message-info, remediate, get-incident, list-incidents and search-hash. What goes
// on the wire, what --csv writes (formulas neutralised), what the audit log keeps, bad input that
// exits 2 and sends nothing, and no secret on any output. The slots run in order: the tracking
// ids of the first feed message-info, the incident remediate creates feeds get-incident and
// list-incidents.
#include "tests/support/clirun.h"
#include "tests/support/csvparse.h"
#include "tests/support/simfixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace mcdesk;

using testing::CliRun;

namespace {
const auto kTrack = u"/api/message-finder/search"_s;
const auto kInfo = u"/api/message-finder/get-message-info"_s;
const auto kCreate = u"/api/ttp/remediation/v2/create"_s;
const auto kIncident = u"/api/ttp/remediation/get-incident"_s;
const auto kFind = u"/api/ttp/remediation/find-incidents"_s;
const auto kHash = u"/api/ttp/remediation/search-hash"_s;

const QStringList kTrackedColumns{u"id"_s,      u"status"_s,    u"received"_s,       u"fromEnv"_s,
                                  u"fromHdr"_s, u"to"_s,        u"subject"_s,        u"senderIP"_s,
                                  u"route"_s,   u"spamScore"_s, u"detectionLevel"_s, u"info"_s};
const QStringList kIncidentColumns{u"id"_s,       u"code"_s,          u"type"_s,       u"reason"_s,
                                   u"create"_s,   u"identified"_s,    u"successful"_s, u"failed"_s,
                                   u"restored"_s, u"searchCriteria"_s};

// The incidents the simulator seeds (core/simulator/incidents.cpp), by reason.
const QStringList kSeededReasons{u"INC-1988 invoice phishing wave"_s,
                                 u"Malicious attachment detected by Attachment Protect"_s,
                                 u"Suspicious DocuSign lure (notify only)"_s,
                                 u"Restore: newsletter removed by mistake"_s,
                                 u"IR-2077 credential harvesting link"_s,
                                 u"Executable attachment payload"_s};

const QString kMd5 = u"5d41402abc4b2a76b9719d911017c592"_s;

// A time `days` ago as the CLI takes it (ISO 8601, UTC).
QString daysAgo(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(-days).toString(Qt::ISODate);
}

// Mimecast's date form: 2026-11-27T09:00:00+0000.
bool isMimecastDate(const QString &text)
{
    static const QRegularExpression form(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0000$"_s);
    return form.match(text).hasMatch();
}

QDateTime fromMimecastDate(const QString &text)
{
    QDateTime when = QDateTime::fromString(text.left(19), u"yyyy-MM-ddTHH:mm:ss"_s);
    when.setTimeZone(QTimeZone::utc()); // the digits are UTC (+0000), not local time
    return when;
}

// What a spreadsheet would run as a formula (and the CSV export must neutralise).
bool startsLikeFormula(const QString &cell)
{
    return !cell.isEmpty() && QStringView(u"=+-@\t\r").contains(cell.front());
}

// A cell as the CSV should hold it: a formula start behind an apostrophe.
QString safeCell(const QString &value)
{
    return startsLikeFormula(value) ? u'\'' + value : value;
}

QString sha256(const QByteArray &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}
} // namespace

class TestCliRespond : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<testing::SimFixture> m_f;
    QList<CliRun> m_runs; // this slot's runs, checked for secrets in cleanup()

    // Found by one slot, used by the next.
    QStringList m_campaignIds;
    QString m_deliveredTrackingId; // a delivered copy track-message found
    qsizetype m_copies = 0;        // how many copies of m_campaignIds[0] it found
    QString m_fileHash;            // an attachment's SHA-256 message-info listed
    QString m_incidentId, m_incidentCode;

    CliRun cli(const QStringList &args)
    {
        const CliRun r =
            testing::runCli(args, testing::cliEnvironment(m_home.path(), m_f->sim->baseUrl(),
                                                          sim::demoCredentials()));
        m_runs.append(r);
        return r;
    }

    QString auditText() const
    {
        QFile f(m_home.filePath(u"data/mcdesk/audit.jsonl"_s));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
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

    static QList<QStringList> readCsv(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return testing::parseCsv(QString::fromUtf8(file.readAll()));
    }

    // Every data cell of a CSV is formula-safe; returns how many were neutralised.
    static int checkFormulaSafe(const QList<QStringList> &rows, bool *ok)
    {
        int neutralised = 0;
        *ok = true;
        for (qsizetype r = 1; r < rows.size(); ++r) {
            for (const QString &cell : rows.at(r)) {
                if (startsLikeFormula(cell)) {
                    qWarning("CSV row %d: cell starts like a formula: %s", int(r),
                             qPrintable(cell));
                    *ok = false;
                }
                if (cell.startsWith(u'\'') && startsLikeFormula(cell.mid(1)))
                    ++neutralised;
            }
        }
        return neutralised;
    }

    // A read command's bad input: exit 2, the problem on stderr, nothing on stdout or the wire.
    void expectRefused(const QStringList &args, const QString &mentions)
    {
        const QString auditBefore = auditText();
        const CliRun r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QCOMPARE(m_f->sim->requests().size(), 0);
        QCOMPARE(auditText(), auditBefore);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("MCDESK_CLI")),
                 "MCDESK_CLI points at mcdesk-cli");
        // Incidents settle within 1.5 s, so get-incident sees the counts add up quickly.
        m_f = std::make_unique<testing::SimFixture>(sim::SimConfig().withRemediationSettle(1500));
        m_campaignIds = m_f->sim->campaignMessageIds(2);
        QCOMPARE(m_campaignIds.size(), 2);
    }
    void init()
    {
        m_f->sim->clearRequests();
        m_runs.clear();
    }
    // No run of any slot shows a credential on stdout or stderr, nor in the audit log.
    void cleanup()
    {
        const api::Credentials c = sim::demoCredentials();
        const QString audit = auditText();
        for (const CliRun &r : std::as_const(m_runs)) {
            for (const QString &text : {r.out, r.err, audit}) {
                QVERIFY(!text.contains(c.secretKey));
                QVERIFY(!text.contains(c.accessKey));
                QVERIFY(!text.contains(c.appKey));
            }
        }
        m_runs.clear();
    }

    // 1. Every copy of a campaign message, the documented body, and the CSV of them.
    void trackMessageFindsEveryCopy()
    {
        const QString id = m_campaignIds.first();
        const QString csv = m_home.filePath(u"copies.csv"_s);
        const QString start = daysAgo(7);
        const CliRun r = cli({u"track-message"_s, u"--message-id"_s, id, u"--search-reason"_s,
                              u"INC-0800 phishing wave"_s, u"--start"_s, start, u"--csv"_s, csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(u"success"_s).toBool(), true);
        QCOMPARE(r.json.value(u"action"_s).toString(), u"track-message"_s);
        const QJsonObject result = r.json.value(u"result"_s).toObject();
        const QJsonArray messages = result.value(u"messages"_s).toArray();
        QVERIFY2(result.value(u"count"_s).toInt() >= 3, qPrintable(r.out)); // held + copies
        QCOMPARE(result.value(u"count"_s).toInt(), messages.size());
        QSet<QString> ids, statuses;
        for (const QJsonValue &m : messages) {
            const QString trackingId = m[u"id"_s].toString();
            QVERIFY(!trackingId.isEmpty());
            ids.insert(trackingId);
            statuses.insert(m[u"status"_s].toString());
            if (m[u"status"_s].toString() == u"archived"_s && m_deliveredTrackingId.isEmpty())
                m_deliveredTrackingId = trackingId;
        }
        QCOMPARE(ids.size(), messages.size()); // one row a copy
        QVERIFY(statuses.contains(u"held"_s));
        QVERIFY(statuses.contains(u"archived"_s));
        m_copies = messages.size();

        // One request, the documented body: the id with its brackets, the reason, the period
        // in Mimecast's date form, no advanced options.
        QCOMPARE(m_f->sim->requestCount(kTrack), 1);
        const QJsonObject body = m_f->bodies(kTrack).value(0);
        QCOMPARE(body.value(u"data"_s).toArray().size(), 1);
        const QJsonObject item = body[u"data"_s][0].toObject();
        QCOMPARE(item.value(u"messageId"_s).toString(), id);
        QCOMPARE(item.value(u"searchReason"_s).toString(), u"INC-0800 phishing wave"_s);
        QVERIFY2(isMimecastDate(item.value(u"start"_s).toString()),
                 qPrintable(item.value(u"start"_s).toString()));
        QVERIFY2(isMimecastDate(item.value(u"end"_s).toString()),
                 qPrintable(item.value(u"end"_s).toString()));
        const QDateTime sentStart = fromMimecastDate(item.value(u"start"_s).toString());
        QVERIFY(qAbs(sentStart.secsTo(QDateTime::fromString(start, Qt::ISODate))) <= 1);
        QVERIFY(qAbs(fromMimecastDate(item.value(u"end"_s).toString())
                         .secsTo(QDateTime::currentDateTimeUtc())) < 300);
        QVERIFY(!item.contains(u"advancedTrackAndTraceOptions"_s));
        QCOMPARE(result.value(u"query"_s).toObject(), item); // what was asked, printed

        // The CSV: the columns, one row a message, the ids and statuses as printed.
        const QList<QStringList> rows = readCsv(csv);
        QVERIFY2(!rows.isEmpty(), qPrintable(csv));
        QCOMPARE(rows.first(), kTrackedColumns);
        QCOMPARE(rows.size(), messages.size() + 1);
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).size(), kTrackedColumns.size());
            const QJsonObject m = messages.at(i - 1).toObject();
            QCOMPARE(rows.at(i).at(0), m.value(u"id"_s).toString());
            QCOMPARE(rows.at(i).at(1), m.value(u"status"_s).toString());
            QCOMPARE(rows.at(i).at(6), safeCell(m.value(u"subject"_s).toString()));
        }
        bool safe = false;
        checkFormulaSafe(rows, &safe);
        QVERIFY(safe);
    }

    // 1b. Subjects and senders a spreadsheet would run ("@SUM(1+1) payroll correction",
    // "+cmd|' /C calc'!A0") reach the CSV behind an apostrophe; the JSON keeps them as sent.
    void trackMessageCsvIsFormulaSafe()
    {
        const QString csv = m_home.filePath(u"hostile.csv"_s);
        const CliRun r = cli({u"track-message"_s, u"--subject"_s, u"payroll correction"_s,
                              u"--start"_s, daysAgo(27), u"--csv"_s, csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray messages = r.json[u"result"_s][u"messages"_s].toArray();
        QVERIFY2(!messages.isEmpty(), qPrintable(r.out));
        const QJsonObject item = m_f->bodies(kTrack).value(0)[u"data"_s][0].toObject();
        QCOMPARE(item[u"advancedTrackAndTraceOptions"_s][u"subject"_s].toString(),
                 u"payroll correction"_s);
        QVERIFY(!item.contains(u"searchReason"_s)); // not given, not sent
        QVERIFY(!item.contains(u"messageId"_s));

        const QList<QStringList> rows = readCsv(csv);
        QVERIFY(!rows.isEmpty());
        QCOMPARE(rows.first(), kTrackedColumns);
        QCOMPARE(rows.size(), messages.size() + 1);
        int hostileValues = 0;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const QStringList &row = rows.at(i);
            QCOMPARE(row.size(), kTrackedColumns.size());
            const QJsonObject m = messages.at(i - 1).toObject();
            const QString subject = m.value(u"subject"_s).toString();
            const QString fromEnv = m[u"fromEnv"_s][u"emailAddress"_s].toString();
            QVERIFY2(subject.contains(u"payroll correction"_s, Qt::CaseInsensitive),
                     qPrintable(subject));
            hostileValues += startsLikeFormula(subject) ? 1 : 0;
            hostileValues += startsLikeFormula(fromEnv) ? 1 : 0;
            QCOMPARE(row.at(0), m.value(u"id"_s).toString());
            QCOMPARE(row.at(3), safeCell(fromEnv));
            QCOMPARE(row.at(6), safeCell(subject));
        }
        QVERIFY2(hostileValues > 0, "the search found no formula-like value to neutralise");
        bool safe = false;
        QVERIFY(checkFormulaSafe(rows, &safe) >= hostileValues);
        QVERIFY(safe);
    }

    // 2. Refused before sending: exit 2, nothing on the wire.
    void trackMessageBadInputSendsNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("message-id and from")
            << QStringList{u"track-message"_s, u"--message-id"_s, u"<a1@x.example>"_s, u"--from"_s,
                           u"evil.example"_s}
            << u"give --message-id alone"_s;
        QTest::newRow("message-id with a space")
            << QStringList{u"track-message"_s, u"--message-id"_s, u"<a b@x.example>"_s}
            << u"contains spaces"_s;
        QTest::newRow("start 29 days ago") << QStringList{u"track-message"_s, u"--subject"_s,
                                                          u"invoice"_s, u"--start"_s, daysAgo(29)}
                                           << u"more than 28 days ago"_s;
        QTest::newRow("limit 0") << QStringList{u"track-message"_s, u"--subject"_s, u"invoice"_s,
                                                u"--limit"_s, u"0"_s}
                                 << u"--limit must be a number from 1 to"_s;
        QTest::newRow("nothing to find") << QStringList{u"track-message"_s} << u"--message-id"_s;
    }
    void trackMessageBadInputSendsNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        expectRefused(args, mentions);
    }

    // 3. One delivered copy's detail: its deliveries and its SPF / DKIM / DMARC checks.
    void messageInfo()
    {
        QVERIFY2(!m_deliveredTrackingId.isEmpty(), "trackMessageFindsEveryCopy found a copy");
        const CliRun r = cli({u"message-info"_s, u"--id"_s, m_deliveredTrackingId});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(u"action"_s).toString(), u"message-info"_s);
        QVERIFY2(r.json.value(u"message"_s).toString().contains(u"1 recipient delivered"_s),
                 qPrintable(r.json.value(u"message"_s).toString()));
        QCOMPARE(m_f->bodies(kInfo).size(), 1);
        QCOMPARE(
            m_f->bodies(kInfo).first(),
            (QJsonObject{{u"data"_s, QJsonArray{QJsonObject{{u"id"_s, m_deliveredTrackingId}}}}}));
        const QJsonObject info = r.json[u"result"_s][u"message"_s].toObject();
        // Deliveries: a map keyed by recipient, each with its delivery event.
        const QJsonObject delivered = info.value(u"deliveredMessage"_s).toObject();
        QCOMPARE(delivered.size(), 1);
        for (const QJsonValue &d : delivered)
            QVERIFY(!d[u"deliveryMetaInfo"_s][u"deliveryEvent"_s].toString().isEmpty());
        // Checks: a campaign copy fails SPF and DMARC.
        const QJsonObject checks = info[u"spamInfo"_s][u"spamProcessingDetail"_s].toObject();
        for (const QString &name : {u"spf"_s, u"dkim"_s, u"dmarc"_s})
            QVERIFY2(checks.value(name).isObject(), qPrintable(name));
        QCOMPARE(checks[u"spf"_s][u"info"_s].toString(), u"fail"_s);
        QCOMPARE(checks[u"dmarc"_s][u"info"_s].toString(), u"fail"_s);
        for (const QJsonValue &c :
             info[u"recipientInfo"_s][u"recipientMetaInfo"_s][u"components"_s].toArray())
            if (c[u"type"_s].toString() == u"File"_s && m_fileHash.isEmpty())
                m_fileHash = c[u"hash"_s].toString();
    }

    void messageInfoBadInputSendsNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no --id") << QStringList{u"message-info"_s} << u"--id is required"_s;
        QTest::newRow("blank --id")
            << QStringList{u"message-info"_s, u"--id"_s, u"  "_s} << u"--id is required"_s;
    }
    void messageInfoBadInputSendsNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        expectRefused(args, mentions);
    }

    // 4. Remove a campaign from every mailbox: one v2 create, audited under the case with the
    // incident's code and counts.
    void remediate()
    {
        const QString id = m_campaignIds.first();
        const CliRun r =
            cli({u"remediate"_s, u"--reason"_s, u"INC-0800 phishing"_s, u"--message-id"_s, id,
                 u"--case-id"_s, u"INC-0800"_s, u"--alert-group-identifiers"_s, u"AG-8"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(u"success"_s).toBool(), true);
        QCOMPARE(r.json.value(u"action"_s).toString(), u"remediate"_s);
        QCOMPARE(r.json.value(u"case_id"_s).toString(), u"INC-0800"_s);
        QCOMPARE(m_f->sim->requestCount(kCreate), 1);
        QCOMPARE(m_f->sim->requestCount(u"/api/ttp/remediation/create"_s), 0); // not v1
        const QJsonObject item = m_f->bodies(kCreate).first()[u"data"_s][0].toObject();
        QCOMPARE(item.value(u"searchBy"_s).toString(), u"message_ids"_s);
        QCOMPARE(item.value(u"messageIds"_s).toArray(), QJsonArray{id});
        QCOMPARE(item.value(u"reason"_s).toString(), u"INC-0800 phishing"_s);

        const QJsonObject incident = r.json[u"result"_s][u"incident"_s].toObject();
        m_incidentId = incident.value(u"id"_s).toString();
        m_incidentCode = incident.value(u"code"_s).toString();
        QVERIFY(!m_incidentId.isEmpty());
        QVERIFY(!m_incidentCode.isEmpty());
        const int identified = incident.value(u"identified"_s).toInt();
        QVERIFY2(identified > 0 && identified < m_copies, qPrintable(r.out)); // the copies
        QVERIFY(r.json.value(u"message"_s).toString().contains(m_incidentCode));

        // The audit log's entry: the case, the alert group, the incident and its counts.
        const QJsonObject entry = lastAuditEntry(u"remediate"_s);
        QVERIFY2(!entry.isEmpty(), qPrintable(auditText()));
        QCOMPARE(entry.value(u"case_id"_s).toString(), u"INC-0800"_s);
        QCOMPARE(entry.value(u"alert_group_identifiers"_s).toArray(), QJsonArray{u"AG-8"_s});
        const QJsonArray items = entry.value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject audited = items.first().toObject();
        QCOMPARE(audited.value(u"incident_id"_s).toString(), m_incidentId);
        QCOMPARE(audited.value(u"incident_code"_s).toString(), m_incidentCode);
        QCOMPARE(audited.value(u"identified"_s).toInt(), identified);
        QCOMPARE(audited.value(u"successful"_s).toInt(), incident.value(u"successful"_s).toInt());
        QCOMPARE(audited.value(u"failed"_s).toInt(), incident.value(u"failed"_s).toInt());
        QCOMPARE(audited.value(u"outcome"_s).toString(), u"done"_s);
        QCOMPARE(audited.value(u"messageIds"_s).toArray(), QJsonArray{id});
        QCOMPARE(audited.value(u"reason"_s).toString(), u"INC-0800 phishing"_s);
    }

    void remediateBadInputSendsNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const QString sha = sha256("never attached");
        QTest::newRow("no reason")
            << QStringList{u"remediate"_s, u"--message-id"_s, u"<a1@x.example>"_s}
            << u"--reason is required"_s;
        QTest::newRow("blank reason") << QStringList{u"remediate"_s, u"--reason"_s, u"   "_s,
                                                     u"--message-id"_s, u"<a1@x.example>"_s}
                                      << u"--reason is required"_s;
        QTest::newRow("md5") << QStringList{u"remediate"_s, u"--reason"_s, u"R"_s, u"--hash"_s,
                                            kMd5}
                             << u"--hash"_s;
        QTest::newRow("ftp url") << QStringList{u"remediate"_s, u"--reason"_s, u"R"_s, u"--url"_s,
                                                u"ftp://x"_s}
                                 << u"--url \"ftp://x\" is not an http or https URL"_s;
        QTest::newRow("message-id and hash")
            << QStringList{u"remediate"_s,      u"--reason"_s, u"R"_s, u"--message-id"_s,
                           u"<a1@x.example>"_s, u"--hash"_s,   sha}
            << u"give one of --message-id, --hash or --url"_s;
        QTest::newRow("nothing to remove")
            << QStringList{u"remediate"_s, u"--reason"_s, u"R"_s} << u"say what to remove"_s;
        QTest::newRow("message-id with a space")
            << QStringList{u"remediate"_s, u"--reason"_s, u"R"_s, u"--message-id"_s,
                           u"<a b@x.example>"_s}
            << u"--message-id"_s;
    }
    void remediateBadInputSendsNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        expectRefused(args, mentions);
        QCOMPARE(m_f->sim->requestCount(kCreate), 0);
    }

    // 5. The incident, read again until its counts settle (identified == successful + failed).
    void getIncidentSettles()
    {
        QVERIFY2(!m_incidentId.isEmpty(), "remediate created an incident");
        QJsonObject incident;
        bool settled = false;
        int reads = 0;
        // Settles within 1.5 s of the create (initTestCase); read for at most ~10 s.
        for (; reads < 40 && !settled; ++reads) {
            if (reads > 0)
                QTest::qWait(250);
            const CliRun r = cli({u"get-incident"_s, u"--id"_s, m_incidentId});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QCOMPARE(r.json.value(u"action"_s).toString(), u"get-incident"_s);
            incident = r.json[u"result"_s][u"incident"_s].toObject();
            QCOMPARE(incident.value(u"id"_s).toString(), m_incidentId);
            QCOMPARE(incident.value(u"code"_s).toString(), m_incidentCode);
            settled = r.json[u"result"_s][u"settled"_s].toBool();
            QCOMPARE(r.json.value(u"message"_s).toString().contains(u"still running"_s), !settled);
        }
        QVERIFY2(settled, QJsonDocument(incident).toJson().constData());
        const int identified = incident.value(u"identified"_s).toInt();
        const int successful = incident.value(u"successful"_s).toInt();
        const int failed = incident.value(u"failed"_s).toInt();
        QVERIFY(identified > 0);
        QVERIFY(successful > 0);
        QCOMPARE(successful + failed, identified);
        QCOMPARE(m_f->sim->requestCount(kIncident), reads);
        QCOMPARE(m_f->bodies(kIncident).first(),
                 (QJsonObject{{u"data"_s, QJsonArray{QJsonObject{{u"id"_s, m_incidentId}}}}}));
        QCOMPARE(m_f->sim->requestCount(kCreate), 0); // reading never creates
    }

    void getIncidentBadInputSendsNothing()
    {
        expectRefused({u"get-incident"_s}, u"--id is required"_s);
    }

    // 6. The seeded incidents and the one created; --csv writes them; a search by code finds one.
    void listIncidents()
    {
        QVERIFY2(!m_incidentId.isEmpty(), "remediate created an incident");
        const QString csv = m_home.filePath(u"incidents.csv"_s);
        CliRun r = cli({u"list-incidents"_s, u"--csv"_s, csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(u"action"_s).toString(), u"list-incidents"_s);
        const QJsonArray incidents = r.json[u"result"_s][u"incidents"_s].toArray();
        QCOMPARE(r.json[u"result"_s][u"count"_s].toInt(), incidents.size());
        QSet<QString> reasons;
        QJsonObject created;
        for (const QJsonValue &i : incidents) {
            reasons.insert(i[u"reason"_s].toString());
            if (i[u"id"_s].toString() == m_incidentId)
                created = i.toObject();
        }
        for (const QString &seeded : kSeededReasons)
            QVERIFY2(reasons.contains(seeded), qPrintable(seeded));
        QVERIFY2(!created.isEmpty(), qPrintable(r.out));
        QCOMPARE(created.value(u"code"_s).toString(), m_incidentCode);
        QCOMPARE(created.value(u"reason"_s).toString(), u"INC-0800 phishing"_s);
        QCOMPARE(incidents.size(), kSeededReasons.size() + 1);
        // The default period: the last 30 days, in Mimecast's date form.
        const QJsonObject item = m_f->bodies(kFind).value(0)[u"data"_s][0].toObject();
        QVERIFY2(isMimecastDate(item.value(u"start"_s).toString()),
                 qPrintable(item.value(u"start"_s).toString()));
        QVERIFY(isMimecastDate(item.value(u"end"_s).toString()));
        QVERIFY(qAbs(fromMimecastDate(item.value(u"start"_s).toString())
                         .secsTo(QDateTime::currentDateTimeUtc().addDays(-30))) < 300);

        const QList<QStringList> rows = readCsv(csv);
        QVERIFY(!rows.isEmpty());
        QCOMPARE(rows.first(), kIncidentColumns);
        QCOMPARE(rows.size(), incidents.size() + 1);
        bool foundCreated = false;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).size(), kIncidentColumns.size());
            const QJsonObject incident = incidents.at(i - 1).toObject();
            QCOMPARE(rows.at(i).at(0), incident.value(u"id"_s).toString());
            QCOMPARE(rows.at(i).at(1), incident.value(u"code"_s).toString());
            QCOMPARE(rows.at(i).at(5), QString::number(incident.value(u"identified"_s).toInt()));
            foundCreated = foundCreated || rows.at(i).at(0) == m_incidentId;
        }
        QVERIFY(foundCreated);
        bool safe = false;
        checkFormulaSafe(rows, &safe);
        QVERIFY(safe);

        // By its code: only the created one.
        m_f->sim->clearRequests();
        r = cli({u"list-incidents"_s, u"--search-by"_s, u"code"_s, u"--value"_s, m_incidentCode});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json[u"result"_s][u"count"_s].toInt(), 1);
        QCOMPARE(r.json[u"result"_s][u"incidents"_s][0][u"id"_s].toString(), m_incidentId);
        QCOMPARE(
            m_f->bodies(kFind).value(0)[u"data"_s][0][u"searchBy"_s].toArray(),
            (QJsonArray{QJsonObject{{u"fieldName"_s, u"code"_s}, {u"value"_s, m_incidentCode}}}));
    }

    void listIncidentsBadInputSendsNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("bad start")
            << QStringList{u"list-incidents"_s, u"--start"_s, u"last tuesday"_s}
            << u"--start \"last tuesday\" is not an ISO 8601 time"_s;
        QTest::newRow("end before start")
            << QStringList{u"list-incidents"_s, u"--start"_s, daysAgo(2), u"--end"_s, daysAgo(3)}
            << u"--end must be later than --start"_s;
        QTest::newRow("unknown type")
            << QStringList{u"list-incidents"_s, u"--type"_s, u"gone"_s} << u"--type"_s;
        QTest::newRow("limit 0") << QStringList{u"list-incidents"_s, u"--limit"_s, u"0"_s}
                                 << u"--limit"_s;
    }
    void listIncidentsBadInputSendsNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        expectRefused(args, mentions);
    }

    // 7. A status per hash: one an attachment carried (message-info listed it), one never seen.
    void searchHash()
    {
        const QString unseen = sha256("no attachment ever had this content");
        QStringList asked{unseen};
        if (!m_fileHash.isEmpty())
            asked << m_fileHash;
        else
            qWarning("message-info listed no attachment: only an unseen hash is searched");
        QStringList args{u"search-hash"_s};
        for (const QString &h : std::as_const(asked))
            args << u"--hash"_s << h.toUpper(); // typed in capitals: sent as Mimecast shows them
        args << u"--hash"_s << unseen;          // a repeat is asked once
        const CliRun r = cli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(u"action"_s).toString(), u"search-hash"_s);
        QCOMPARE(m_f->sim->requestCount(kHash), 1);
        QCOMPARE(m_f->bodies(kHash).first()[u"data"_s][0][u"hashes"_s].toArray(),
                 QJsonArray::fromStringList(asked));
        const QJsonArray statuses = r.json[u"result"_s][u"hashes"_s].toArray();
        QCOMPARE(statuses.size(), asked.size());
        QHash<QString, bool> detected;
        for (const QJsonValue &s : statuses) {
            QVERIFY(s[u"detected"_s].isBool());
            detected.insert(s[u"hash"_s].toString().toLower(), s[u"detected"_s].toBool());
        }
        QCOMPARE(detected.value(unseen, true), false);
        if (!m_fileHash.isEmpty())
            QCOMPARE(detected.value(m_fileHash, false), true);
        QCOMPARE(r.json[u"result"_s][u"failed_hashes"_s].toArray().size(), 0);
    }

    void searchHashBadInputSendsNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not hex") << QStringList{u"search-hash"_s, u"--hash"_s, u"xyz"_s}
                                 << u"--hash \"xyz\" is not hexadecimal"_s;
        QTest::newRow("md5") << QStringList{u"search-hash"_s, u"--hash"_s, kMd5}
                             << u"--hash \""_s + kMd5 + u"\" is an MD5 or SHA-1"_s;
        QTest::newRow("63 digits")
            << QStringList{u"search-hash"_s, u"--hash"_s, sha256("x").left(63)} << u"--hash"_s;
        QTest::newRow("one bad among good")
            << QStringList{u"search-hash"_s, u"--hash"_s, sha256("x"), u"--hash"_s, u"xyz"_s}
            << u"--hash \"xyz\""_s;
        QTest::newRow("no --hash") << QStringList{u"search-hash"_s} << u"--hash is required"_s;
    }
    void searchHashBadInputSendsNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        expectRefused(args, mentions);
    }
};

QTEST_GUILESS_MAIN(TestCliRespond)
#include "test_cli_respond.moc"
