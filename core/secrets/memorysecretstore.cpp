#include "core/secrets/memorysecretstore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::secrets {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{}

QStringList MemorySecretStore::keys() const
{
    QStringList result = m_secrets.keys();
    std::sort(result.begin(), result.end());
    return result;
}

bool MemorySecretStore::refuse(const SecretCallback &callback)
{
    ++m_operations;
    if (!m_noKeychain)
        return false;
    deliver(callback, {SecretResult::Status::NoKeychain,
                       {},
                       noKeychainMessage(u"simulated: no keychain service"_s)});
    return true;
}

void MemorySecretStore::readSecret(const QString &key, SecretCallback callback)
{
    if (refuse(callback))
        return;
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.constEnd()) {
        deliver(std::move(callback), {SecretResult::Status::NotFound,
                                      {},
                                      u"The keychain has no entry \u201c%1\u201d."_s.arg(key)});
        return;
    }
    deliver(std::move(callback), {SecretResult::Status::Ok, it.value(), {}});
}

void MemorySecretStore::writeSecret(const QString &key, const QString &value,
                                    SecretCallback callback)
{
    if (refuse(callback))
        return;
    if (key.isEmpty()) {
        deliver(std::move(callback),
                {SecretResult::Status::Failed, {}, u"Cannot store a secret under an empty key."_s});
        return;
    }
    m_secrets.insert(key, value);
    deliver(std::move(callback), {SecretResult::Status::Ok, {}, {}});
}

void MemorySecretStore::deleteSecret(const QString &key, SecretCallback callback)
{
    if (refuse(callback))
        return;
    m_secrets.remove(key);
    deliver(std::move(callback), {SecretResult::Status::Ok, {}, {}});
}

} // namespace mcdesk::secrets
