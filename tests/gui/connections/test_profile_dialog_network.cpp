// ProfileDialog against the in-process simulator: Test connection and region discovery.

#include "core/account/regions.h"
#include "core/api/baseurlpolicy.h"
#include "core/simulator/simulatorhost.h"
#include "tests/gui/connections/dialogtestutil.h"
#include "ui/connections/profiledialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using mcdesk::testing::child;
using Kind = api::Credentials::Kind;

class TestProfileDialogNetwork : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void testConnectionShowsAccount_data();
    void testConnectionShowsAccount();
    void testConnectionWithWrongSecretShowsAuthFailure();
    void testConnectionWithInvalidFormSendsNothing();
    void testConnectionWhileEditingUsesStoredSecrets();
    void discoveryFillsHost();
    void discoveryReportsUnknownAddress();
    void discoveryChecksAddressBeforeSending();
    void knownHostsPassThePolicy();

private:
    std::unique_ptr<ui::ProfileDialog> makeDialog(std::optional<secrets::Profile> existing = {});
    void fill(ui::ProfileDialog &d, const api::Credentials &c);
    QString runTest(ui::ProfileDialog &d);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<secrets::ProfileStore> m_profiles;
    std::unique_ptr<secrets::MemorySecretStore> m_secrets;
    sim::SimulatorHost m_sim;
};

void TestProfileDialogNetwork::initTestCase()
{
    mcdesk::testing::silenceOffscreenSizeHintWarning();
    QVERIFY(m_sim.start());
}

void TestProfileDialogNetwork::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_profiles = std::make_unique<secrets::ProfileStore>(m_dir->filePath(u"mcdesk.ini"_s));
    m_secrets = std::make_unique<secrets::MemorySecretStore>();
    m_sim.clearRequests();
}

void TestProfileDialogNetwork::cleanup()
{
    m_profiles.reset();
    m_secrets.reset();
    m_dir.reset();
}

std::unique_ptr<ui::ProfileDialog>
TestProfileDialogNetwork::makeDialog(std::optional<secrets::Profile> existing)
{
    auto d = std::make_unique<ui::ProfileDialog>(m_profiles.get(), m_secrets.get(), existing);
    d->setDiscoveryBaseUrl(m_sim.baseUrl());
    d->show();
    return d;
}

void TestProfileDialogNetwork::fill(ui::ProfileDialog &d, const api::Credentials &c)
{
    auto *combo = child<QComboBox>(&d, u"regionCombo"_s);
    child<QRadioButton>(&d, c.kind == Kind::Api1 ? u"authKindApi1"_s : u"authKindApi2"_s)->click();
    combo->setCurrentIndex(combo->count() - 1);
    child<QLineEdit>(&d, u"customHostEdit"_s)->setText(m_sim.baseUrl().toString());
    const std::pair<QString, QString> fields[] = {
        {u"appId"_s, c.appId},         {u"appKey"_s, c.appKey},
        {u"accessKey"_s, c.accessKey}, {u"secretKey"_s, c.secretKey},
        {u"clientId"_s, c.clientId},   {u"clientSecret"_s, c.clientSecret}};
    for (const auto &[name, value] : fields)
        child<QLineEdit>(&d, name)->setText(value);
}

// Clicks Test connection and returns the result once the call has finished.
QString TestProfileDialogNetwork::runTest(ui::ProfileDialog &d)
{
    auto *button = child<QPushButton>(&d, u"testConnectionButton"_s);
    button->click();
    if (!QTest::qWaitFor([button] { return button->isEnabled(); }, 10000))
        return u"(still running)"_s;
    return child<QLabel>(&d, u"testResult"_s)->text();
}

void TestProfileDialogNetwork::testConnectionShowsAccount_data()
{
    QTest::addColumn<bool>("api1");
    QTest::newRow("API 1.0") << true;
    QTest::newRow("API 2.0") << false;
}

void TestProfileDialogNetwork::testConnectionShowsAccount()
{
    QFETCH(bool, api1);
    auto d = makeDialog();
    fill(*d, api1 ? sim::demoCredentials() : sim::demoOAuthCredentials());
    const QString result = runTest(*d);
    QVERIFY2(result.contains(u"Connected to Demo Corp (simulator)."_s), qPrintable(result));
    QVERIFY2(result.contains(u"Region: us"_s), qPrintable(result));
    QVERIFY(result.contains(u"Round trip: "_s));
    QVERIFY(result.contains(u"Clock skew: "_s));
    QCOMPARE(child<QLabel>(d.get(), u"testResult"_s)->textFormat(), Qt::PlainText);
    QCOMPARE(m_sim.requestCount(u"/api/account/get-account"_s), 1);
    // Testing saves nothing.
    QVERIFY(m_profiles->names().isEmpty());
    QCOMPARE(m_secrets->operationCount(), 0);
    QVERIFY(d->isVisible());
}

void TestProfileDialogNetwork::testConnectionWithWrongSecretShowsAuthFailure()
{
    api::Credentials c = sim::demoCredentials();
    c.secretKey = QString::fromUtf8(QByteArrayLiteral("not the right secret").toBase64());
    auto d = makeDialog();
    fill(*d, c);
    const QString result = runTest(*d);
    QVERIFY2(result.startsWith(u"Connection failed: "_s), qPrintable(result));
    QVERIFY2(result.contains(u"[err_xdk_invalid_signature]"_s), qPrintable(result)); // raw code
    QVERIFY(result.contains(u"(HTTP 401)"_s));

    api::Credentials oauth = sim::demoOAuthCredentials();
    oauth.clientSecret = u"wrong"_s;
    fill(*d, oauth);
    const QString second = runTest(*d);
    QVERIFY2(second.contains(u"[InvalidClientIdentifier]"_s), qPrintable(second));
}

void TestProfileDialogNetwork::testConnectionWithInvalidFormSendsNothing()
{
    auto d = makeDialog();
    fill(*d, sim::demoCredentials());
    child<QLineEdit>(d.get(), u"customHostEdit"_s)->setText(u"http://eu-api.mimecast.com"_s);
    child<QPushButton>(d.get(), u"testConnectionButton"_s)->click();
    QVERIFY(child<QLabel>(d.get(), u"testResult"_s)->text().startsWith(u"Nothing was sent"_s));
    QVERIFY(child<QLabel>(d.get(), u"fieldError"_s)->text().startsWith(u"Base URL"_s));
    QVERIFY(m_sim.requests().isEmpty());
}

void TestProfileDialogNetwork::testConnectionWhileEditingUsesStoredSecrets()
{
    const api::Credentials c = sim::demoCredentials();
    const secrets::Profile profile{u"Sim"_s, m_sim.baseUrl(), Kind::Api1, c.appId, {}, false};
    QVERIFY(mcdesk::testing::seedProfile(*m_profiles, *m_secrets, profile, c));
    auto d = makeDialog(profile);
    const QString result = runTest(*d); // every secret field empty: "unchanged"
    QVERIFY2(result.contains(u"Demo Corp (simulator)"_s), qPrintable(result));
}

void TestProfileDialogNetwork::discoveryFillsHost()
{
    auto d = makeDialog();
    child<QRadioButton>(d.get(), u"authKindApi1"_s)->click();
    auto *email = child<QLineEdit>(d.get(), u"discoverEmail"_s);
    email->setText(u"someone@demo.example"_s);
    QTest::keyClick(email, Qt::Key_Return); // Enter here discovers, and does not Save
    auto *combo = child<QComboBox>(d.get(), u"regionCombo"_s);
    QTRY_COMPARE(combo->currentData().toUrl(), m_sim.baseUrl());
    QVERIFY(d->isVisible());
    QVERIFY(child<QLabel>(d.get(), u"fieldError"_s)->text().isEmpty());
    const QString host = m_sim.baseUrl().host() + u':' + QString::number(m_sim.baseUrl().port());
    QCOMPARE(combo->currentText(), u"Discovered \u2014 "_s + host);
    auto *result = child<QLabel>(d.get(), u"discoverResult"_s);
    QVERIFY(result->isVisible());
    QVERIFY2(result->text().startsWith(u"Found "_s + host), qPrintable(result->text()));
    QCOMPARE(result->textFormat(), Qt::PlainText);
    QCOMPARE(m_sim.requestCount(u"/api/login/discover-authentication"_s), 1);

    // The discovered host survives a switch of kind and is what gets saved.
    child<QRadioButton>(d.get(), u"authKindApi2"_s)->click();
    QCOMPARE(combo->currentData().toUrl(), m_sim.baseUrl());
    child<QLineEdit>(d.get(), u"profileName"_s)->setText(u"Found"_s);
    child<QLineEdit>(d.get(), u"clientId"_s)->setText(u"client"_s);
    child<QLineEdit>(d.get(), u"clientSecret"_s)->setText(u"secret"_s);
    child<QPushButton>(d.get(), u"saveButton"_s)->click();
    QTRY_COMPARE(d->result(), int(QDialog::Accepted));
    QCOMPARE(m_profiles->get(u"Found"_s)->baseUrl, m_sim.baseUrl());
}

void TestProfileDialogNetwork::discoveryReportsUnknownAddress()
{
    auto d = makeDialog();
    auto *combo = child<QComboBox>(d.get(), u"regionCombo"_s);
    const QString before = combo->currentText();
    child<QLineEdit>(d.get(), u"discoverEmail"_s)->setText(u"someone@unknown.example"_s);
    child<QPushButton>(d.get(), u"discoverButton"_s)->click();
    auto *result = child<QLabel>(d.get(), u"discoverResult"_s);
    QTRY_VERIFY(result->text().startsWith(u"Discovery failed: "_s));
    QVERIFY2(result->text().contains(u"someone@unknown.example"_s), qPrintable(result->text()));
    QVERIFY(result->text().contains(u"[mcdesk_region_unknown]"_s));
    QCOMPARE(combo->currentText(), before);
}

void TestProfileDialogNetwork::discoveryChecksAddressBeforeSending()
{
    auto d = makeDialog();
    child<QLineEdit>(d.get(), u"discoverEmail"_s)->setText(u"not-an-address"_s);
    child<QPushButton>(d.get(), u"discoverButton"_s)->click();
    QVERIFY(child<QLabel>(d.get(), u"discoverResult"_s)->text().contains(u"Nothing was sent"_s));
    QVERIFY(m_sim.requests().isEmpty());
}

void TestProfileDialogNetwork::knownHostsPassThePolicy()
{
    QCOMPARE(account::Regions::all().size(), 12);
    for (const account::ApiHost &h : account::Regions::all()) {
        QVERIFY2(api::BaseUrlPolicy::check(h.url, false).isEmpty(), qPrintable(h.label));
        QVERIFY2(h.label.endsWith(u" \u2014 "_s + h.url.host()), qPrintable(h.label));
    }
    const auto eu = account::Regions::find(QUrl(u"https://EU-API.mimecast.com/"_s));
    QVERIFY(eu);
    QCOMPARE(eu->label, u"Europe (excl. Germany) \u2014 eu-api.mimecast.com"_s);
    QCOMPARE(eu->kind, Kind::Api1);
    QVERIFY(!account::Regions::find(QUrl(u"https://api.mimecast.com"_s))); // discovery only

    auto d = makeDialog(secrets::Profile{
        u"EU"_s, QUrl(u"https://eu-api.mimecast.com"_s), Kind::Api1, u"app"_s, {}, false});
    QCOMPARE(child<QComboBox>(d.get(), u"regionCombo"_s)->currentText(), eu->label);
    QVERIFY(!child<QLineEdit>(d.get(), u"customHostEdit"_s)->isVisible());
}

QTEST_MAIN(TestProfileDialogNetwork)
#include "test_profile_dialog_network.moc"
