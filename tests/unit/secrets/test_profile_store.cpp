#include "core/secrets/profilestore.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk::secrets;
using Kind = mcdesk::api::Credentials::Kind;

namespace {
Profile sample(const QString &name, Kind kind = Kind::Api2)
{
    Profile p;
    p.name = name;
    p.baseUrl = QUrl(u"https://eu-api.mimecast.com"_s);
    p.authKind = kind;
    p.appId = kind == Kind::Api1 ? u"app-id-1"_s : QString();
    p.clientId = kind == Kind::Api2 ? u"client-id-2"_s : QString();
    p.allowCustomHost = kind == Kind::Api1;
    p.batchesInFlight = kind == Kind::Api1 ? 2 : 4;
    return p;
}
} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString m_ini;

private slots:
    // A folder that does not exist yet: saving creates it.
    void init() { m_ini = m_dir.filePath(u"sub/profiles-%1.ini"_s.arg(++m_files)); }

private:
    QString iniPath() const { return m_ini; }

private slots:
    void createGetListPersist()
    {
        const Profile a = sample(u"Prod EU"_s, Kind::Api1);
        const Profile b = sample(u"Caf\u00e9 \u65e5\u672c"_s, Kind::Api2);
        {
            ProfileStore store(iniPath());
            QVERIFY(store.names().isEmpty());
            QString error;
            QVERIFY2(store.save(a, &error), qPrintable(error));
            QVERIFY2(store.save(b, &error), qPrintable(error));
        }
        ProfileStore reopened(iniPath()); // read back from disk
        QCOMPARE(reopened.names().size(), 2);
        QVERIFY(reopened.contains(a.name));
        QCOMPARE(*reopened.get(a.name), a);
        QCOMPARE(*reopened.get(b.name), b);
        QCOMPARE(reopened.list().size(), 2);
        QVERIFY(!reopened.get(u"missing"_s));
    }
    void updateOverwrites()
    {
        ProfileStore store(iniPath());
        Profile p = sample(u"p"_s, Kind::Api1);
        QVERIFY(store.save(p));
        p.authKind = Kind::Api2;
        p.clientId = u"new-client"_s;
        p.baseUrl = QUrl(u"https://127.0.0.1:8443"_s);
        QVERIFY(store.save(p));
        QCOMPARE(store.names(), QStringList{u"p"_s});
        QCOMPARE(*store.get(u"p"_s), p);
    }
    void externalSettingsObject()
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        ProfileStore store(&settings);
        QVERIFY(store.save(sample(u"x"_s)));
        QCOMPARE(settings.value(u"profiles/x/clientId"_s).toString(), u"client-id-2"_s);
        QCOMPARE(store.fileName(), iniPath());
    }
    void renameMovesAndKeepsLastUsed()
    {
        ProfileStore store(iniPath());
        QVERIFY(store.save(sample(u"old"_s)));
        QVERIFY(store.save(sample(u"other"_s)));
        QVERIFY(store.setLastUsed(u"old"_s));
        QString error;
        QVERIFY2(store.rename(u"old"_s, u"new"_s, &error), qPrintable(error));
        QVERIFY(!store.contains(u"old"_s));
        Profile expected = sample(u"new"_s);
        QCOMPARE(*store.get(u"new"_s), expected);
        QCOMPARE(store.lastUsed(), u"new"_s);

        QVERIFY(!store.rename(u"new"_s, u"other"_s, &error)); // taken
        QVERIFY(error.contains(u"already exists"_s));
        QVERIFY(!store.rename(u"ghost"_s, u"x"_s, &error));
        QVERIFY(error.contains(u"ghost"_s));
        QVERIFY(!store.rename(u"new"_s, u"a/b"_s, &error));
        QVERIFY(store.rename(u"new"_s, u"new"_s, &error)); // no-op
        QCOMPARE(store.names(), (QStringList{u"new"_s, u"other"_s}));
    }
    void removeClearsLastUsed()
    {
        ProfileStore store(iniPath());
        QVERIFY(store.save(sample(u"a"_s)));
        QVERIFY(store.save(sample(u"b"_s)));
        QVERIFY(store.setLastUsed(u"a"_s));
        QCOMPARE(store.lastUsed(), u"a"_s);
        QString error;
        QVERIFY(store.remove(u"a"_s, &error));
        QCOMPARE(store.names(), QStringList{u"b"_s});
        QVERIFY(store.lastUsed().isEmpty());
        QVERIFY(!store.remove(u"a"_s, &error));
        QVERIFY(!store.setLastUsed(u"a"_s, &error)); // unknown profile
        QVERIFY(store.setLastUsed(u"b"_s));
        QVERIFY(store.setLastUsed(QString()));
        QVERIFY(store.lastUsed().isEmpty());
    }
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"Production"_s << true;
        QTest::newRow("spaces inside") << u"Prod EU 2"_s << true;
        QTest::newRow("unicode") << u"\u00c9quipe \U0001F512"_s << true;
        QTest::newRow("dots and dashes") << u"soc-eu.prod_1"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("blank") << u"   "_s << false;
        QTest::newRow("leading space") << u" prod"_s << false;
        QTest::newRow("slash") << u"a/b"_s << false;
        QTest::newRow("backslash") << u"a\\b"_s << false;
        QTest::newRow("newline") << u"a\nb"_s << false;
        QTest::newRow("too long") << QString(65, u'a') << false;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(ProfileStore::validateName(name).isEmpty(), valid);
        ProfileStore store(iniPath());
        QString error;
        QCOMPARE(store.save(sample(name), &error), valid);
        QCOMPARE(error.isEmpty(), valid);
        if (valid) {
            QCOMPARE(store.names(), QStringList{name});
            QCOMPARE(store.get(name)->name, name);
        }
    }
    void unwritableFileReportsError()
    {
        // A path below a regular file cannot be created, even by root.
        QFile blocker(m_dir.filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        ProfileStore store(blocker.fileName() + u"/profiles.ini"_s);
        QString error;
        QVERIFY(!store.save(sample(u"p"_s), &error));
        QVERIFY2(error.contains(u"settings file"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "test_profile_store.moc"
