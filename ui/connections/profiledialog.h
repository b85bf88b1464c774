#pragma once

#include "core/api/credentials.h"
#include "core/secrets/profilestore.h"

#include <QDialog>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace mcdesk::secrets {
class SecretStore;
}

namespace mcdesk::ui {

class HostPicker;
class InlineError;

// Adds or edits one Mimecast connection. The identifiers go to the ProfileStore, the keys and
// secrets only to the SecretStore (the OS keychain); nothing is stored or sent while the form
// is invalid, and when no keychain answers nothing is saved at all.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    ProfileDialog(secrets::ProfileStore *profiles, secrets::SecretStore *secrets,
                  std::optional<secrets::Profile> existing, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    secrets::Profile savedProfile() const { return m_saved; } // valid after accept()
    void setDiscoveryBaseUrl(const QUrl &url);                // tests point it at the simulator

    // Validates, stores the secrets and then the profile, and closes only when both worked.
    void accept() override;
    void reject() override;

protected:
    bool event(QEvent *event) override;

private:
    using CredentialsCallback = std::function<void(const api::Credentials &)>;

    // The member of `c` that holds a ProfileCredentials field (appKey, ..., clientSecret).
    static QString *secretField(api::Credentials &c, const QString &field);
    void buildForm();
    void loadExisting();
    void applyKind();
    api::Credentials::Kind kind() const;
    secrets::Profile profileFromForm() const;
    api::Credentials typedCredentials() const;
    QStringList keptFields() const;
    QLineEdit *editForField(const QString &displayName) const;
    bool validate(bool forSave);
    void withCredentials(CredentialsCallback use);
    void testConnection();
    void saveValidated();
    void setBusy(bool busy);

    secrets::ProfileStore *m_profiles;
    secrets::SecretStore *m_secrets;
    std::optional<secrets::Profile> m_existing;
    secrets::Profile m_saved;
    bool m_busy = false;
    bool m_closed = false; // pending keychain answers are ignored once the analyst cancelled

    QLineEdit *m_name = nullptr;
    QRadioButton *m_api2 = nullptr;
    QRadioButton *m_api1 = nullptr;
    QSpinBox *m_batchesInFlight = nullptr;
    HostPicker *m_host = nullptr;
    QFormLayout *m_credentialsForm = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_clientSecret = nullptr;
    QLineEdit *m_appId = nullptr;
    QLineEdit *m_appKey = nullptr;
    QLineEdit *m_accessKey = nullptr;
    QLineEdit *m_secretKey = nullptr;
    QCheckBox *m_showSecrets = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_saveButton = nullptr;
    std::unique_ptr<InlineError> m_error;
};

} // namespace mcdesk::ui
