// mcdesk-cli --profile NAME: the identifiers come from the profile file, the secrets from the real
// OS keychain; nothing secret reaches stdout, stderr or the audit log. Needs a session bus with
// an unlocked keyring (see tests.cmake) and the built mcdesk-cli (MCDESK_CLI).
#include "core/audit/auditlog.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/profilecredentials.h"
#include "core/secrets/profilestore.h"
#include "core/simulator/simulatorhost.h"
#include "tests/support/clirun.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using namespace mcdesk;

using testing::CliRun;

class TestCliProfile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<sim::SimulatorHost> m_sim;
    const api::Credentials m_credentials = sim::demoCredentials();
    // A name of its own per run, so runs never see each other's keychain entries.
    const QString m_profile =
        u"cli-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    const QString m_noSecrets = m_profile + u"-empty"_s;
    bool m_saved = false;

    QString auditPath() const { return m_home.filePath(u"data/mcdesk/audit.jsonl"_s); }

    CliRun cli(const QStringList &args) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment(); // keeps the bus
        for (const QString &k : env.keys())
            if (k.startsWith(u"MIMECAST_"_s))
                env.remove(k);
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        return testing::runCli(args, env);
    }

    void verifyNoSecretIn(const QString &text) const
    {
        for (const QString &secret :
             {m_credentials.appKey, m_credentials.accessKey, m_credentials.secretKey})
            QVERIFY2(!text.contains(secret), "a secret was written out");
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session bus; run inside dbus-run-session with an unlocked keyring.");
        QVERIFY2(QFile::exists(qEnvironmentVariable("MCDESK_CLI")), "MCDESK_CLI is mcdesk-cli");
        QVERIFY(m_home.isValid());
        m_sim = std::make_unique<sim::SimulatorHost>();
        QString error;
        QVERIFY2(m_sim->start(0, &error), qPrintable(error));

        // Where mcdesk-cli reads profiles: $XDG_CONFIG_HOME/mcdesk/mcdesk.ini.
        QSettings settings(m_home.filePath(u"config/mcdesk/mcdesk.ini"_s), QSettings::IniFormat);
        secrets::ProfileStore profiles(&settings);
        for (const QString &name : {m_profile, m_noSecrets}) {
            secrets::Profile profile;
            profile.name = name;
            profile.baseUrl = m_sim->baseUrl();
            profile.authKind = api::Credentials::Kind::Api1;
            profile.appId = m_credentials.appId;
            QVERIFY2(profiles.save(profile, &error), qPrintable(error));
        }
        secrets::KeychainSecretStore store;
        bool done = false;
        secrets::ProfileCredentials::saveSecrets(
            store, m_profile, m_credentials, [&](const secrets::ProfileCredentials::Outcome &o) {
                m_saved = o.ok;
                error = o.error;
                done = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QVERIFY2(m_saved, qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (!m_saved)
            return;
        secrets::KeychainSecretStore store;
        bool done = false;
        secrets::ProfileCredentials::removeSecrets(
            store, m_profile, [&](const secrets::ProfileCredentials::Outcome &) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    }

    void pingReadsTheSecretsFromTheKeychain()
    {
        const CliRun r = cli({u"--profile"_s, m_profile, u"ping"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.json.isEmpty());
        verifyNoSecretIn(r.out);
        verifyNoSecretIn(r.err);
    }

    void releaseIsAuditedUnderTheProfile()
    {
        const QString id = m_sim->heldIds(1).value(0);
        QVERIFY(!id.isEmpty());
        const CliRun r = cli({u"--profile"_s, m_profile, u"release-message"_s, u"--message-id"_s,
                              id, u"--case-id"_s, u"INC-77"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!m_sim->isHeld(id));
        const QList<audit::AuditEntry> entries = audit::AuditLog(auditPath()).readAll();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().profile, m_profile);
        QCOMPARE(entries.first().caseId, u"INC-77"_s);
        QFile log(auditPath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        verifyNoSecretIn(QString::fromUtf8(log.readAll()));
        verifyNoSecretIn(r.out);
        verifyNoSecretIn(r.err);
    }

    void profileWithoutSecretsIsInvalidInput()
    {
        m_sim->clearRequests();
        const CliRun r = cli({u"--profile"_s, m_noSecrets, u"ping"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(m_noSecrets), qPrintable(r.err)); // names the profile
        QCOMPARE(int(m_sim->requests().size()), 0);               // and sent nothing
    }

    void unknownProfileIsInvalidInput()
    {
        const CliRun r = cli({u"--profile"_s, u"no-such-profile"_s, u"ping"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"no-such-profile"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(m_profile), qPrintable(r.err)); // and lists the known ones
    }
};

QTEST_GUILESS_MAIN(TestCliProfile)
#include "test_cli_profile.moc"
