// ConnectionsDialog: the list, and Add / Edit / Rename / Delete keeping the keychain in step.

#include "tests/gui/connections/dialogtestutil.h"
#include "tests/support/dialogscript.h"
#include "ui/connections/connectionsdialog.h"
#include "ui/connections/profiledialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using mcdesk::testing::child;
using Kind = api::Credentials::Kind;
namespace PC = secrets::ProfileCredentials;

namespace {
api::Credentials api1Credentials()
{
    api::Credentials c;
    c.kind = Kind::Api1;
    c.appId = u"app"_s;
    c.appKey = u"app-key"_s;
    c.accessKey = u"access-key"_s;
    c.secretKey = u"c2VjcmV0"_s;
    return c;
}
} // namespace

class TestConnectionsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { mcdesk::testing::silenceOffscreenSizeHintWarning(); }
    void init();
    void cleanup();
    void listsProfiles();
    void emptyListShowsHint();
    void addCreatesProfile();
    void editOpensTheSelectedProfile();
    void deleteAsksThenRemovesKeychainEntries();
    void deleteWithoutKeychainKeepsProfile();
    void renameMovesKeychainEntries();
    void renameRefusesExistingName();

private:
    std::unique_ptr<ui::ConnectionsDialog> makeDialog();
    void select(ui::ConnectionsDialog &d, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<secrets::ProfileStore> m_profiles;
    std::unique_ptr<secrets::MemorySecretStore> m_secrets;
    std::optional<mcdesk::testing::DialogScript> m_dialogs; // Delete and Rename ask by script
};

void TestConnectionsDialog::init()
{
    m_dialogs.emplace();
    m_dir = std::make_unique<QTemporaryDir>();
    m_profiles = std::make_unique<secrets::ProfileStore>(m_dir->filePath(u"mcdesk.ini"_s));
    m_secrets = std::make_unique<secrets::MemorySecretStore>();
    QVERIFY(mcdesk::testing::seedProfile(*m_profiles, *m_secrets,
                                         {u"EU production"_s,
                                          QUrl(u"https://eu-api.mimecast.com"_s),
                                          Kind::Api1,
                                          u"app"_s,
                                          {},
                                          false},
                                         api1Credentials()));
    api::Credentials oauth;
    oauth.clientId = u"client"_s;
    oauth.clientSecret = u"client-secret"_s;
    QVERIFY(mcdesk::testing::seedProfile(
        *m_profiles, *m_secrets,
        {u"Lab"_s, QUrl(u"https://lab.example.org:8443"_s), Kind::Api2, {}, u"client"_s, true},
        oauth));
    QCOMPARE(m_secrets->keys().size(), 4);
}

void TestConnectionsDialog::cleanup()
{
    m_profiles.reset();
    m_secrets.reset();
    m_dir.reset();
    m_dialogs.reset(); // fails the test if a dialog found no answer or one was left over
}

std::unique_ptr<ui::ConnectionsDialog> TestConnectionsDialog::makeDialog()
{
    auto d = std::make_unique<ui::ConnectionsDialog>(m_profiles.get(), m_secrets.get());
    d->show();
    return d;
}

void TestConnectionsDialog::select(ui::ConnectionsDialog &d, const QString &name)
{
    auto *list = child<QTreeWidget>(&d, u"profileList"_s);
    const auto items = list->findItems(name, Qt::MatchExactly, 0);
    QCOMPARE(items.size(), 1);
    list->setCurrentItem(items.first());
}

void TestConnectionsDialog::listsProfiles()
{
    auto d = makeDialog();
    auto *list = child<QTreeWidget>(d.get(), u"profileList"_s);
    QCOMPARE(list->topLevelItemCount(), 2);
    const QTreeWidgetItem *eu = list->topLevelItem(0);
    QCOMPARE(eu->text(0), u"EU production"_s);
    QCOMPARE(eu->text(1), u"Europe (excl. Germany) \u2014 eu-api.mimecast.com"_s);
    QCOMPARE(eu->text(2), u"API 1.0"_s);
    const QTreeWidgetItem *lab = list->topLevelItem(1);
    QCOMPARE(lab->text(1), u"lab.example.org:8443 (custom host)"_s);
    QCOMPARE(lab->text(2), u"API 2.0"_s);
    QVERIFY(!child<QLabel>(d.get(), u"emptyHint"_s)->isVisible());
    QVERIFY(child<QPushButton>(d.get(), u"editProfile"_s)->isEnabled());
}

void TestConnectionsDialog::emptyListShowsHint()
{
    QVERIFY(m_profiles->remove(u"EU production"_s));
    QVERIFY(m_profiles->remove(u"Lab"_s));
    auto d = makeDialog();
    QVERIFY(child<QLabel>(d.get(), u"emptyHint"_s)->isVisible());
    QVERIFY(child<QPushButton>(d.get(), u"addProfile"_s)->isEnabled());
    for (const QString &n : {u"editProfile"_s, u"renameProfile"_s, u"deleteProfile"_s})
        QVERIFY2(!child<QPushButton>(d.get(), n)->isEnabled(), qPrintable(n));
}

void TestConnectionsDialog::addCreatesProfile()
{
    auto d = makeDialog();
    QSignalSpy changed(d.get(), &ui::ConnectionsDialog::profilesChanged);
    child<QPushButton>(d.get(), u"addProfile"_s)->click();
    auto *profile = d->findChild<ui::ProfileDialog *>();
    QVERIFY(profile);
    QTRY_VERIFY(profile->isVisible());
    QVERIFY(profile->isModal());
    child<QLineEdit>(profile, u"profileName"_s)->setText(u"New"_s);
    child<QLineEdit>(profile, u"clientId"_s)->setText(u"id"_s);
    child<QLineEdit>(profile, u"clientSecret"_s)->setText(u"secret"_s);
    child<QPushButton>(profile, u"saveButton"_s)->click();
    QTRY_COMPARE(changed.count(), 1);
    QVERIFY(m_profiles->contains(u"New"_s));
    auto *list = child<QTreeWidget>(d.get(), u"profileList"_s);
    QCOMPARE(list->topLevelItemCount(), 3);
    QCOMPARE(list->currentItem()->text(0), u"New"_s);
    QCOMPARE(m_secrets->value(PC::secretKey(u"New"_s, u"clientSecret"_s)), u"secret"_s);
}

void TestConnectionsDialog::editOpensTheSelectedProfile()
{
    auto d = makeDialog();
    QSignalSpy changed(d.get(), &ui::ConnectionsDialog::profilesChanged);
    select(*d, u"Lab"_s);
    child<QPushButton>(d.get(), u"editProfile"_s)->click();
    auto *profile = d->findChild<ui::ProfileDialog *>();
    QVERIFY(profile);
    QCOMPARE(child<QLineEdit>(profile, u"profileName"_s)->text(), u"Lab"_s);
    QCOMPARE(child<QLineEdit>(profile, u"customHostEdit"_s)->text(),
             u"https://lab.example.org:8443"_s);
    child<QLineEdit>(profile, u"clientId"_s)->setText(u"client-2"_s);
    child<QPushButton>(profile, u"saveButton"_s)->click();
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(m_profiles->get(u"Lab"_s)->clientId, u"client-2"_s);
    QVERIFY(m_profiles->get(u"Lab"_s)->allowCustomHost);
    QCOMPARE(m_secrets->value(PC::secretKey(u"Lab"_s, u"clientSecret"_s)), u"client-secret"_s);
}

void TestConnectionsDialog::deleteAsksThenRemovesKeychainEntries()
{
    auto d = makeDialog();
    QSignalSpy changed(d.get(), &ui::ConnectionsDialog::profilesChanged);
    select(*d, u"EU production"_s);
    ui::dialogs::setNextConfirm(false);
    child<QPushButton>(d.get(), u"deleteProfile"_s)->click();
    const QList<ui::dialogs::Asked> asked = ui::dialogs::asked(ui::dialogs::Kind::Confirm);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().title, u"Delete Connection"_s);
    QVERIFY(asked.first().text.contains(u"EU production"_s));
    QVERIFY(asked.first().informativeText.contains(u"keychain"_s));
    QCOMPARE(asked.first().acceptLabel, u"&Delete"_s);
    QVERIFY(asked.first().destructive); // Cancel is the default: a stray Enter keeps it
    QVERIFY(m_profiles->contains(u"EU production"_s));
    QCOMPARE(m_secrets->keys().size(), 4);
    QCOMPARE(changed.count(), 0);

    ui::dialogs::setNextConfirm(true);
    child<QPushButton>(d.get(), u"deleteProfile"_s)->click();
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(m_profiles->names(), QStringList{u"Lab"_s});
    QCOMPARE(m_secrets->keys(), QStringList{PC::secretKey(u"Lab"_s, u"clientSecret"_s)});
    QCOMPARE(child<QTreeWidget>(d.get(), u"profileList"_s)->topLevelItemCount(), 1);
}

void TestConnectionsDialog::deleteWithoutKeychainKeepsProfile()
{
    auto d = makeDialog();
    QSignalSpy changed(d.get(), &ui::ConnectionsDialog::profilesChanged);
    m_secrets->setSimulateNoKeychain(true);
    select(*d, u"Lab"_s);
    ui::dialogs::setNextConfirm(true);
    child<QPushButton>(d.get(), u"deleteProfile"_s)->click();
    auto *status = child<QLabel>(d.get(), u"statusMessage"_s);
    QTRY_VERIFY(status->text().startsWith(u"Not deleted: "_s));
    QVERIFY(status->text().contains(u"gnome-keyring-daemon"_s));
    QVERIFY(m_profiles->contains(u"Lab"_s));
    QCOMPARE(changed.count(), 0);
    m_secrets->setSimulateNoKeychain(false);
    QCOMPARE(m_secrets->keys().size(), 4);
}

void TestConnectionsDialog::renameMovesKeychainEntries()
{
    auto d = makeDialog();
    QSignalSpy changed(d.get(), &ui::ConnectionsDialog::profilesChanged);
    select(*d, u"EU production"_s);
    ui::dialogs::setNextText(u"EU"_s);
    child<QPushButton>(d.get(), u"renameProfile"_s)->click();
    const QList<ui::dialogs::Asked> asked = ui::dialogs::asked(ui::dialogs::Kind::Text);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().title, u"Rename \u201cEU production\u201d"_s);
    QCOMPARE(asked.first().text, u"&New name:"_s);
    QCOMPARE(asked.first().suggested, u"EU production"_s); // the current name, to edit
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(m_profiles->names(), (QStringList{u"EU"_s, u"Lab"_s}));
    const api::Credentials c = api1Credentials();
    QCOMPARE(m_secrets->value(PC::secretKey(u"EU"_s, u"appKey"_s)), c.appKey);
    QCOMPARE(m_secrets->value(PC::secretKey(u"EU"_s, u"accessKey"_s)), c.accessKey);
    QCOMPARE(m_secrets->value(PC::secretKey(u"EU"_s, u"secretKey"_s)), c.secretKey);
    for (const QString &key : m_secrets->keys())
        QVERIFY2(!key.startsWith(u"profile/EU production/"_s), qPrintable(key));
    QCOMPARE(child<QTreeWidget>(d.get(), u"profileList"_s)->currentItem()->text(0), u"EU"_s);
}

void TestConnectionsDialog::renameRefusesExistingName()
{
    auto d = makeDialog();
    select(*d, u"EU production"_s);
    ui::dialogs::setNextText(u"Lab"_s);
    child<QPushButton>(d.get(), u"renameProfile"_s)->click();
    auto *status = child<QLabel>(d.get(), u"statusMessage"_s);
    QVERIFY2(status->text().contains(u"already exists"_s), qPrintable(status->text()));
    QCOMPARE(m_profiles->names(), (QStringList{u"EU production"_s, u"Lab"_s}));
    QCOMPARE(m_secrets->keys().size(), 4);

    // Cancelled: nothing is renamed and nothing new is said.
    const QString said = status->text();
    ui::dialogs::setNextText(std::nullopt);
    child<QPushButton>(d.get(), u"renameProfile"_s)->click();
    QCOMPARE(ui::dialogs::asked(ui::dialogs::Kind::Text).size(), 2);
    QCOMPARE(status->text(), said);
    QCOMPARE(m_profiles->names(), (QStringList{u"EU production"_s, u"Lab"_s}));
}

QTEST_MAIN(TestConnectionsDialog)
#include "test_connections_dialog.moc"
