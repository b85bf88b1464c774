// The spawned mcdesk-cli's threat-protection and managed-URL commands against the in-process
// simulator, under both kinds of credentials: url-logs, attachment-logs, impersonation-logs
// (the documented bodies, paging to --limit with no row lost or repeated, the CSV),
// list-managed-urls, block-url / permit-url / delete-managed-url (audited, and seen by the next
// list), decode-url (of a link the simulator rewrote), and bad input that exits 2 and sends
// nothing.
#include "tests/support/clirun.h"
#include "tests/support/csvparse.h"
#include "tests/support/simfixture.h"

#include "core/simulator/urlrewrite.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk;

using testing::CliRun;

namespace {
const auto kUrlLogs = u"/api/ttp/url/get-logs"_s;
const auto kAttachmentLogs = u"/api/ttp/attachment/get-logs"_s;
const auto kImpersonationLogs = u"/api/ttp/impersonation/get-logs"_s;
const auto kCreate = u"/api/ttp/url/create-managed-url"_s;
const auto kDelete = u"/api/ttp/url/delete-managed-url"_s;
const auto kDecode = u"/api/ttp/url/decode-url"_s;

bool isMimecastDate(const QString &text)
{
    static const QRegularExpression form(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0000$"_s);
    return form.match(text).hasMatch();
}

QString daysAgo(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(-days).toString(Qt::ISODate);
}
} // namespace

class TestCliThreats : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<testing::SimFixture> m_f;
    api::Credentials m_credentials;

    CliRun cli(const QStringList &args)
    {
        const CliRun r = testing::runCli(
            args, testing::cliEnvironment(m_home.path(), m_f->sim->baseUrl(), m_credentials));
        for (const QString &secret :
             {m_credentials.secretKey, m_credentials.accessKey, m_credentials.clientSecret}) {
            if (!secret.isEmpty()) {
                [&] {
                    QVERIFY(!r.out.contains(secret));
                    QVERIFY(!r.err.contains(secret));
                }();
            }
        }
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

    void expectRefused(const QStringList &args, const QString &mentions)
    {
        m_f->sim->clearRequests();
        const QString auditBefore = auditText();
        const CliRun r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QCOMPARE(m_f->sim->requests().size(), 0);
        QCOMPARE(auditText(), auditBefore);
    }

    QJsonArray managedUrls()
    {
        const CliRun r = cli({u"list-managed-urls"_s});
        [&] {
            QCOMPARE(r.exitCode, 0);
        }();
        return r.json[u"result"_s][u"managed_urls"_s].toArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("MCDESK_CLI")),
                 "MCDESK_CLI points at mcdesk-cli");
    }

    void cli_data()
    {
        QTest::addColumn<bool>("oauth");
        QTest::newRow("api-1.0") << false;
        QTest::newRow("api-2.0") << true;
    }

    void cli()
    {
        QFETCH(bool, oauth);
        m_credentials = oauth ? sim::demoOAuthCredentials() : sim::demoCredentials();
        m_f = std::make_unique<testing::SimFixture>(sim::SimConfig(), m_credentials);

        // url-logs: the documented body, malicious clicks of the last 7 days, paged to the limit.
        CliRun r = cli({u"url-logs"_s, u"--start"_s, daysAgo(7), u"--scan-result"_s, u"malicious"_s,
                        u"--route"_s, u"inbound"_s, u"--limit"_s, u"250"_s, u"--csv"_s,
                        m_home.filePath(u"clicks.csv"_s)});
        QCOMPARE(r.exitCode, 0);
        const QList<QJsonObject> bodies = m_f->bodies(kUrlLogs);
        QCOMPARE(bodies.size(), 3); // pages of 100: 100 + 100 + 50
        const QJsonObject first = bodies.first()[u"data"_s].toArray().first().toObject();
        QVERIFY(isMimecastDate(first[u"from"_s].toString()));
        QVERIFY(isMimecastDate(first[u"to"_s].toString()));
        QCOMPARE(first[u"scanResult"_s].toString(), u"malicious"_s);
        QCOMPARE(first[u"route"_s].toString(), u"inbound"_s);
        QCOMPARE(first[u"oldestFirst"_s].toBool(true), false);
        QCOMPARE(bodies.first()[u"meta"_s][u"pagination"_s][u"pageSize"_s].toInt(), 100);
        QVERIFY(!bodies.at(1)[u"meta"_s][u"pagination"_s][u"pageToken"_s].toString().isEmpty());
        const QJsonArray logs = r.json[u"result"_s][u"logs"_s].toArray();
        QCOMPARE(logs.size(), 250);
        // No row lost or repeated: the paged read equals one read of the same window in a
        // single page of 250 straight from the simulator's order (newest first, distinct).
        QSet<QString> seen;
        QString previous = u"9999"_s;
        for (const auto &v : logs) {
            const QJsonObject log = v.toObject();
            QCOMPARE(log[u"scanResult"_s].toString(), u"malicious"_s);
            QCOMPARE(log[u"route"_s].toString(), u"inbound"_s);
            const QString key = log[u"date"_s].toString() + log[u"userEmailAddress"_s].toString() +
                                log[u"url"_s].toString() + log[u"creationMethod"_s].toString();
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
            QVERIFY(log[u"date"_s].toString() <= previous);
            previous = log[u"date"_s].toString();
        }
        QFile csv(m_home.filePath(u"clicks.csv"_s));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(testing::parseCsv(QString::fromUtf8(csv.readAll())).size(), 251);

        // Who clicked one campaign link: the URL filter applies to the rows read.
        const QString url = logs.first()[u"url"_s].toString();
        r = cli({u"url-logs"_s, u"--start"_s, daysAgo(7), u"--url"_s, url});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray clicked = r.json[u"result"_s][u"logs"_s].toArray();
        QVERIFY(!clicked.isEmpty());
        for (const auto &v : clicked)
            QCOMPARE(v[u"url"_s].toString(), url);

        // attachment-logs: "result", not "scanResult".
        m_f->sim->clearRequests();
        r = cli({u"attachment-logs"_s, u"--start"_s, daysAgo(7), u"--result"_s, u"malicious"_s,
                 u"--limit"_s, u"5"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject attachmentBody =
            m_f->bodies(kAttachmentLogs).first()[u"data"_s].toArray().first().toObject();
        QCOMPARE(attachmentBody[u"result"_s].toString(), u"malicious"_s);
        QVERIFY(!attachmentBody.contains(u"scanResult"_s));
        const QJsonArray files = r.json[u"result"_s][u"logs"_s].toArray();
        QVERIFY(!files.isEmpty());
        QCOMPARE(files.first()[u"fileHash"_s].toString().size(), 64);

        // impersonation-logs: no route, taggedMalicious sent when asked for.
        m_f->sim->clearRequests();
        r = cli({u"impersonation-logs"_s, u"--start"_s, daysAgo(7), u"--tagged-malicious"_s,
                 u"--limit"_s, u"5"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject impersonationBody =
            m_f->bodies(kImpersonationLogs).first()[u"data"_s].toArray().first().toObject();
        QVERIFY(!impersonationBody.contains(u"route"_s));
        QCOMPARE(impersonationBody[u"taggedMalicious"_s].toBool(false), true);
        for (const auto &v : r.json[u"result"_s][u"logs"_s].toArray())
            QCOMPARE(v[u"taggedMalicious"_s].toBool(false), true);

        // block-url: the documented body, audited under the case, listed afterwards.
        const int before = int(managedUrls().size());
        m_f->sim->clearRequests();
        r = cli({u"block-url"_s, u"--url"_s, url, u"--match-type"_s, u"domain"_s, u"--comment"_s,
                 u"IR-77"_s, u"--case-id"_s, u"INC-7700"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QList<QJsonObject> creates = m_f->bodies(kCreate);
        QCOMPARE(creates.size(), 1);
        const QJsonObject sent = creates.first()[u"data"_s].toArray().first().toObject();
        QCOMPARE(sent[u"url"_s].toString(), url);
        QCOMPARE(sent[u"action"_s].toString(), u"block"_s);
        QCOMPARE(sent[u"matchType"_s].toString(), u"domain"_s);
        QCOMPARE(sent[u"comment"_s].toString(), u"IR-77"_s);
        const QJsonObject audit = lastAuditEntry(u"block-url"_s);
        QCOMPARE(audit[u"case_id"_s].toString(), u"INC-7700"_s);
        QVERIFY(QJsonDocument(audit).toJson().contains(QUrl(url).host().toUtf8()));
        QJsonArray listed = managedUrls();
        QCOMPARE(int(listed.size()), before + 1);
        QString createdId;
        for (const auto &v : listed)
            if (QUrl(v[u"url"_s].toString()).host() == QUrl(url).host() &&
                v[u"action"_s].toString() == u"block"_s)
                createdId = v[u"id"_s].toString();
        QVERIFY(!createdId.isEmpty());

        // The same again: Mimecast refuses a duplicate; the CLI says so and exits non-zero.
        r = cli({u"block-url"_s, u"--url"_s, url, u"--match-type"_s, u"domain"_s, u"--case-id"_s,
                 u"INC-7700"_s});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.out.contains(u"already exists"_s), qPrintable(r.out));

        // permit-url with the permit-only options.
        m_f->sim->clearRequests();
        r = cli({u"permit-url"_s, u"--url"_s, u"https://partner.example/portal"_s,
                 u"--disable-rewrite"_s, u"--disable-user-awareness"_s, u"--case-id"_s,
                 u"INC-7700"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject permit =
            m_f->bodies(kCreate).first()[u"data"_s].toArray().first().toObject();
        QCOMPARE(permit[u"action"_s].toString(), u"permit"_s);
        QCOMPARE(permit[u"matchType"_s].toString(), u"explicit"_s);
        QCOMPARE(permit[u"disableRewrite"_s].toBool(), true);
        QCOMPARE(permit[u"disableUserAwareness"_s].toBool(), true);

        // delete-managed-url: audited, gone from the list.
        m_f->sim->clearRequests();
        r = cli({u"delete-managed-url"_s, u"--id"_s, createdId, u"--case-id"_s, u"INC-7700"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(m_f->bodies(kDelete).first()[u"data"_s].toArray().first()[u"id"_s].toString(),
                 createdId);
        QCOMPARE(lastAuditEntry(u"delete-managed-url"_s)[u"case_id"_s].toString(), u"INC-7700"_s);
        listed = managedUrls();
        for (const auto &v : listed)
            QVERIFY(v[u"id"_s].toString() != createdId);

        // decode-url: the link URL Protect wrote into the campaign's bodies decodes to the
        // clicked URL; a made-up token is refused by Mimecast and said so.
        m_f->sim->clearRequests();
        r = cli({u"decode-url"_s, u"--url"_s, sim::rewrittenUrl(url), u"--url"_s,
                 u"https://url.us.m.mimecastprotect.com/s/madeUpToken"_s});
        QVERIFY(r.exitCode != 0); // one of the two did not decode
        QCOMPARE(m_f->bodies(kDecode).size(), 1);
        QCOMPARE(m_f->bodies(kDecode).first()[u"data"_s].toArray().size(), 2);
        QVERIFY2(r.out.contains(url), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"could not decode"_s) || r.out.contains(u"not a Mimecast"_s),
                 qPrintable(r.out));

        // Bad input: named, nothing sent.
        expectRefused({u"url-logs"_s, u"--scan-result"_s, u"evil"_s}, u"--scan-result"_s);
        expectRefused({u"attachment-logs"_s, u"--result"_s, u"dirty"_s}, u"--result"_s);
        expectRefused({u"url-logs"_s, u"--start"_s, daysAgo(60)}, u"31 days"_s);
        expectRefused({u"url-logs"_s, u"--route"_s, u"sideways"_s}, u"--route"_s);
        expectRefused({u"impersonation-logs"_s, u"--route"_s, u"inbound"_s}, u"--route"_s);
        expectRefused(
            {u"block-url"_s, u"--url"_s, u"evil.example/login"_s, u"--case-id"_s, u"INC-1"_s},
            u"--url"_s);
        expectRefused({u"block-url"_s, u"--url"_s, u"https://evil.example/a#frag"_s, u"--case-id"_s,
                       u"INC-1"_s},
                      u"--url"_s);
        expectRefused({u"block-url"_s, u"--url"_s, u"https://evil.example/"_s, u"--match-type"_s,
                       u"regex"_s, u"--case-id"_s, u"INC-1"_s},
                      u"--match-type"_s);
        expectRefused({u"block-url"_s, u"--url"_s, u"https://evil.example/"_s,
                       u"--disable-rewrite"_s, u"--case-id"_s, u"INC-1"_s},
                      u"--disable-rewrite"_s);
        expectRefused({u"decode-url"_s, u"--url"_s, u"not a link"_s}, u"--url"_s);
    }
};

QTEST_GUILESS_MAIN(TestCliThreats)
#include "test_cli_threats.moc"
