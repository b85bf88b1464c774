#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace mcdesk::secrets {

// The outcome of one keychain operation. `message` is a sentence for the analyst when the
// status is not Ok; it names the key and the problem but never contains the secret itself.
struct SecretResult
{
    enum class Status { Ok, NotFound, NoKeychain, TimedOut, Failed };
    Status status = Status::Failed;
    QString value; // the secret, for a successful read only
    QString message;

    bool ok() const { return status == Status::Ok; }
};

using SecretCallback = std::function<void(const SecretResult &)>;

// Asynchronous access to secrets by key. Every callback is invoked exactly once, always from
// the event loop (queued), never from inside the call that started the operation. Callbacks
// still pending when the store is destroyed are dropped, never invoked afterwards.
// Deleting a key that does not exist succeeds (the entry is gone either way).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~SecretStore() override;

    virtual void readSecret(const QString &key, SecretCallback callback) = 0;
    virtual void writeSecret(const QString &key, const QString &value, SecretCallback callback) = 0;
    virtual void deleteSecret(const QString &key, SecretCallback callback) = 0;

    // The analyst-facing explanation for Status::NoKeychain, with the fix; `detail` is the
    // backend's own error text (appended when not empty).
    static QString noKeychainMessage(const QString &detail = {});
    static QString statusName(SecretResult::Status status);

protected:
    // Queues `callback(result)` on this object's thread; dropped if this store dies first.
    void deliver(SecretCallback callback, SecretResult result);
};

} // namespace mcdesk::secrets
