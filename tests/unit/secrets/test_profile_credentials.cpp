#include "core/secrets/memorysecretstore.h"
#include "core/secrets/profilecredentials.h"

#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace mcdesk::secrets;
using mcdesk::api::Credentials;
using Kind = Credentials::Kind;
using Status = SecretResult::Status;
namespace PC = ProfileCredentials;

namespace {
Credentials api1()
{
    Credentials c;
    c.kind = Kind::Api1;
    c.appId = u"app-id"_s;
    c.appKey = u"11111111-2222-3333-4444-555555555555"_s;
    c.accessKey = u"access-\u00e9\u65e5"_s;
    c.secretKey = u"bWltZWNhc3QtdGVzdC1zZWNyZXQta2V5LTAxMjM0NTY3ODk="_s;
    return c;
}

Credentials api2()
{
    Credentials c;
    c.kind = Kind::Api2;
    c.clientId = u"client-id"_s;
    c.clientSecret = u"client-secret-\U0001F511"_s;
    return c;
}

Profile profileFor(const QString &name, const Credentials &c)
{
    Profile p;
    p.name = name;
    p.baseUrl = QUrl(u"https://us-api.mimecast.com"_s);
    p.authKind = c.kind;
    p.appId = c.appId;
    p.clientId = c.clientId;
    return p;
}

// Waits for exactly one, queued callback.
template<typename Result, typename Start> std::optional<Result> await(Start start)
{
    std::optional<Result> result;
    int calls = 0;
    bool returned = false;
    bool synchronous = false;
    start([&](const Result &r) {
        result = r;
        ++calls;
        synchronous = synchronous || !returned;
    });
    returned = true;
    if (!QTest::qWaitFor([&] { return calls > 0; }, 5000) || synchronous)
        return std::nullopt;
    QCoreApplication::sendPostedEvents(); // a second call would be queued by now
    if (calls != 1)
        return std::nullopt;
    return result;
}

PC::Outcome save(SecretStore &store, const QString &name, const Credentials &c)
{
    return await<PC::Outcome>([&](auto cb) { PC::saveSecrets(store, name, c, cb); })
        .value_or(PC::Outcome{false, Status::Failed, u"no answer"_s});
}

PC::LoadResult load(SecretStore &store, const Profile &p)
{
    return await<PC::LoadResult>([&](auto cb) { PC::loadCredentials(store, p, cb); })
        .value_or(PC::LoadResult{false, Status::Failed, {}, u"no answer"_s});
}
} // namespace

class TestProfileCredentials : public QObject
{
    Q_OBJECT
private slots:
    void keys()
    {
        QCOMPARE(PC::secretKey(u"Prod"_s, u"clientSecret"_s), u"profile/Prod/clientSecret"_s);
        QCOMPARE(PC::secretFields(Kind::Api1),
                 (QStringList{u"appKey"_s, u"accessKey"_s, u"secretKey"_s}));
        QCOMPARE(PC::secretFields(Kind::Api2), QStringList{u"clientSecret"_s});
        QCOMPARE(PC::secretFields().size(), 4);
    }
    void roundTrip_data()
    {
        QTest::addColumn<Credentials>("credentials");
        QTest::addColumn<QStringList>("storedKeys");
        QTest::newRow("api 1.0") << api1()
                                 << QStringList{u"profile/p/accessKey"_s, u"profile/p/appKey"_s,
                                                u"profile/p/secretKey"_s};
        QTest::newRow("api 2.0") << api2() << QStringList{u"profile/p/clientSecret"_s};
    }
    void roundTrip()
    {
        QFETCH(Credentials, credentials);
        QFETCH(QStringList, storedKeys);
        MemorySecretStore store;
        const PC::Outcome saved = save(store, u"p"_s, credentials);
        QVERIFY2(saved.ok, qPrintable(saved.error));
        QCOMPARE(store.keys(), storedKeys);
        const PC::LoadResult loaded = load(store, profileFor(u"p"_s, credentials));
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        QCOMPARE(loaded.status, Status::Ok);
        const Credentials &c = loaded.credentials;
        QCOMPARE(c.kind, credentials.kind);
        QCOMPARE(c.appId, credentials.appId);
        QCOMPARE(c.appKey, credentials.appKey);
        QCOMPARE(c.accessKey, credentials.accessKey);
        QCOMPARE(c.secretKey, credentials.secretKey);
        QCOMPARE(c.clientId, credentials.clientId);
        QCOMPARE(c.clientSecret, credentials.clientSecret);
        QVERIFY(c.missingField().isEmpty());
    }
    void switchingKindRemovesStaleSecrets()
    {
        MemorySecretStore store;
        QVERIFY(save(store, u"p"_s, api1()).ok);
        QVERIFY(save(store, u"p"_s, api2()).ok);
        QCOMPARE(store.keys(), QStringList{u"profile/p/clientSecret"_s});
    }
    void saveRejectsEmptySecret()
    {
        MemorySecretStore store;
        Credentials c = api1();
        c.secretKey.clear();
        const PC::Outcome saved = save(store, u"p"_s, c);
        QVERIFY(!saved.ok);
        QVERIFY2(saved.error.contains(u"Secret Key"_s), qPrintable(saved.error));
        QCOMPARE(store.operationCount(), 0); // nothing was written
        QVERIFY(!save(store, u"bad/name"_s, api2()).ok);
    }
    void loadNamesTheMissingField_data()
    {
        QTest::addColumn<Credentials>("credentials");
        QTest::addColumn<QString>("dropKey");
        QTest::addColumn<QString>("expected");
        QTest::newRow("app key") << api1() << u"appKey"_s << u"Application Key"_s;
        QTest::newRow("access key") << api1() << u"accessKey"_s << u"Access Key"_s;
        QTest::newRow("secret key") << api1() << u"secretKey"_s << u"Secret Key"_s;
        QTest::newRow("client secret") << api2() << u"clientSecret"_s << u"Client Secret"_s;
    }
    void loadNamesTheMissingField()
    {
        QFETCH(Credentials, credentials);
        QFETCH(QString, dropKey);
        QFETCH(QString, expected);
        MemorySecretStore store;
        QVERIFY(save(store, u"p"_s, credentials).ok);
        QVERIFY(await<SecretResult>([&](auto cb) {
                    store.deleteSecret(PC::secretKey(u"p"_s, dropKey), cb);
                }).has_value());
        const PC::LoadResult loaded = load(store, profileFor(u"p"_s, credentials));
        QVERIFY(!loaded.ok);
        QCOMPARE(loaded.status, Status::NotFound);
        QVERIFY2(loaded.error.contains(expected), qPrintable(loaded.error));
        QVERIFY(loaded.error.contains(u"\u201cp\u201d"_s));
    }
    void loadNamesMissingIdentifier()
    {
        MemorySecretStore store;
        Profile p = profileFor(u"p"_s, api2());
        p.clientId.clear();
        const PC::LoadResult loaded = load(store, p);
        QVERIFY(!loaded.ok);
        QVERIFY2(loaded.error.contains(u"Client ID"_s), qPrintable(loaded.error));
    }
    void noKeychainIsExplained()
    {
        MemorySecretStore store;
        QVERIFY(save(store, u"p"_s, api2()).ok);
        store.setSimulateNoKeychain(true);
        const PC::LoadResult loaded = load(store, profileFor(u"p"_s, api2()));
        QVERIFY(!loaded.ok);
        QCOMPARE(loaded.status, Status::NoKeychain);
        QVERIFY(loaded.error.contains(u"Client Secret"_s));
        QVERIFY(loaded.error.contains(u"dbus-run-session"_s));
        QVERIFY(!loaded.error.contains(api2().clientSecret));
        const PC::Outcome saved = save(store, u"p"_s, api1());
        QCOMPARE(saved.status, Status::NoKeychain);
        QVERIFY(!saved.error.contains(api1().secretKey));
    }
    void removeSecrets()
    {
        MemorySecretStore store;
        QVERIFY(save(store, u"p"_s, api1()).ok);
        QVERIFY(save(store, u"keep"_s, api2()).ok);
        const auto removed =
            await<PC::Outcome>([&](auto cb) { PC::removeSecrets(store, u"p"_s, cb); });
        QVERIFY(removed && removed->ok);
        QCOMPARE(store.keys(), QStringList{u"profile/keep/clientSecret"_s});
    }
    void renameMovesSecrets()
    {
        MemorySecretStore store;
        QVERIFY(save(store, u"old"_s, api1()).ok);
        // A stale entry left under the new name by an earlier profile must not survive.
        QVERIFY(await<SecretResult>([&](auto cb) {
                    store.writeSecret(u"profile/new/clientSecret"_s, u"stale"_s, cb);
                }).has_value());
        const auto renamed =
            await<PC::Outcome>([&](auto cb) { PC::renameSecrets(store, u"old"_s, u"new"_s, cb); });
        QVERIFY(renamed && renamed->ok);
        QCOMPARE(store.keys(), (QStringList{u"profile/new/accessKey"_s, u"profile/new/appKey"_s,
                                            u"profile/new/secretKey"_s}));
        const PC::LoadResult loaded = load(store, profileFor(u"new"_s, api1()));
        QVERIFY2(loaded.ok, qPrintable(loaded.error));
        QCOMPARE(loaded.credentials.secretKey, api1().secretKey);
    }
    void renameFailureKeepsOldEntries()
    {
        MemorySecretStore store;
        QVERIFY(save(store, u"old"_s, api2()).ok);
        store.setSimulateNoKeychain(true);
        const auto renamed =
            await<PC::Outcome>([&](auto cb) { PC::renameSecrets(store, u"old"_s, u"new"_s, cb); });
        QVERIFY(renamed && !renamed->ok);
        QCOMPARE(renamed->status, Status::NoKeychain);
        QCOMPARE(store.keys(), QStringList{u"profile/old/clientSecret"_s});
        const auto invalid =
            await<PC::Outcome>([&](auto cb) { PC::renameSecrets(store, u"old"_s, u"a/b"_s, cb); });
        QVERIFY(invalid && !invalid->ok);
    }
};

QTEST_GUILESS_MAIN(TestProfileCredentials)
#include "test_profile_credentials.moc"
