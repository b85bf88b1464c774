// ProfileDialog's asynchronous work: loading kept secrets, Test connection and Save.

#include "ui/connections/profiledialog.h"

#include "core/account/account.h"
#include "core/api/apiclient.h"
#include "core/secrets/profilecredentials.h"
#include "core/secrets/secretstore.h"
#include "ui/connections/hostpicker.h"
#include "ui/connections/inlineerror.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScreen>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
namespace PC = secrets::ProfileCredentials;
using Status = secrets::SecretResult::Status;
} // namespace

void ProfileDialog::accept()
{
    if (m_busy || !validate(true))
        return;
    saveValidated();
}

void ProfileDialog::reject()
{
    m_closed = true;
    QDialog::reject();
}

bool ProfileDialog::event(QEvent *event)
{
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LayoutRequest && isVisible()) {
        // Wrapped text (errors, test results) needs more height than the layout's minimum size
        // promises. Grow so nothing is clipped, within the screen; never shrink what the
        // analyst sized.
        int needed = heightForWidth(width());
        if (const QScreen *s = screen())
            needed = qMin(needed, s->availableGeometry().height() - 40);
        if (needed > height())
            resize(width(), needed);
    }
    return handled;
}

void ProfileDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_saveButton->setEnabled(!busy);
    m_testButton->setEnabled(!busy);
}

// Calls `use` with the typed credentials, filling the fields left empty while editing from
// the keychain. On failure it shows the problem and never calls `use`.
void ProfileDialog::withCredentials(CredentialsCallback use)
{
    const api::Credentials typed = typedCredentials();
    const QStringList kept = keptFields();
    if (kept.isEmpty()) {
        use(typed);
        return;
    }
    setBusy(true);
    QPointer<ProfileDialog> self(this);
    PC::loadCredentials(
        *m_secrets, *m_existing, [self, typed, kept, use](const PC::LoadResult &loaded) {
            if (!self || self->m_closed)
                return;
            self->setBusy(false);
            if (!loaded.ok) {
                if (loaded.status == Status::NotFound)
                    self->m_error->showAt(self->editForField(kept.first()), loaded.error);
                else
                    self->m_error->showGeneral(loaded.error);
                return;
            }
            api::Credentials merged = typed;
            api::Credentials stored = loaded.credentials;
            for (const QString &field : kept)
                *secretField(merged, field) = *secretField(stored, field);
            use(merged);
        });
}

void ProfileDialog::testConnection()
{
    if (m_busy)
        return;
    m_testResult->setStyleSheet(QString());
    if (!validate(false)) {
        m_testResult->setText(tr("Nothing was sent: correct the field named below it."));
        return;
    }
    const QUrl baseUrl = profileFromForm().baseUrl;
    const bool allowCustomHost = m_host->allowCustomHost();
    withCredentials([this, baseUrl, allowCustomHost](const api::Credentials &credentials) {
        auto *client = new api::ApiClient(this);
        api::ClientOptions options;
        options.timeoutMs = 15000;
        options.maxReadRetries = 1; // a test should answer quickly, not retry for minutes
        options.allowCustomHost = allowCustomHost;
        if (const QString problem = client->configure(baseUrl, credentials, options);
            !problem.isEmpty()) {
            delete client;
            m_testResult->setStyleSheet(errorStyleSheet(this));
            m_testResult->setText(tr("Nothing was sent: %1").arg(problem));
            return;
        }
        setBusy(true);
        m_testResult->setText(tr("Testing the connection to %1\u2026").arg(baseUrl.host()));
        auto *ping = new account::GetAccount(client, client);
        connect(ping, &account::GetAccount::finished, this, [this, client, ping] {
            setBusy(false);
            client->deleteLater(); // also ends the temporary client's token and connections
            const api::ApiError &error = ping->error();
            if (error.isError()) {
                QString text = tr("Connection failed: %1").arg(error.describe());
                if (error.httpStatus > 0)
                    text += u' ' + tr("(HTTP %1)").arg(error.httpStatus);
                m_testResult->setStyleSheet(errorStyleSheet(this));
                m_testResult->setText(text);
                return;
            }
            const qint64 skew = ping->clockSkewSeconds();
            const QString region = ping->region().isEmpty() ? tr("not given") : ping->region();
            QString text =
                tr("Connected to %1.").arg(ping->accountName()) + u'\n' +
                tr("Region: %1 \u00b7 Round trip: %2 ms \u00b7 Clock skew: %3 s")
                    .arg(region)
                    .arg(ping->roundTripMs())
                    .arg(skew > 0 ? u'+' + QString::number(skew) : QString::number(skew));
            if (qAbs(skew) >= 60)
                text += u'\n' + tr("This computer's clock is more than a minute off; API 1.0 "
                                   "requests fail beyond 15 minutes. Set the clock "
                                   "automatically.");
            m_testResult->setText(text);
        });
        ping->start();
    });
}

void ProfileDialog::saveValidated()
{
    const secrets::Profile profile = profileFromForm();
    const bool isNew = !m_existing;
    withCredentials([this, profile, isNew](const api::Credentials &credentials) {
        setBusy(true);
        QPointer<ProfileDialog> self(this);
        secrets::SecretStore *store = m_secrets;
        PC::saveSecrets(
            *store, profile.name, credentials,
            [self, store, profile, isNew](const PC::Outcome &outcome) {
                if (!self || self->m_closed) {
                    // Cancelled while the keychain worked: leave no secrets without a profile.
                    if (isNew && outcome.ok)
                        PC::removeSecrets(*store, profile.name, [](const PC::Outcome &) {});
                    return;
                }
                self->setBusy(false);
                QString error;
                if (outcome.ok && self->m_profiles->save(profile, &error)) {
                    self->m_saved = profile;
                    self->QDialog::accept();
                    return;
                }
                // A new profile leaves no half-written secrets behind (best effort: a keychain
                // that is missing has stored nothing anyway).
                if (isNew)
                    PC::removeSecrets(*store, profile.name, [](const PC::Outcome &) {});
                self->m_error->showGeneral(
                    tr("The connection was not saved. %1").arg(outcome.ok ? error : outcome.error));
            });
    });
}

} // namespace mcdesk::ui
