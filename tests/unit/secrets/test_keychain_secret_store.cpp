// The queue, watchdog and error mapping of KeychainSecretStore, with the QtKeychain call
// replaced by a scripted backend so a keychain that answers late or never can be simulated.
#include "core/secrets/keychainsecretstore.h"
#include "tests/unit/secrets/secrettestutil.h"

#include <QHash>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mcdesk::secrets;
using namespace mcdesk::secrets::testing;
using Status = SecretResult::Status;
using Op = KeychainSecretStore::Operation;

namespace {
class ScriptedKeychain : public KeychainSecretStore
{
public:
    using KeychainSecretStore::KeychainSecretStore;

    QHash<QString, QString> data; // by keychain key
    QStringList hangKeys;         // keychain keys whose jobs never answer
    QStringList synchronousKeys;  // answered from inside startBackendJob
    QStringList started;          // keychain keys in start order
    QList<quint64> hungSerials;
    bool startedWhileFinishing = false;
    int concurrent = 0;
    int maxConcurrent = 0;

    void answerLate(quint64 serial, const SecretResult &result) { finish(serial, result); }

protected:
    void startBackendJob(quint64 serial, Op op, const QString &key, const QString &value) override
    {
        startedWhileFinishing = startedWhileFinishing || m_finishing;
        started << key;
        maxConcurrent = std::max(maxConcurrent, ++concurrent);
        if (hangKeys.contains(key)) {
            hungSerials << serial;
            return;
        }
        SecretResult result{Status::Ok, {}, {}};
        if (op == Op::Write) {
            data.insert(key, value);
        } else if (op == Op::Delete) {
            data.remove(key);
        } else if (data.contains(key)) {
            result.value = data.value(key);
        } else {
            result = mapKeychainError(op, QKeychain::EntryNotFound, u"Entry not found"_s, key);
        }
        if (synchronousKeys.contains(key))
            finish(serial, result);
        else
            QTimer::singleShot(1, this, [this, serial, result] { finish(serial, result); });
    }

private:
    void finish(quint64 serial, const SecretResult &result)
    {
        --concurrent;
        m_finishing = true;
        backendFinished(serial, result);
        m_finishing = false;
    }
    bool m_finishing = false;
};
} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT
private slots:
    void defaults()
    {
        KeychainSecretStore store;
        QCOMPARE(store.service(), u"mcdesk"_s);
        QCOMPARE(store.watchdog(), 10000ms);
        QCOMPARE(store.keychainKey(u"profile/p/clientSecret"_s),
                 u"mcdesk:profile/p/clientSecret"_s);
    }
    void serialQueueInOrder()
    {
        ScriptedKeychain store(u"svc"_s, 5s);
        store.synchronousKeys << u"svc:b"_s;
        QStringList answered;
        auto note = [&answered](const QString &tag) {
            return [&answered, tag](const SecretResult &r) {
                answered << tag + u'=' + SecretStore::statusName(r.status) + u':' + r.value;
            };
        };
        store.writeSecret(u"a"_s, u"1"_s, note(u"w-a"_s));
        store.writeSecret(u"b"_s, u"2"_s, note(u"w-b"_s));
        store.readSecret(u"a"_s, note(u"r-a"_s));
        store.deleteSecret(u"a"_s, note(u"d-a"_s));
        store.readSecret(u"a"_s, note(u"r-a2"_s));
        store.readSecret(u"b"_s, note(u"r-b"_s));
        QVERIFY(store.started.isEmpty()); // nothing starts inside the call
        QCOMPARE(store.pendingJobs(), 6);
        QTRY_COMPARE(answered.size(), 6);
        QCOMPARE(answered, (QStringList{u"w-a=ok:"_s, u"w-b=ok:"_s, u"r-a=ok:1"_s, u"d-a=ok:"_s,
                                        u"r-a2=not-found:"_s, u"r-b=ok:2"_s}));
        QCOMPARE(store.started, (QStringList{u"svc:a"_s, u"svc:b"_s, u"svc:a"_s, u"svc:a"_s,
                                             u"svc:a"_s, u"svc:b"_s}));
        QCOMPARE(store.maxConcurrent, 1);
        QVERIFY(!store.startedWhileFinishing);
        QCOMPARE(store.pendingJobs(), 0);
    }
    void synchronousBackendAnswerIsStillQueued()
    {
        ScriptedKeychain store(u"svc"_s, 5s);
        store.synchronousKeys << u"svc:k"_s;
        bool ok = false;
        QVERIFY(run([&](auto cb) { store.writeSecret(u"k"_s, u"v"_s, cb); }, &ok).ok());
        QVERIFY(ok); // exactly once, not synchronous
        QVERIFY(!store.startedWhileFinishing);
    }
    void watchdogFailsHungJobAndMovesOn()
    {
        ScriptedKeychain store(u"svc"_s, 50ms);
        store.hangKeys << u"svc:hang"_s;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"did not answer within"_s));
        const auto hung = start([&](auto cb) { store.readSecret(u"hang"_s, cb); });
        const auto next = start([&](auto cb) { store.writeSecret(u"next"_s, u"v"_s, cb); });
        QVERIFY(waitFor(hung, 5000));
        QCOMPARE(hung->result.status, Status::TimedOut);
        QVERIFY(hung->result.message.contains(u"\u201chang\u201d"_s));
        QVERIFY(hung->result.message.contains(u"gnome-keyring-daemon --unlock"_s));
        QVERIFY(waitFor(next, 5000));
        QCOMPARE(next->result.status, Status::Ok);

        // The keychain answering after all is ignored: no second callback, no confusion with
        // the job that runs now.
        const auto later = start([&](auto cb) { store.readSecret(u"next"_s, cb); });
        store.answerLate(store.hungSerials.constFirst(), {Status::Ok, u"late"_s, {}});
        QVERIFY(waitFor(later, 5000));
        QCOMPARE(later->result.value, u"v"_s);
        QCOMPARE(hung->calls, 1);
        QCOMPARE(hung->result.value, QString());
    }
    void emptyKeyFails()
    {
        ScriptedKeychain store(u"svc"_s, 5s);
        bool ok = false;
        QCOMPARE(run([&](auto cb) { store.readSecret(QString(), cb); }, &ok).status,
                 Status::Failed);
        QVERIFY(ok);
        QVERIFY(store.started.isEmpty());
    }
    void destroyedStoreDropsCallbacks()
    {
        int calls = 0;
        {
            ScriptedKeychain store(u"svc"_s, 5s);
            store.readSecret(u"k"_s, [&](const SecretResult &) { ++calls; });
        }
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QCOMPARE(calls, 0);
    }
    void errorMapping_data()
    {
        QTest::addColumn<Op>("op");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("text");
        QTest::addColumn<Status>("status");
        QTest::addColumn<QString>("mentions");
        const QString fix = u"dbus-run-session"_s;
        QTest::newRow("ok") << Op::Read << int(QKeychain::NoError) << QString() << Status::Ok
                            << QString();
        QTest::newRow("not found")
            << Op::Read << int(QKeychain::EntryNotFound) << u"Entry not found"_s << Status::NotFound
            << u"\u201ck\u201d"_s;
        QTest::newRow("delete missing") << Op::Delete << int(QKeychain::EntryNotFound)
                                        << u"Entry not found"_s << Status::Ok << QString();
        QTest::newRow("no backend")
            << Op::Write << int(QKeychain::NoBackendAvailable) << u"No keychain service available"_s
            << Status::NoKeychain << fix;
        QTest::newRow("no bus, no display")
            << Op::Write << int(QKeychain::OtherError)
            << u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s << Status::NoKeychain << fix;
        QTest::newRow("bus unreachable")
            << Op::Read << int(QKeychain::OtherError)
            << u"Could not connect: No such file or directory"_s << Status::NoKeychain << fix;
        QTest::newRow("no secret service")
            << Op::Read << int(QKeychain::OtherError)
            << u"The name org.freedesktop.secrets was not provided by any .service files"_s
            << Status::NoKeychain << fix;
        QTest::newRow("locked") << Op::Write << int(QKeychain::AccessDenied)
                                << u"Cannot create an item in a locked collection"_s
                                << Status::Failed << u"unlock"_s;
        QTest::newRow("denied by user") << Op::Read << int(QKeychain::AccessDeniedByUser)
                                        << u"User denied access"_s << Status::Failed << u"denied"_s;
        QTest::newRow("could not delete") << Op::Delete << int(QKeychain::CouldNotDeleteEntry)
                                          << u"Could not delete"_s << Status::Failed << u"delete"_s;
        QTest::newRow("other") << Op::Write << int(QKeychain::OtherError) << u"Disk full"_s
                               << Status::Failed << u"Disk full"_s;
    }
    void errorMapping()
    {
        QFETCH(Op, op);
        QFETCH(int, error);
        QFETCH(QString, text);
        QFETCH(Status, status);
        QFETCH(QString, mentions);
        const SecretResult result = KeychainSecretStore::mapKeychainError(op, error, text, u"k"_s);
        QCOMPARE(result.status, status);
        QVERIFY2(result.message.contains(mentions), qPrintable(result.message));
        QCOMPARE(result.ok(), result.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "test_keychain_secret_store.moc"
