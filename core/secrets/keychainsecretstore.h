#pragma once

#include "core/secrets/secretstore.h"

#include <QQueue>
#include <QTimer>

#include <chrono>

namespace mcdesk::secrets {

// SecretStore over the OS keychain (QtKeychain: Secret Service/KWallet, macOS Keychain,
// Windows Credential Manager). There is no plaintext fallback: when no keychain answers the
// operation fails with Status::NoKeychain and a message that says how to fix it.
//
// Jobs run one at a time from a serial queue; the next job is started from the event loop
// (QTimer::singleShot(0)), never from inside another job's finished signal. Each job has a
// watchdog: if the keychain does not answer in time the job fails with Status::TimedOut and
// the queue moves on. A job that timed out is abandoned rather than deleted, because the
// libsecret backend keeps a raw pointer to it until it answers; it deletes itself if it ever
// does, and its late answer is ignored.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    enum class Operation { Read, Write, Delete };

    static constexpr std::chrono::milliseconds DefaultWatchdog{10000};

    explicit KeychainSecretStore(const QString &service = QStringLiteral("mcdesk"),
                                 std::chrono::milliseconds watchdog = DefaultWatchdog,
                                 QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    void readSecret(const QString &key, SecretCallback callback) override;
    void writeSecret(const QString &key, const QString &value, SecretCallback callback) override;
    void deleteSecret(const QString &key, SecretCallback callback) override;

    QString service() const { return m_service; }
    std::chrono::milliseconds watchdog() const { return m_watchdogInterval; }
    // The key as stored in the keychain: prefixed with the service, because Windows ignores
    // the service name and keys must be unique across applications.
    QString keychainKey(const QString &key) const;
    int pendingJobs() const;

    // Maps a QtKeychain outcome (`keychainError` is a QKeychain::Error value) to a result with
    // an analyst-facing message. `key` is the caller's key, named in the message.
    static SecretResult mapKeychainError(Operation operation, int keychainError,
                                         const QString &errorString, const QString &key);

protected:
    // Starts the backend operation for the running job. The default uses QtKeychain; tests
    // override it to simulate a keychain that answers late or never. The override must call
    // backendFinished(serial, ...) at most once, from any point including its own call.
    virtual void startBackendJob(quint64 serial, Operation operation, const QString &keychainKey,
                                 const QString &value);
    void backendFinished(quint64 serial, SecretResult result);

private:
    struct Job
    {
        Operation operation;
        QString key;
        QString value;
        SecretCallback callback;
    };

    void enqueue(Job job);
    void scheduleNext();
    void startNext();
    void onWatchdog();
    void finishRunning(SecretResult result);

    QString m_service;
    std::chrono::milliseconds m_watchdogInterval;
    QTimer m_watchdog;
    QQueue<Job> m_queue;
    Job m_running{};
    bool m_busy = false;
    bool m_scheduled = false;
    quint64 m_serial = 0;
};

} // namespace mcdesk::secrets
