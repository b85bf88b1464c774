#include "ui/shell/connectioncontroller.h"

#include "core/api/apiclient.h"
#include "core/secrets/profilecredentials.h"
#include "core/secrets/profilestore.h"
#include "core/simulator/simulatorhost.h"
#include "ui/common/uilogging.h"
#include "ui/shell/session.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

QString ConnectionController::demoProfileName()
{
    return u"demo"_s;
}

sim::SimConfig ConnectionController::defaultDemoConfig()
{
    sim::SimConfig config;
    config.latencyMs = 80;
    return config;
}

ConnectionController::ConnectionController(Session *session, QSettings *settings,
                                           secrets::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_secrets(secrets)
    , m_profiles(std::make_unique<secrets::ProfileStore>(settings))
{}

ConnectionController::~ConnectionController() = default;

QStringList ConnectionController::profileNames() const
{
    return m_profiles->names();
}

bool ConnectionController::startDemo(QString *error)
{
    if (!m_simulator) {
        auto simulator = std::make_unique<sim::SimulatorHost>(m_demoConfig);
        QString why;
        if (!simulator->start(0, &why)) {
            if (error)
                *error = tr("The built-in simulator could not start: %1").arg(why);
            return false;
        }
        qCInfo(lcUi) << "demo simulator listening on" << simulator->baseUrl().toString();
        m_simulator = std::move(simulator);
    }
    m_choice.next();
    setActive(demoProfileName(), true);
    const QString problem = m_session->connectTo(demoProfileName(), m_simulator->baseUrl(),
                                                 sim::demoCredentials(), api::ClientOptions());
    if (!problem.isEmpty() && error)
        *error = problem;
    return problem.isEmpty();
}

void ConnectionController::activate(const QString &name)
{
    const common::LatestRequest::Ticket ticket = m_choice.next();
    ConnectionStatus status;
    status.profile = name;
    const std::optional<secrets::Profile> profile = m_profiles->get(name);
    if (!profile) {
        status.state = ConnectionStatus::State::Failed;
        status.error = {api::ApiError::Kind::InvalidInput, 0, u"mcdesk_no_profile"_s,
                        tr("There is no connection called \"%1\".").arg(name), false};
        m_session->disconnectClient(status);
        m_session->reportApiError(tr("Cannot switch connection."), status.error);
        return;
    }
    setActive(name, false);
    status.state = ConnectionStatus::State::Checking;
    m_session->disconnectClient(status);
    QPointer<ConnectionController> self(this);
    secrets::ProfileCredentials::loadCredentials(
        *m_secrets, *profile,
        [self, ticket, profile](const secrets::ProfileCredentials::LoadResult &result) {
            if (!self || !self->m_choice.isCurrent(ticket))
                return; // a newer choice was made meanwhile
            if (!result.ok) {
                ConnectionStatus failed;
                failed.profile = profile->name;
                failed.state = ConnectionStatus::State::Failed;
                failed.error = {api::ApiError::Kind::Authentication, 0,
                                u"mcdesk_keychain_"_s +
                                    secrets::SecretStore::statusName(result.status).toLower(),
                                result.error, false};
                self->m_session->disconnectClient(failed);
                self->m_session->reportApiError(
                    tr("Could not load the secrets of \"%1\".").arg(profile->name), failed.error);
                return;
            }
            api::ClientOptions options;
            options.allowCustomHost = profile->allowCustomHost;
            options.batchesInFlight = profile->batchesInFlight;
            const QString problem = self->m_session->connectTo(profile->name, profile->baseUrl,
                                                               result.credentials, options);
            if (!problem.isEmpty())
                self->m_session->reportError(
                    tr("The connection \"%1\" cannot be used: %2").arg(profile->name, problem));
            else
                self->m_profiles->setLastUsed(profile->name);
        });
}

void ConnectionController::notifyProfilesChanged()
{
    emit profilesChanged();
    // The active profile may have been renamed or deleted.
    if (!m_demoActive && !m_active.isEmpty() && !m_profiles->contains(m_active)) {
        m_active.clear();
        m_session->disconnectClient({});
        emit activeChanged();
    }
}

void ConnectionController::setActive(const QString &name, bool demo)
{
    if (name == m_active && demo == m_demoActive)
        return;
    m_active = name;
    m_demoActive = demo;
    emit activeChanged();
}

} // namespace mcdesk::ui
