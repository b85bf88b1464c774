#include "core/secrets/memorysecretstore.h"
#include "tests/unit/secrets/secrettestutil.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk::secrets;
using namespace mcdesk::secrets::testing;
using Status = SecretResult::Status;

class TestMemorySecretStore : public QObject
{
    Q_OBJECT
private slots:
    void writeReadDelete_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("ascii") << u"s3cr3t"_s;
        QTest::newRow("unicode") << u"p\u00e4ss \u65e5\u672c \U0001F511"_s;
        QTest::newRow("multi-line") << u"line1\nline2\r\n"_s;
        QTest::newRow("long") << QString(5000, u'x');
    }
    void writeReadDelete()
    {
        QFETCH(QString, value);
        MemorySecretStore store;
        bool ok = false;
        QVERIFY(run([&](auto cb) { store.writeSecret(u"k"_s, value, cb); }, &ok).ok());
        QVERIFY(ok);
        const SecretResult read = run([&](auto cb) { store.readSecret(u"k"_s, cb); }, &ok);
        QVERIFY(ok);
        QCOMPARE(read.status, Status::Ok);
        QCOMPARE(read.value, value);
        QVERIFY(run([&](auto cb) { store.deleteSecret(u"k"_s, cb); }, &ok).ok());
        QVERIFY(ok);
        QCOMPARE(run([&](auto cb) { store.readSecret(u"k"_s, cb); }, &ok).status, Status::NotFound);
        QVERIFY(ok);
    }
    void missingEntry()
    {
        MemorySecretStore store;
        bool ok = false;
        const SecretResult read = run([&](auto cb) { store.readSecret(u"nope"_s, cb); }, &ok);
        QVERIFY(ok);
        QCOMPARE(read.status, Status::NotFound);
        QVERIFY(read.message.contains(u"nope"_s));
        // Deleting what is not there succeeds: the entry is gone either way.
        QCOMPARE(run([&](auto cb) { store.deleteSecret(u"nope"_s, cb); }, &ok).status, Status::Ok);
        QVERIFY(ok);
    }
    void callbacksAreQueuedAndInOrder()
    {
        MemorySecretStore store;
        QStringList order;
        store.writeSecret(u"a"_s, u"1"_s, [&](const SecretResult &) { order << u"write"_s; });
        store.readSecret(u"a"_s, [&](const SecretResult &r) { order << u"read:"_s + r.value; });
        store.deleteSecret(u"a"_s, [&](const SecretResult &) { order << u"delete"_s; });
        QVERIFY(order.isEmpty()); // nothing runs inside the call
        QTRY_COMPARE(order, (QStringList{u"write"_s, u"read:1"_s, u"delete"_s}));
    }
    void simulatedNoKeychain()
    {
        MemorySecretStore store;
        bool ok = false;
        QVERIFY(run([&](auto cb) { store.writeSecret(u"k"_s, u"v"_s, cb); }, &ok).ok());
        store.setSimulateNoKeychain(true);
        for (const auto &op : std::initializer_list<std::function<void(SecretCallback)>>{
                 [&](auto cb) { store.readSecret(u"k"_s, cb); },
                 [&](auto cb) { store.writeSecret(u"k"_s, u"other"_s, cb); },
                 [&](auto cb) {
                     store.deleteSecret(u"k"_s, cb);
                 }}) {
            const SecretResult result = run(op, &ok);
            QVERIFY(ok);
            QCOMPARE(result.status, Status::NoKeychain);
            QVERIFY(result.value.isEmpty());
            QVERIFY(result.message.contains(u"GNOME Keyring"_s));
            QVERIFY(result.message.contains(u"KWallet"_s));
            QVERIFY(result.message.contains(u"dbus-run-session"_s));
            QVERIFY(result.message.contains(u"gnome-keyring-daemon --unlock"_s));
            QVERIFY(!result.message.contains(u"other"_s));
        }
        QCOMPARE(store.value(u"k"_s), u"v"_s); // untouched
    }
    void destroyedStoreDropsCallbacks()
    {
        int calls = 0;
        {
            MemorySecretStore store;
            store.readSecret(u"k"_s, [&](const SecretResult &) { ++calls; });
        }
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents();
        QCOMPARE(calls, 0);
    }
};

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "test_memory_secret_store.moc"
