// ProfileDialog: what is saved where, and what is refused before anything is stored.

#include "core/simulator/simulatorhost.h"
#include "tests/gui/connections/dialogtestutil.h"
#include "ui/connections/profiledialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using mcdesk::testing::child;
using Kind = api::Credentials::Kind;
namespace PC = secrets::ProfileCredentials;

class TestProfileDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        mcdesk::testing::silenceOffscreenSizeHintWarning();
        QVERIFY(m_sim.start());
    }
    void init();
    void cleanup();
    void createsApi1ProfileWithSecretsOnlyInKeychain();
    void createsApi2ProfileOnKnownGateway();
    void rejectsPlainHttpBaseUrl();
    void rejectsMissingSecret_data();
    void rejectsMissingSecret();
    void rejectsBadOrDuplicateName();
    void customHostNeedsConfirmation();
    void api2ShowsOnlyClientFields();
    void secretsAreMaskedWithShowToggle();
    void editKeepsUnchangedSecrets();
    void editSwitchingKindNeedsTheNewSecrets();
    void noKeychainShowsFixAndSavesNothing();
    void escapeCancelsAndEnterSaves();

private:
    std::unique_ptr<ui::ProfileDialog> makeDialog(std::optional<secrets::Profile> existing = {});
    void chooseCustomHost(ui::ProfileDialog &d, const QString &url);
    void fillApi1(ui::ProfileDialog &d, const api::Credentials &c);
    QString iniText() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<secrets::ProfileStore> m_profiles;
    std::unique_ptr<secrets::MemorySecretStore> m_secrets;
    sim::SimulatorHost m_sim;
};

void TestProfileDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_profiles = std::make_unique<secrets::ProfileStore>(m_dir->filePath(u"mcdesk.ini"_s));
    m_secrets = std::make_unique<secrets::MemorySecretStore>();
}

void TestProfileDialog::cleanup()
{
    m_profiles.reset();
    m_secrets.reset();
    m_dir.reset();
}

std::unique_ptr<ui::ProfileDialog>
TestProfileDialog::makeDialog(std::optional<secrets::Profile> existing)
{
    auto d = std::make_unique<ui::ProfileDialog>(m_profiles.get(), m_secrets.get(), existing);
    d->show();
    return d;
}

void TestProfileDialog::chooseCustomHost(ui::ProfileDialog &d, const QString &url)
{
    auto *combo = child<QComboBox>(&d, u"regionCombo"_s);
    combo->setCurrentIndex(combo->count() - 1);
    QCOMPARE(combo->currentText(), u"Custom host\u2026"_s);
    child<QLineEdit>(&d, u"customHostEdit"_s)->setText(url);
}

void TestProfileDialog::fillApi1(ui::ProfileDialog &d, const api::Credentials &c)
{
    child<QRadioButton>(&d, u"authKindApi1"_s)->click();
    child<QLineEdit>(&d, u"appId"_s)->setText(c.appId);
    child<QLineEdit>(&d, u"appKey"_s)->setText(c.appKey);
    child<QLineEdit>(&d, u"accessKey"_s)->setText(c.accessKey);
    child<QLineEdit>(&d, u"secretKey"_s)->setText(c.secretKey);
}

QString TestProfileDialog::iniText() const
{
    QFile file(m_profiles->fileName());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void TestProfileDialog::createsApi1ProfileWithSecretsOnlyInKeychain()
{
    auto d = makeDialog();
    const api::Credentials c = sim::demoCredentials();
    child<QLineEdit>(d.get(), u"profileName"_s)->setText(u"Simulator"_s);
    chooseCustomHost(*d, m_sim.baseUrl().toString());
    fillApi1(*d, c);
    QVERIFY(!child<QCheckBox>(d.get(), u"customHostConfirm"_s)->isChecked()); // loopback: no opt-in
    auto *batches = child<QSpinBox>(d.get(), u"batchesInFlight"_s);
    QCOMPARE(batches->value(), 4);
    batches->setValue(2);
    child<QPushButton>(d.get(), u"saveButton"_s)->click();
    QTRY_COMPARE(d->result(), int(QDialog::Accepted));

    const auto saved = m_profiles->get(u"Simulator"_s);
    QVERIFY(saved);
    QCOMPARE(*saved, d->savedProfile());
    QCOMPARE(saved->baseUrl, m_sim.baseUrl());
    QCOMPARE(saved->authKind, Kind::Api1);
    QCOMPARE(saved->appId, c.appId);
    QVERIFY(!saved->allowCustomHost);
    QCOMPARE(saved->batchesInFlight, 2);
    const QString ini = iniText();
    QVERIFY(ini.contains(u"Simulator"_s));
    for (const QString &secret : {c.appKey, c.accessKey, c.secretKey})
        QVERIFY2(!ini.contains(secret), "a secret reached the settings file");
    QCOMPARE(m_secrets->keys().size(), 3);
    QCOMPARE(m_secrets->value(PC::secretKey(u"Simulator"_s, u"appKey"_s)), c.appKey);
    QCOMPARE(m_secrets->value(PC::secretKey(u"Simulator"_s, u"accessKey"_s)), c.accessKey);
    QCOMPARE(m_secrets->value(PC::secretKey(u"Simulator"_s, u"secretKey"_s)), c.secretKey);
}

void TestProfileDialog::createsApi2ProfileOnKnownGateway()
{
    auto d = makeDialog();
    child<QLineEdit>(d.get(), u"profileName"_s)->setText(u"Prod"_s);
    auto *combo = child<QComboBox>(d.get(), u"regionCombo"_s);
    QCOMPARE(combo->currentText(),
             u"Global gateway, automatic failover \u2014 api.services.mimecast.com"_s);
    combo->setCurrentIndex(combo->findText(u"uk-api.services.mimecast.com"_s, Qt::MatchEndsWith));
    child<QLineEdit>(d.get(), u"clientId"_s)->setText(u"client-1"_s);
    child<QLineEdit>(d.get(), u"clientSecret"_s)->setText(u"s3cret"_s);
    child<QPushButton>(d.get(), u"saveButton"_s)->click();
    QTRY_COMPARE(d->result(), int(QDialog::Accepted));
    const auto saved = m_profiles->get(u"Prod"_s);
    QVERIFY(saved);
    QCOMPARE(saved->baseUrl, QUrl(u"https://uk-api.services.mimecast.com"_s));
    QCOMPARE(saved->clientId, u"client-1"_s);
    QCOMPARE(m_secrets->keys(), QStringList{PC::secretKey(u"Prod"_s, u"clientSecret"_s)});
    QVERIFY(!iniText().contains(u"s3cret"_s));
}

void TestProfileDialog::rejectsPlainHttpBaseUrl()
{
    auto d = makeDialog();
    child<QLineEdit>(d.get(), u"profileName"_s)->setText(u"EU"_s);
    chooseCustomHost(*d, u"http://eu-api.mimecast.com"_s);
    fillApi1(*d, sim::demoCredentials());
    child<QPushButton>(d.get(), u"saveButton"_s)->click();
    auto *error = child<QLabel>(d.get(), u"fieldError"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(u"Base URL"_s), qPrintable(error->text()));
    QVERIFY(error->text().contains(u"https://"_s));
    // Next to the field: in the same group, on the row below it.
    auto *host = child<QLineEdit>(d.get(), u"customHostEdit"_s);
    QCOMPARE(error->parentWidget(), host->parentWidget());
    QVERIFY(error->y() > host->y());
    QCOMPARE(d->focusWidget(), host);
    QVERIFY(d->isVisible());
    QVERIFY(m_profiles->names().isEmpty());
    QCOMPARE(m_secrets->operationCount(), 0);
}

void TestProfileDialog::rejectsMissingSecret_data()
{
    QTest::addColumn<bool>("api1");
    QTest::addColumn<QString>("emptied");
    QTest::addColumn<QString>("named");
    QTest::newRow("1.0 secret key") << true << u"secretKey"_s << u"Secret Key"_s;
    QTest::newRow("1.0 access key") << true << u"accessKey"_s << u"Access Key"_s;
    QTest::newRow("1.0 application id") << true << u"appId"_s << u"Application ID"_s;
    QTest::newRow("2.0 client secret") << false << u"clientSecret"_s << u"Client Secret"_s;
}

void TestProfileDialog::rejectsMissingSecret()
{
    QFETCH(bool, api1);
    QFETCH(QString, emptied);
    QFETCH(QString, named);
    auto d = makeDialog();
    child<QLineEdit>(d.get(), u"profileName"_s)->setText(u"Sim"_s);
    chooseCustomHost(*d, m_sim.baseUrl().toString());
    if (api1) {
        fillApi1(*d, sim::demoCredentials());
    } else {
        child<QLineEdit>(d.get(), u"clientId"_s)->setText(u"client"_s);
        child<QLineEdit>(d.get(), u"clientSecret"_s)->setText(u"secret"_s);
    }
    child<QLineEdit>(d.get(), emptied)->clear();
    child<QPushButton>(d.get(), u"saveButton"_s)->click();
    auto *error = child<QLabel>(d.get(), u"fieldError"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(named), qPrintable(error->text()));
    QCOMPARE(d->focusWidget(), child<QLineEdit>(d.get(), emptied));
    QVERIFY(m_profiles->names().isEmpty());
    QCOMPARE(m_secrets->operationCount(), 0);
}

void TestProfileDialog::rejectsBadOrDuplicateName()
{
    QVERIFY(mcdesk::testing::seedProfile(
        *m_profiles, *m_secrets, {u"Taken"_s, m_sim.baseUrl(), Kind::Api2, {}, u"c"_s, false},
        sim::demoOAuthCredentials()));
    const int operations = m_secrets->operationCount();
    auto d = makeDialog();
    child<QLineEdit>(d.get(), u"clientId"_s)->setText(u"client"_s);
    child<QLineEdit>(d.get(), u"clientSecret"_s)->setText(u"secret"_s);
    auto *name = child<QLineEdit>(d.get(), u"profileName"_s);
    auto *error = child<QLabel>(d.get(), u"fieldError"_s);
    for (const QString &bad : {u""_s, u"EU/Prod"_s, u" padded"_s, u"Taken"_s}) {
        name->setText(bad);
        child<QPushButton>(d.get(), u"saveButton"_s)->click();
        QVERIFY2(error->text().startsWith(u"Name:"_s), qPrintable(error->text()));
        QCOMPARE(d->focusWidget(), name);
    }
    QVERIFY(error->text().contains(u"already exists"_s));
    QCOMPARE(m_profiles->names(), QStringList{u"Taken"_s});
    QCOMPARE(m_secrets->operationCount(), operations);
}

void TestProfileDialog::customHostNeedsConfirmation()
{
    auto d = makeDialog();
    child<QLineEdit>(d.get(), u"profileName"_s)->setText(u"Proxy"_s);
    chooseCustomHost(*d, u"mimecast-proxy.example.org"_s); // no scheme: taken as https
    child<QLineEdit>(d.get(), u"clientId"_s)->setText(u"client"_s);
    child<QLineEdit>(d.get(), u"clientSecret"_s)->setText(u"secret"_s);
    QVERIFY(child<QLabel>(d.get(), u"customHostWarning"_s)->isVisible());
    auto *confirm = child<QCheckBox>(d.get(), u"customHostConfirm"_s);
    QVERIFY(confirm->isVisible());
    child<QPushButton>(d.get(), u"saveButton"_s)->click();
    auto *error = child<QLabel>(d.get(), u"fieldError"_s);
    QVERIFY2(error->text().contains(u"outside Mimecast's domains"_s), qPrintable(error->text()));
    QVERIFY(error->text().startsWith(u"Base URL"_s));
    // The error names the checkbox that fixes it, in the checkbox's own words.
    QVERIFY2(error->text().contains(confirm->text().remove(u'&')), qPrintable(error->text()));
    QCOMPARE(d->focusWidget(), confirm);
    QVERIFY(m_profiles->names().isEmpty());
    QCOMPARE(m_secrets->operationCount(), 0);

    confirm->setChecked(true);
    child<QPushButton>(d.get(), u"saveButton"_s)->click();
    QTRY_COMPARE(d->result(), int(QDialog::Accepted));
    const auto saved = m_profiles->get(u"Proxy"_s);
    QVERIFY(saved);
    QCOMPARE(saved->baseUrl, QUrl(u"https://mimecast-proxy.example.org"_s));
    QVERIFY(saved->allowCustomHost);
}

void TestProfileDialog::api2ShowsOnlyClientFields()
{
    auto d = makeDialog();
    QVERIFY(child<QRadioButton>(d.get(), u"authKindApi2"_s)->isChecked());
    const QStringList client{u"clientId"_s, u"clientSecret"_s};
    const QStringList keys{u"appId"_s, u"appKey"_s, u"accessKey"_s, u"secretKey"_s};
    auto visible = [&](const QString &name) {
        return child<QWidget>(d.get(), name)->isVisible();
    };
    for (const QString &n : client)
        QVERIFY2(visible(n), qPrintable(n));
    for (const QString &n : keys)
        QVERIFY2(!visible(n), qPrintable(n));
    auto *combo = child<QComboBox>(d.get(), u"regionCombo"_s);
    QVERIFY(combo->findText(u"api.services.mimecast.com"_s, Qt::MatchEndsWith) >= 0);
    QCOMPARE(combo->findText(u"eu-api.mimecast.com"_s, Qt::MatchEndsWith), -1);

    child<QRadioButton>(d.get(), u"authKindApi1"_s)->click();
    for (const QString &n : client)
        QVERIFY2(!visible(n), qPrintable(n));
    for (const QString &n : keys)
        QVERIFY2(visible(n), qPrintable(n));
    QVERIFY(child<QLabel>(d.get(), u"api1Note"_s)->text().contains(u"mid-2025"_s));
    QCOMPARE(combo->currentText(), u"Choose your region\u2026"_s);
    QCOMPARE(combo->findText(u"api.services.mimecast.com"_s, Qt::MatchEndsWith), -1);
    QVERIFY(combo->findText(u"Europe (excl. Germany) \u2014 eu-api.mimecast.com"_s) >= 0);
}

void TestProfileDialog::secretsAreMaskedWithShowToggle()
{
    auto d = makeDialog();
    const QStringList secrets{u"clientSecret"_s, u"appKey"_s, u"accessKey"_s, u"secretKey"_s};
    for (const QString &n : secrets)
        QCOMPARE(child<QLineEdit>(d.get(), n)->echoMode(), QLineEdit::Password);
    for (const QString &n : {u"clientId"_s, u"appId"_s})
        QCOMPARE(child<QLineEdit>(d.get(), n)->echoMode(), QLineEdit::Normal);
    child<QCheckBox>(d.get(), u"showSecrets"_s)->click();
    for (const QString &n : secrets)
        QCOMPARE(child<QLineEdit>(d.get(), n)->echoMode(), QLineEdit::Normal);
    child<QCheckBox>(d.get(), u"showSecrets"_s)->click();
    QCOMPARE(child<QLineEdit>(d.get(), u"secretKey"_s)->echoMode(), QLineEdit::Password);
}

void TestProfileDialog::editKeepsUnchangedSecrets()
{
    const api::Credentials c = sim::demoCredentials();
    const secrets::Profile profile{u"Sim"_s, m_sim.baseUrl(), Kind::Api1, c.appId, {}, false};
    QVERIFY(mcdesk::testing::seedProfile(*m_profiles, *m_secrets, profile, c));
    auto d = makeDialog(profile);
    auto *name = child<QLineEdit>(d.get(), u"profileName"_s);
    QCOMPARE(name->text(), u"Sim"_s);
    QVERIFY(name->isReadOnly());
    QCOMPARE(child<QLineEdit>(d.get(), u"customHostEdit"_s)->text(), m_sim.baseUrl().toString());
    QCOMPARE(child<QLineEdit>(d.get(), u"appId"_s)->text(), c.appId);
    for (const QString &n : {u"appKey"_s, u"accessKey"_s, u"secretKey"_s}) {
        auto *edit = child<QLineEdit>(d.get(), n);
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(edit->placeholderText(), u"unchanged \u2014 leave empty to keep"_s);
    }
    child<QLineEdit>(d.get(), u"accessKey"_s)->setText(u"NEW-ACCESS-KEY"_s);
    child<QPushButton>(d.get(), u"saveButton"_s)->click();
    QTRY_COMPARE(d->result(), int(QDialog::Accepted));
    QCOMPARE(m_secrets->value(PC::secretKey(u"Sim"_s, u"appKey"_s)), c.appKey);
    QCOMPARE(m_secrets->value(PC::secretKey(u"Sim"_s, u"secretKey"_s)), c.secretKey);
    QCOMPARE(m_secrets->value(PC::secretKey(u"Sim"_s, u"accessKey"_s)), u"NEW-ACCESS-KEY"_s);
    QCOMPARE(*m_profiles->get(u"Sim"_s), profile);
}

void TestProfileDialog::editSwitchingKindNeedsTheNewSecrets()
{
    const api::Credentials c = sim::demoCredentials();
    const secrets::Profile profile{u"Sim"_s, m_sim.baseUrl(), Kind::Api1, c.appId, {}, false};
    QVERIFY(mcdesk::testing::seedProfile(*m_profiles, *m_secrets, profile, c));
    auto d = makeDialog(profile);
    child<QRadioButton>(d.get(), u"authKindApi2"_s)->click();
    auto *secret = child<QLineEdit>(d.get(), u"clientSecret"_s);
    QVERIFY(secret->placeholderText().isEmpty()); // nothing stored to keep for API 2.0
    child<QLineEdit>(d.get(), u"clientId"_s)->setText(u"client"_s);
    child<QPushButton>(d.get(), u"saveButton"_s)->click();
    QVERIFY(child<QLabel>(d.get(), u"fieldError"_s)->text().startsWith(u"Client Secret"_s));
    secret->setText(u"new-secret"_s);
    child<QPushButton>(d.get(), u"saveButton"_s)->click();
    QTRY_COMPARE(d->result(), int(QDialog::Accepted));
    QCOMPARE(m_secrets->keys(), QStringList{PC::secretKey(u"Sim"_s, u"clientSecret"_s)});
    QCOMPARE(m_profiles->get(u"Sim"_s)->authKind, Kind::Api2);
}

void TestProfileDialog::noKeychainShowsFixAndSavesNothing()
{
    m_secrets->setSimulateNoKeychain(true);
    auto d = makeDialog();
    child<QLineEdit>(d.get(), u"profileName"_s)->setText(u"Sim"_s);
    chooseCustomHost(*d, m_sim.baseUrl().toString());
    fillApi1(*d, sim::demoCredentials());
    child<QPushButton>(d.get(), u"saveButton"_s)->click();
    auto *error = child<QLabel>(d.get(), u"fieldError"_s);
    QTRY_VERIFY(error->text().contains(u"No keychain answered"_s));
    QVERIFY(error->text().contains(u"gnome-keyring-daemon"_s)); // how to fix it
    QVERIFY(error->text().contains(u"not saved"_s));
    QVERIFY(error->isVisible());
    QVERIFY(child<QPushButton>(d.get(), u"saveButton"_s)->isEnabled());
    QVERIFY(d->isVisible());
    QVERIFY(m_profiles->names().isEmpty());
    QVERIFY(!iniText().contains(sim::demoCredentials().secretKey));
    m_secrets->setSimulateNoKeychain(false);
    QVERIFY(m_secrets->keys().isEmpty());
}

void TestProfileDialog::escapeCancelsAndEnterSaves()
{
    auto d = makeDialog();
    auto *name = child<QLineEdit>(d.get(), u"profileName"_s);
    name->setFocus();
    QTest::keyClick(name, Qt::Key_Return); // Enter = Save: validation runs and names the field
    QVERIFY(child<QLabel>(d.get(), u"fieldError"_s)->text().startsWith(u"Name:"_s));
    QVERIFY(d->isVisible());
    QTest::keyClick(name, Qt::Key_Escape);
    QCOMPARE(d->result(), int(QDialog::Rejected));
    QVERIFY(!d->isVisible());
    QVERIFY(m_profiles->names().isEmpty());
    // Every labelled field is reachable with its mnemonic.
    const auto labels = d->findChildren<QLabel *>();
    int buddies = 0;
    for (const QLabel *label : labels)
        buddies += label->buddy() && label->text().contains(u'&') ? 1 : 0;
    QCOMPARE(buddies, 11); // name, bulk writes, region, e-mail, custom host, six credentials
}

QTEST_MAIN(TestProfileDialog)
#include "test_profile_dialog.moc"
