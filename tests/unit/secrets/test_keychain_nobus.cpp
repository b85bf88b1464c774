// The real QtKeychain with no reachable session bus: every operation must fail fast with
// Status::NoKeychain and a message that says how to fix it, never fall back to plain text,
// and never hit the watchdog. The bus is made unreachable inside this process only, so the
// test means the same on a desktop, in CI and on a headless box.
#include "core/secrets/keychainsecretstore.h"
#include "tests/unit/secrets/secrettestutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk::secrets;
using namespace mcdesk::secrets::testing;
using Status = SecretResult::Status;

class TestKeychainNoBus : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Before anything touches D-Bus: no display to autolaunch a bus, and no per-user bus
        // socket to find.
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir.path()));
        // Anything written in plain text would land in these.
        qputenv("HOME", QFile::encodeName(m_dir.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(u"config"_s)));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(u"data"_s)));
    }
    void failsFastWithHelpfulMessage_data()
    {
        QTest::addColumn<bool>("unsetBus");
        QTest::addColumn<int>("operation");
        for (const bool unset : {false, true}) {
            const char *bus = unset ? "no bus address" : "unreachable bus";
            QTest::addRow("%s, write", bus) << unset << 0;
            QTest::addRow("%s, read", bus) << unset << 1;
            QTest::addRow("%s, delete", bus) << unset << 2;
        }
    }
    void failsFastWithHelpfulMessage()
    {
        QFETCH(bool, unsetBus);
        QFETCH(int, operation);
        if (unsetBus)
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        else
            qputenv("DBUS_SESSION_BUS_ADDRESS",
                    "unix:path="_ba + QFile::encodeName(m_dir.filePath(u"no-such-bus"_s)));
        const QString secret = u"never-stored-\u00e9-secret"_s;
        KeychainSecretStore store(u"mcdesk-nobus-test"_s); // default 10 s watchdog
        QElapsedTimer timer;
        timer.start();
        const auto answer = start([&](SecretCallback cb) {
            if (operation == 0)
                store.writeSecret(u"profile/p/clientSecret"_s, secret, cb);
            else if (operation == 1)
                store.readSecret(u"profile/p/clientSecret"_s, cb);
            else
                store.deleteSecret(u"profile/p/clientSecret"_s, cb);
        });
        QVERIFY(waitFor(answer, 30000));
        qInfo("answered in %lld ms: %s", timer.elapsed(), qPrintable(answer->result.message));
        QVERIFY(!answer->synchronous);
        QCOMPARE(answer->calls, 1);
        // Not TimedOut: the keychain's refusal came back before the watchdog.
        QCOMPARE(answer->result.status, Status::NoKeychain);
        const QString &message = answer->result.message;
        QVERIFY(message.contains(u"No keychain answered"_s));
        QVERIFY(message.contains(u"GNOME Keyring"_s));
        QVERIFY(message.contains(u"KWallet"_s));
        QVERIFY(message.contains(u"dbus-run-session"_s));
        QVERIFY(message.contains(u"gnome-keyring-daemon --unlock"_s));
        QVERIFY(!message.contains(secret));
    }
    void noPlaintextWritten()
    {
        // QtKeychain's insecure fallback would write an INI below HOME/XDG_CONFIG_HOME.
        QDir dir(m_dir.path());
        const QStringList files = dir.entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY2(files.isEmpty(), qPrintable(files.join(u", "_s)));
    }
};

QTEST_GUILESS_MAIN(TestKeychainNoBus)
#include "test_keychain_nobus.moc"
