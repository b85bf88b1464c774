#include "core/secrets/keychainsecretstore.h"

#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace mcdesk::secrets {

namespace {
Q_LOGGING_CATEGORY(lcSecrets, "mcdesk.secrets")

QString verb(KeychainSecretStore::Operation operation)
{
    switch (operation) {
    case KeychainSecretStore::Operation::Read:
        return u"read"_s;
    case KeychainSecretStore::Operation::Write:
        return u"store"_s;
    case KeychainSecretStore::Operation::Delete:
        break;
    }
    return u"delete"_s;
}

// libsecret reports "no Secret Service on the bus" as a generic error, so the text decides.
bool meansNoKeychain(const QString &errorString)
{
    static const QString markers[] = {
        u"d-bus"_s,
        u"dbus"_s,
        u"autolaunch"_s,
        u"freedesktop"_s,
        u"could not connect"_s,
        u"service files"_s,
        u"serviceunknown"_s,
        u"kwallet"_s,
        u"no such secret collection"_s,
    };
    for (const QString &marker : markers) {
        if (errorString.contains(marker, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, std::chrono::milliseconds watchdog,
                                         QObject *parent)
    : SecretStore(parent)
    , m_service(service)
    , m_watchdogInterval(watchdog)
{
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(m_watchdogInterval);
    connect(&m_watchdog, &QTimer::timeout, this, &KeychainSecretStore::onWatchdog);
}

// Running QtKeychain jobs are not ours to delete (see the class comment); their finished
// connection dies with this object, and they delete themselves when they finish.
KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::keychainKey(const QString &key) const
{
    return m_service + u':' + key;
}

int KeychainSecretStore::pendingJobs() const
{
    return int(m_queue.size()) + (m_busy ? 1 : 0);
}

void KeychainSecretStore::readSecret(const QString &key, SecretCallback callback)
{
    enqueue({Operation::Read, key, {}, std::move(callback)});
}

void KeychainSecretStore::writeSecret(const QString &key, const QString &value,
                                      SecretCallback callback)
{
    enqueue({Operation::Write, key, value, std::move(callback)});
}

void KeychainSecretStore::deleteSecret(const QString &key, SecretCallback callback)
{
    enqueue({Operation::Delete, key, {}, std::move(callback)});
}

void KeychainSecretStore::enqueue(Job job)
{
    if (job.key.isEmpty()) {
        deliver(std::move(job.callback), {SecretResult::Status::Failed,
                                          {},
                                          u"Cannot use a keychain entry with an empty key."_s});
        return;
    }
    m_queue.enqueue(std::move(job));
    scheduleNext();
}

void KeychainSecretStore::scheduleNext()
{
    if (m_busy || m_scheduled || m_queue.isEmpty())
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, &KeychainSecretStore::startNext);
}

void KeychainSecretStore::startNext()
{
    m_scheduled = false;
    if (m_busy || m_queue.isEmpty())
        return;
    m_running = m_queue.dequeue();
    m_busy = true;
    const quint64 serial = ++m_serial;
    qCDebug(lcSecrets) << "keychain" << verb(m_running.operation) << m_running.key;
    m_watchdog.start();
    startBackendJob(serial, m_running.operation, keychainKey(m_running.key), m_running.value);
}

void KeychainSecretStore::startBackendJob(quint64 serial, Operation operation,
                                          const QString &keychainKey, const QString &value)
{
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(value);
        job = write;
        break;
    }
    case Operation::Delete:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // No parent: a hung job must outlive us (libsecret holds a raw pointer to it).
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keychainKey);
    const QString key = m_running.key;
    connect(job, &QKeychain::Job::finished, this,
            [this, serial, operation, key](QKeychain::Job *finished) {
                SecretResult result =
                    mapKeychainError(operation, finished->error(), finished->errorString(), key);
                if (result.ok() && operation == Operation::Read)
                    result.value = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
                backendFinished(serial, std::move(result));
            });
    job->start();
}

void KeychainSecretStore::backendFinished(quint64 serial, SecretResult result)
{
    if (!m_busy || serial != m_serial) {
        qCDebug(lcSecrets) << "ignoring a late keychain answer for job" << serial;
        return;
    }
    m_watchdog.stop();
    finishRunning(std::move(result));
}

void KeychainSecretStore::onWatchdog()
{
    if (!m_busy)
        return;
    const QString seconds = QString::number(double(m_watchdogInterval.count()) / 1000.0);
    qCWarning(lcSecrets) << "keychain did not answer within" << seconds << "s; abandoning"
                         << verb(m_running.operation) << m_running.key;
    finishRunning(
        {SecretResult::Status::TimedOut,
         {},
         u"The keychain did not answer within %1 s when asked to %2 \u201c%3\u201d. It may be "
         u"waiting for an unlock prompt that cannot be shown; unlock GNOME Keyring or KWallet "
         u"(on a headless machine run inside `dbus-run-session` after "
         u"`gnome-keyring-daemon --unlock`) and try again."_s.arg(
             seconds, verb(m_running.operation), m_running.key)});
}

void KeychainSecretStore::finishRunning(SecretResult result)
{
    SecretCallback callback = std::move(m_running.callback);
    m_running = Job{};
    m_busy = false;
    deliver(std::move(callback), std::move(result));
    scheduleNext();
}

SecretResult KeychainSecretStore::mapKeychainError(Operation operation, int keychainError,
                                                   const QString &errorString, const QString &key)
{
    using Status = SecretResult::Status;
    const QString what =
        u"Could not %1 the keychain entry \u201c%2\u201d"_s.arg(verb(operation), key);
    const QString detail = errorString.isEmpty() ? u"no details given"_s : errorString;
    switch (keychainError) {
    case QKeychain::NoError:
        return {Status::Ok, {}, {}};
    case QKeychain::EntryNotFound:
        if (operation == Operation::Delete)
            return {Status::Ok, {}, {}}; // already gone: that is what the caller wanted
        return {Status::NotFound, {}, u"The keychain has no entry \u201c%1\u201d."_s.arg(key)};
    case QKeychain::NoBackendAvailable:
        return {Status::NoKeychain, {}, noKeychainMessage(errorString)};
    case QKeychain::AccessDeniedByUser:
        return {Status::Failed,
                {},
                what + u": access was denied at the keychain prompt. Allow access and try "
                       u"again."_s};
    case QKeychain::AccessDenied:
    case QKeychain::OtherError:
        if (meansNoKeychain(errorString))
            return {Status::NoKeychain, {}, noKeychainMessage(errorString)};
        return {Status::Failed,
                {},
                what + u": "_s + detail +
                    u". If the keychain is locked, unlock it (GNOME Keyring or KWallet) and "
                    u"try again."_s};
    default:
        break;
    }
    return {Status::Failed, {}, what + u": "_s + detail + u'.'};
}

} // namespace mcdesk::secrets
