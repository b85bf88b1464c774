#pragma once

#include "core/secrets/secretstore.h"

#include <QHash>
#include <QStringList>

namespace mcdesk::secrets {

// An in-memory SecretStore for tests and for the demo mode. It behaves like the keychain
// store (queued callbacks, delete of a missing key succeeds) and can pretend that no keychain
// is available, so callers' error paths can be tested without D-Bus.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr);

    void readSecret(const QString &key, SecretCallback callback) override;
    void writeSecret(const QString &key, const QString &value, SecretCallback callback) override;
    void deleteSecret(const QString &key, SecretCallback callback) override;

    // While set, every operation fails with Status::NoKeychain and leaves the contents alone.
    void setSimulateNoKeychain(bool on) { m_noKeychain = on; }
    bool simulatesNoKeychain() const { return m_noKeychain; }

    // Synchronous inspection for tests.
    bool contains(const QString &key) const { return m_secrets.contains(key); }
    QString value(const QString &key) const { return m_secrets.value(key); }
    QStringList keys() const;
    int operationCount() const { return m_operations; }

private:
    bool refuse(const SecretCallback &callback);

    QHash<QString, QString> m_secrets;
    bool m_noKeychain = false;
    int m_operations = 0;
};

} // namespace mcdesk::secrets
