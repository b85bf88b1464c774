// Secrets through the real QtKeychain. Run inside a session bus with an unlocked keyring:
//   dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets
//     >/dev/null; ctest -L keychain'
#include "core/secrets/keychainsecretstore.h"
#include "tests/unit/secrets/secrettestutil.h"

#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace mcdesk::secrets;
using namespace mcdesk::secrets::testing;
using Status = SecretResult::Status;

class TestKeychainRoundTrip : public QObject
{
    Q_OBJECT
private:
    // A service of its own per run, so runs never see each other's entries.
    const QString m_service =
        u"mcdesk-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QStringList m_keys;

    SecretResult op(KeychainSecretStore &store, int what, const QString &key,
                    const QString &value = {})
    {
        bool ok = false;
        const SecretResult result = run(
            [&](SecretCallback cb) {
                if (what == 0)
                    store.writeSecret(key, value, cb);
                else if (what == 1)
                    store.readSecret(key, cb);
                else
                    store.deleteSecret(key, cb);
            },
            &ok);
        if (!ok)
            return {Status::Failed, {}, u"no single, queued answer"_s};
        return result;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session bus; run inside dbus-run-session with an unlocked keyring.");
    }
    void roundTrip_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("ascii") << u"s3cr3t-value"_s;
        QTest::newRow("base64 key") << u"bWltZWNhc3QtdGVzdC1zZWNyZXQta2V5LTAxMjM0NTY3ODk="_s;
        QTest::newRow("unicode") << u"p\u00e4ss \u65e5\u672c \U0001F511"_s;
        QTest::newRow("multi-line") << u"line1\nline2\r\n"_s;
        QTest::newRow("2 KB") << QString(2048, u'z');
    }
    void roundTrip()
    {
        QFETCH(QString, value);
        KeychainSecretStore store(m_service);
        const QString key =
            u"profile/%1/clientSecret"_s.arg(QString::fromLatin1(QTest::currentDataTag()));
        m_keys << key;

        SecretResult r = op(store, 0, key, value);
        QVERIFY2(r.ok(), qPrintable(r.message));
        r = op(store, 1, key);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.value, value);

        r = op(store, 0, key, value + u"-changed"_s); // overwrite
        QVERIFY2(r.ok(), qPrintable(r.message));
        r = op(store, 1, key);
        QCOMPARE(r.value, value + u"-changed"_s);

        r = op(store, 2, key);
        QVERIFY2(r.ok(), qPrintable(r.message));
        r = op(store, 1, key);
        QCOMPARE(r.status, Status::NotFound);
        QVERIFY(r.value.isEmpty());
        QVERIFY(r.message.contains(key));
        r = op(store, 2, key); // deleting again is fine
        QVERIFY2(r.ok(), qPrintable(r.message));
    }
    void queuedOperationsKeepOrder()
    {
        KeychainSecretStore store(m_service);
        const QString key = u"profile/queue/appKey"_s;
        m_keys << key;
        QStringList seen;
        store.writeSecret(key, u"one"_s, [&](const SecretResult &r) { seen << r.value + u"w1"_s; });
        store.writeSecret(key, u"two"_s, [&](const SecretResult &r) { seen << r.value + u"w2"_s; });
        store.readSecret(key, [&](const SecretResult &r) { seen << r.value; });
        store.deleteSecret(
            key, [&](const SecretResult &r) { seen << SecretStore::statusName(r.status); });
        store.readSecret(key,
                         [&](const SecretResult &r) { seen << SecretStore::statusName(r.status); });
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 5, 20000);
        QCOMPARE(seen, (QStringList{u"w1"_s, u"w2"_s, u"two"_s, u"ok"_s, u"not-found"_s}));
    }
    void serviceSeparatesEntries()
    {
        KeychainSecretStore ours(m_service);
        KeychainSecretStore other(m_service + u"-other"_s);
        const QString key = u"profile/separate/secretKey"_s;
        m_keys << key;
        QVERIFY(op(ours, 0, key, u"mine"_s).ok());
        QCOMPARE(op(other, 1, key).status, Status::NotFound);
        QCOMPARE(op(ours, 1, key).value, u"mine"_s);
    }
    void cleanupTestCase()
    {
        KeychainSecretStore store(m_service);
        for (const QString &key : std::as_const(m_keys))
            op(store, 2, key);
    }
};

QTEST_GUILESS_MAIN(TestKeychainRoundTrip)
#include "test_keychain_roundtrip.moc"
