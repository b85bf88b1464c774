#include "core/secrets/secretstore.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace mcdesk::secrets {

SecretStore::~SecretStore() = default;

QString SecretStore::noKeychainMessage(const QString &detail)
{
    QString text =
        u"No keychain answered, so the secret could not be read or stored (nothing was saved "
        u"in plain text). Install and unlock GNOME Keyring or KWallet and try again; on a "
        u"headless machine run the program inside `dbus-run-session` after starting "
        u"`gnome-keyring-daemon --unlock`."_s;
    if (!detail.isEmpty())
        text += u" (Keychain said: "_s + detail + u")"_s;
    return text;
}

QString SecretStore::statusName(SecretResult::Status status)
{
    switch (status) {
    case SecretResult::Status::Ok:
        return u"ok"_s;
    case SecretResult::Status::NotFound:
        return u"not-found"_s;
    case SecretResult::Status::NoKeychain:
        return u"no-keychain"_s;
    case SecretResult::Status::TimedOut:
        return u"timed-out"_s;
    case SecretResult::Status::Failed:
        break;
    }
    return u"failed"_s;
}

void SecretStore::deliver(SecretCallback callback, SecretResult result)
{
    if (!callback)
        return;
    QMetaObject::invokeMethod(
        this, [callback = std::move(callback), result = std::move(result)] { callback(result); },
        Qt::QueuedConnection);
}

} // namespace mcdesk::secrets
