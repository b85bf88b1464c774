// Saves profiles with their secrets through the real keychain, writes an audit entry and a CSV
// export about them, then proves the secret bytes appear in none of those files.
#include "core/audit/auditlog.h"
#include "core/export/csvwriter.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/profilecredentials.h"
#include "core/secrets/profilestore.h"
#include "tests/unit/secrets/secrettestutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <optional>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using namespace mcdesk::secrets;
using Kind = api::Credentials::Kind;
namespace PC = ProfileCredentials;

namespace {
QString unique(const QString &prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

template<typename Result, typename Start> std::optional<Result> await(Start start)
{
    std::optional<Result> result;
    start([&](const Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return std::nullopt;
    return result;
}
} // namespace

class TestNoSecretLeak : public QObject
{
    Q_OBJECT
private:
    const QString m_service = unique(u"mcdesk-test-"_s);
    QTemporaryDir m_dir;
    QList<api::Credentials> m_credentials;
    QList<Profile> m_profiles;

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session bus; run inside dbus-run-session with an unlocked keyring.");
        QVERIFY(m_dir.isValid());
        api::Credentials one;
        one.kind = Kind::Api1;
        one.appId = unique(u"app-id-"_s);
        one.appKey = unique(u"app-key-"_s);
        one.accessKey = unique(u"access-key-"_s);
        one.secretKey = QString::fromLatin1(unique(u"secret-key-\u00e9-"_s).toUtf8().toBase64());
        api::Credentials two;
        two.kind = Kind::Api2;
        two.clientId = unique(u"client-id-"_s);
        two.clientSecret = unique(u"client-secret-\u65e5\u672c-"_s);
        m_credentials = {one, two};
    }
    void secretsStayInTheKeychain()
    {
        const QString ini = m_dir.filePath(u"mcdesk.ini"_s);
        const QString auditPath = m_dir.filePath(u"audit.jsonl"_s);
        const QString csvPath = m_dir.filePath(u"profiles.csv"_s);
        ProfileStore profiles(ini);
        KeychainSecretStore keychain(m_service);
        audit::AuditLog audit(auditPath);
        exporting::CsvWriter csv;
        QVERIFY(csv.open(csvPath));
        QVERIFY(csv.writeRow({u"name"_s, u"base url"_s, u"app id"_s, u"client id"_s}));

        for (int i = 0; i < m_credentials.size(); ++i) {
            const api::Credentials &c = m_credentials.at(i);
            Profile p;
            p.name = u"Leak test %1"_s.arg(i);
            p.baseUrl = QUrl(u"https://eu-api.mimecast.com"_s);
            p.authKind = c.kind;
            p.appId = c.appId;
            p.clientId = c.clientId;
            m_profiles << p;
            QString error;
            QVERIFY2(profiles.save(p, &error), qPrintable(error));
            QVERIFY2(profiles.setLastUsed(p.name, &error), qPrintable(error));
            const auto saved =
                await<PC::Outcome>([&](auto cb) { PC::saveSecrets(keychain, p.name, c, cb); });
            QVERIFY(saved);
            QVERIFY2(saved->ok, qPrintable(saved->error));

            audit::AuditEntry entry;
            entry.profile = p.name;
            entry.action = u"save-profile"_s;
            entry.caseId = u"CASE-LEAK"_s;
            entry.message = u"Saved profile %1"_s.arg(p.name);
            QVERIFY2(audit.append(entry, &error), qPrintable(error));
            QVERIFY(csv.writeRow({p.name, p.baseUrl.toString(), p.appId, p.clientId}));
        }
        QVERIFY(csv.commit());

        // The secrets really are stored: a fresh store reads them back.
        KeychainSecretStore reader(m_service);
        for (int i = 0; i < m_profiles.size(); ++i) {
            const auto loaded = await<PC::LoadResult>([&](auto cb) {
                PC::loadCredentials(reader, *profiles.get(m_profiles.at(i).name), cb);
            });
            QVERIFY(loaded);
            QVERIFY2(loaded->ok, qPrintable(loaded->error));
            const api::Credentials &c = m_credentials.at(i);
            QCOMPARE(loaded->credentials.appKey, c.appKey);
            QCOMPARE(loaded->credentials.accessKey, c.accessKey);
            QCOMPARE(loaded->credentials.secretKey, c.secretKey);
            QCOMPARE(loaded->credentials.clientSecret, c.clientSecret);
        }

        // Each file with something it must contain, so the search looks in the right place.
        const std::pair<QString, QByteArray> files[] = {
            {ini, m_credentials.at(0).appId.toUtf8()},
            {auditPath, "Leak test 1"},
            {csvPath, m_credentials.at(1).clientId.toUtf8()}};
        for (const auto &[path, sentinel] : files) {
            const QByteArray content = readFile(path);
            QVERIFY2(content.contains(sentinel), qPrintable(path));
            for (const api::Credentials &c : std::as_const(m_credentials)) {
                for (const QString &secret : {c.appKey, c.accessKey, c.secretKey, c.clientSecret}) {
                    if (secret.isEmpty())
                        continue;
                    // As text, in the encodings QSettings or JSON could use, and a prefix.
                    const QByteArray utf8 = secret.toUtf8();
                    for (const QByteArray &form : {utf8, utf8.toBase64(), utf8.toPercentEncoding(),
                                                   secret.left(24).toUtf8()}) {
                        QVERIFY2(!content.contains(form),
                                 qPrintable(path + u" contains a secret"_s));
                    }
                }
            }
        }
    }
    void cleanupTestCase()
    {
        KeychainSecretStore keychain(m_service);
        for (const Profile &p : std::as_const(m_profiles))
            await<PC::Outcome>([&](auto cb) { PC::removeSecrets(keychain, p.name, cb); });
    }
};

QTEST_GUILESS_MAIN(TestNoSecretLeak)
#include "test_no_secret_leak.moc"
