#pragma once

#include "core/common/latestrequest.h"
#include "core/simulator/simulatorhost.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace mcdesk::secrets {
class ProfileStore;
class SecretStore;
} // namespace mcdesk::secrets

namespace mcdesk::ui {

class Session;

// Chooses what the session is connected to: a stored profile (identifiers from QSettings,
// secrets from the SecretStore) or the demo (the in-process simulator with public demo
// credentials, held only in memory). Loading secrets is asynchronous; a newer choice
// supersedes an older one that is still loading.
class ConnectionController : public QObject
{
    Q_OBJECT
public:
    // The profile name the audit log records for the demo, as mcdesk-cli --demo does.
    static QString demoProfileName();

    ConnectionController(Session *session, QSettings *settings, secrets::SecretStore *secrets,
                         QObject *parent = nullptr);
    ~ConnectionController() override;

    secrets::ProfileStore *profiles() const { return m_profiles.get(); }
    secrets::SecretStore *secretStore() const { return m_secrets; }
    QStringList profileNames() const;

    bool isDemoRunning() const { return m_simulator != nullptr; }
    sim::SimulatorHost *simulator() const { return m_simulator.get(); }
    bool isDemoActive() const { return m_demoActive; }
    QString activeProfile() const { return m_active; } // empty when nothing is chosen

    // The demo simulator's data sizes and latency (default 80 ms, like the real service).
    // Takes effect when the demo starts.
    void setDemoConfig(const sim::SimConfig &config) { m_demoConfig = config; }
    const sim::SimConfig &demoConfig() const { return m_demoConfig; }
    static sim::SimConfig defaultDemoConfig();
    // Starts the simulator (once; later calls reconnect to the running one) and connects the
    // session to it. On failure returns false with the reason in `error`.
    bool startDemo(QString *error = nullptr);
    // Connects to a stored profile: loads its secrets, then configures and pings.
    void activate(const QString &name);
    // Call after profiles were added, edited, renamed or removed elsewhere.
    void notifyProfilesChanged();

signals:
    void profilesChanged();
    void activeChanged();

private:
    void setActive(const QString &name, bool demo);

    Session *m_session;
    secrets::SecretStore *m_secrets;
    std::unique_ptr<secrets::ProfileStore> m_profiles;
    std::unique_ptr<sim::SimulatorHost> m_simulator;
    QString m_active;
    bool m_demoActive = false;
    common::LatestRequest m_choice; // the newest connection choice wins over pending secrets
    sim::SimConfig m_demoConfig = defaultDemoConfig();
};

} // namespace mcdesk::ui
