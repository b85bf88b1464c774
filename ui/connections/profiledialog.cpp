#include "ui/connections/profiledialog.h"

#include "core/secrets/profilecredentials.h"
#include "core/secrets/secretstore.h"
#include "ui/connections/hostpicker.h"
#include "ui/connections/inlineerror.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
using Kind = api::Credentials::Kind;
namespace PC = secrets::ProfileCredentials;

QLineEdit *lineEdit(QWidget *parent, const QString &objectName, bool secret)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    if (secret) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                  Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    }
    return edit;
}

// Labels of separate group boxes line up only when they share one width.
void alignLabels(const QList<QFormLayout *> &forms)
{
    QList<QWidget *> labels;
    int width = 0;
    for (QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
                item && item->widget()) {
                labels.append(item->widget());
                width = qMax(width, item->widget()->sizeHint().width());
            }
        }
    }
    for (QWidget *label : labels)
        label->setMinimumWidth(width);
}
} // namespace

ProfileDialog::ProfileDialog(secrets::ProfileStore *profiles, secrets::SecretStore *secrets,
                             std::optional<secrets::Profile> existing, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_existing(std::move(existing))
{
    buildForm();
    loadExisting();
    applyKind();
}

ProfileDialog::~ProfileDialog() = default;

QString *ProfileDialog::secretField(api::Credentials &c, const QString &field)
{
    if (field == u"appKey"_s)
        return &c.appKey;
    if (field == u"accessKey"_s)
        return &c.accessKey;
    if (field == u"secretKey"_s)
        return &c.secretKey;
    return &c.clientSecret;
}

void ProfileDialog::buildForm()
{
    setWindowTitle(m_existing ? tr("Edit Connection") : tr("Add Mimecast Connection"));
    setMinimumWidth(640);
    auto *layout = new QVBoxLayout(this);

    auto *connectionBox = new QGroupBox(tr("Connection"), this);
    auto *connectionForm = new QFormLayout(connectionBox);
    m_name = lineEdit(this, u"profileName"_s, false);
    m_name->setPlaceholderText(tr("e.g. Production EU"));
    connectionForm->addRow(tr("&Name:"), m_name);
    m_api2 = new QRadioButton(tr("API &2.0 (recommended)"), this);
    m_api2->setObjectName(u"authKindApi2"_s);
    m_api2->setToolTip(tr("Client ID and Client Secret, OAuth 2.0 client credentials."));
    m_api1 = new QRadioButton(tr("API &1.0 (legacy)"), this);
    m_api1->setObjectName(u"authKindApi1"_s);
    m_api1->setToolTip(tr("Application ID and Key, Access Key and Secret Key, HMAC-signed."));
    auto *api1Note =
        new QLabel(tr("Mimecast stopped creating new API 1.0 applications in mid-2025."), this);
    api1Note->setObjectName(u"api1Note"_s);
    api1Note->setWordWrap(true);
    api1Note->setForegroundRole(QPalette::PlaceholderText); // a quiet hint, in any theme
    auto *kinds = new QButtonGroup(this);
    kinds->addButton(m_api2);
    kinds->addButton(m_api1);
    m_api2->setChecked(true);
    auto *kindWidget = new QWidget(this);
    auto *kindLayout = new QGridLayout(kindWidget);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    kindLayout->setVerticalSpacing(2);
    kindLayout->addWidget(m_api2, 0, 0);
    kindLayout->addWidget(m_api1, 0, 1);
    kindLayout->setColumnStretch(2, 1);
    kindLayout->addWidget(api1Note, 1, 0, 1, 3);
    connectionForm->addRow(tr("Authentication:"), kindWidget);
    m_batchesInFlight = new QSpinBox(this);
    m_batchesInFlight->setObjectName(u"batchesInFlight"_s);
    m_batchesInFlight->setRange(1, 8);
    m_batchesInFlight->setValue(secrets::Profile().batchesInFlight);
    m_batchesInFlight->setSuffix(tr(" batches in flight"));
    m_batchesInFlight->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // a number
    m_batchesInFlight->setToolTip(
        tr("How many batches of a bulk release, reject or permit this connection sends at once. "
           "After Mimecast's rate limit it drops to 1 and climbs back by itself."));
    connectionForm->addRow(tr("&Bulk writes:"), m_batchesInFlight);
    layout->addWidget(connectionBox);

    m_host = new HostPicker(this);
    layout->addWidget(m_host);

    auto *credentialsBox = new QGroupBox(tr("Credentials"), this);
    m_credentialsForm = new QFormLayout(credentialsBox);
    m_clientId = lineEdit(this, u"clientId"_s, false);
    m_clientSecret = lineEdit(this, u"clientSecret"_s, true);
    m_appId = lineEdit(this, u"appId"_s, false);
    m_appKey = lineEdit(this, u"appKey"_s, true);
    m_accessKey = lineEdit(this, u"accessKey"_s, true);
    m_secretKey = lineEdit(this, u"secretKey"_s, true);
    m_showSecrets = new QCheckBox(tr("Sho&w secrets"), this);
    m_showSecrets->setObjectName(u"showSecrets"_s);
    m_credentialsForm->addRow(tr("Client &ID:"), m_clientId);
    m_credentialsForm->addRow(tr("Client s&ecret:"), m_clientSecret);
    m_credentialsForm->addRow(tr("&Application ID:"), m_appId);
    m_credentialsForm->addRow(tr("Application &key:"), m_appKey);
    m_credentialsForm->addRow(tr("Access ke&y:"), m_accessKey);
    m_credentialsForm->addRow(tr("Se&cret key:"), m_secretKey);
    auto *keychainNote = new QLabel(tr("Stored only in the system keychain."), this);
    keychainNote->setForegroundRole(QPalette::PlaceholderText);
    auto *showRow = new QWidget(this);
    auto *showLayout = new QHBoxLayout(showRow);
    showLayout->setContentsMargins(0, 0, 0, 0);
    showLayout->addWidget(m_showSecrets);
    showLayout->addStretch(1);
    showLayout->addWidget(keychainNote);
    m_credentialsForm->addRow(static_cast<QWidget *>(nullptr), showRow);
    layout->addWidget(credentialsBox);

    m_testButton = new QPushButton(tr("&Test Connection"), this);
    m_testButton->setObjectName(u"testConnectionButton"_s);
    m_testButton->setAutoDefault(false);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setTextFormat(Qt::PlainText); // account names and errors come from the server
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setText(tr("Checks the host and credentials without saving them."));
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);
    layout->addLayout(testRow);

    auto *errorSlot = new QVBoxLayout;
    layout->addLayout(errorSlot);
    auto *fieldError = new QLabel(this);
    fieldError->setObjectName(u"fieldError"_s);
    m_error = std::make_unique<InlineError>(fieldError, errorSlot);

    layout->addStretch(1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_saveButton = m_buttons->button(QDialogButtonBox::Save);
    m_saveButton->setObjectName(u"saveButton"_s);
    m_saveButton->setText(tr("&Save"));
    m_saveButton->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    layout->addWidget(m_buttons);

    alignLabels({connectionForm, m_host->form(), m_credentialsForm});

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    connect(m_api1, &QRadioButton::toggled, this, &ProfileDialog::applyKind);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    connect(m_appId, &QLineEdit::textChanged, m_host, &HostPicker::setDiscoveryAppId);
    connect(m_showSecrets, &QCheckBox::toggled, this, [this](bool show) {
        for (QLineEdit *edit : {m_clientSecret, m_appKey, m_accessKey, m_secretKey})
            edit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });

    QList<QWidget *> order{m_name, m_api2, m_api1, m_batchesInFlight};
    order += m_host->focusChain();
    order += {m_clientId,    m_clientSecret,
              m_appId,       m_appKey,
              m_accessKey,   m_secretKey,
              m_showSecrets, m_testButton,
              m_saveButton,  m_buttons->button(QDialogButtonBox::Cancel)};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void ProfileDialog::loadExisting()
{
    if (!m_existing)
        return;
    const secrets::Profile &p = *m_existing;
    setWindowTitle(tr("Edit Connection \u201c%1\u201d").arg(p.name));
    m_name->setText(p.name);
    m_name->setReadOnly(true); // renaming moves keychain entries: the Connections list does it
    m_name->setToolTip(tr("Use Rename in the connections list to change the name."));
    (p.authKind == Kind::Api1 ? m_api1 : m_api2)->setChecked(true);
    m_host->setAuthKind(p.authKind);
    m_host->setProfileHost(p.baseUrl, p.allowCustomHost);
    m_appId->setText(p.appId);
    m_clientId->setText(p.clientId);
    m_batchesInFlight->setValue(p.batchesInFlight);
}

void ProfileDialog::setDiscoveryBaseUrl(const QUrl &url)
{
    m_host->setDiscoveryBaseUrl(url);
}

Kind ProfileDialog::kind() const
{
    return m_api1->isChecked() ? Kind::Api1 : Kind::Api2;
}

void ProfileDialog::applyKind()
{
    const bool api1 = kind() == Kind::Api1;
    m_error->clear();
    for (QLineEdit *edit : {m_clientId, m_clientSecret})
        m_credentialsForm->setRowVisible(edit, !api1);
    for (QLineEdit *edit : {m_appId, m_appKey, m_accessKey, m_secretKey})
        m_credentialsForm->setRowVisible(edit, api1);
    m_host->setAuthKind(kind());
    // Stored secrets exist only for the profile's saved kind; the other kind needs them typed.
    const bool keep = m_existing && m_existing->authKind == kind();
    for (QLineEdit *edit : {m_clientSecret, m_appKey, m_accessKey, m_secretKey})
        edit->setPlaceholderText(keep ? tr("unchanged \u2014 leave empty to keep") : QString());
}

api::Credentials ProfileDialog::typedCredentials() const
{
    api::Credentials c;
    c.kind = kind();
    if (c.kind == Kind::Api1) {
        c.appId = m_appId->text().trimmed();
        c.appKey = m_appKey->text().trimmed();
        c.accessKey = m_accessKey->text().trimmed();
        c.secretKey = m_secretKey->text().trimmed();
    } else {
        c.clientId = m_clientId->text().trimmed();
        c.clientSecret = m_clientSecret->text().trimmed();
    }
    return c;
}

secrets::Profile ProfileDialog::profileFromForm() const
{
    secrets::Profile p;
    p.name = m_existing ? m_existing->name : m_name->text();
    p.baseUrl = m_host->baseUrl().adjusted(QUrl::StripTrailingSlash);
    p.authKind = kind();
    const api::Credentials c = typedCredentials();
    p.appId = c.appId;
    p.clientId = c.clientId;
    p.allowCustomHost = m_host->allowCustomHost();
    p.batchesInFlight = m_batchesInFlight->value();
    return p;
}

QStringList ProfileDialog::keptFields() const
{
    QStringList kept;
    if (!m_existing || m_existing->authKind != kind())
        return kept;
    api::Credentials typed = typedCredentials();
    for (const QString &field : PC::secretFields(kind())) {
        if (secretField(typed, field)->isEmpty())
            kept.append(field);
    }
    return kept;
}

QLineEdit *ProfileDialog::editForField(const QString &displayName) const
{
    // Keyed by the names Credentials::missingField() and ProfileCredentials use.
    const std::pair<const char *, QLineEdit *> edits[] = {
        {"Application ID", m_appId}, {"Application Key", m_appKey},
        {"Access Key", m_accessKey}, {"Secret Key", m_secretKey},
        {"Client ID", m_clientId},   {"Client Secret", m_clientSecret},
        {"appKey", m_appKey},        {"accessKey", m_accessKey},
        {"secretKey", m_secretKey},  {"clientSecret", m_clientSecret}};
    for (const auto &[name, edit] : edits) {
        if (displayName == QLatin1StringView(name))
            return edit;
    }
    return nullptr;
}

bool ProfileDialog::validate(bool forSave)
{
    m_error->clear();
    if (forSave && !m_existing) {
        const QString name = m_name->text();
        QString why = secrets::ProfileStore::validateName(name);
        if (why.isEmpty() && m_profiles->contains(name))
            why = tr("A connection called \u201c%1\u201d already exists; choose another name.")
                      .arg(name);
        if (!why.isEmpty()) {
            m_error->showAt(m_name, tr("Name: %1").arg(why));
            return false;
        }
    }
    QWidget *hostField = nullptr;
    if (const QString problem = m_host->problem(&hostField); !problem.isEmpty()) {
        m_error->showAt(hostField, problem);
        return false;
    }
    // A field left empty to keep its stored value counts as present here; it is loaded later.
    api::Credentials probe = typedCredentials();
    for (const QString &field : keptFields())
        *secretField(probe, field) = u"(stored)"_s;
    if (const QString missing = probe.missingField(); !missing.isEmpty()) {
        m_error->showAt(editForField(missing),
                        tr("%1 is required for an API %2 connection.")
                            .arg(missing, probe.kind == Kind::Api1 ? u"1.0"_s : u"2.0"_s));
        return false;
    }
    const QString secretKey = m_secretKey->text().trimmed();
    if (probe.kind == Kind::Api1 && !secretKey.isEmpty() &&
        QByteArray::fromBase64Encoding(secretKey.toUtf8(), QByteArray::AbortOnBase64DecodingErrors)
                .decodingStatus != QByteArray::Base64DecodingStatus::Ok) {
        m_error->showAt(m_secretKey, tr("Secret Key is not valid base64: paste it exactly as "
                                        "Mimecast showed it."));
        return false;
    }
    return true;
}

} // namespace mcdesk::ui
