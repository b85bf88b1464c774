#pragma once

// Shared by the connection dialog tests: find widgets by objectName and seed stored profiles.

#include "core/secrets/memorysecretstore.h"
#include "core/secrets/profilecredentials.h"
#include "core/secrets/profilestore.h"

#include <QTest>
#include <QWidget>

namespace mcdesk::testing {

// The offscreen platform cannot apply a window's size hints and warns on every relayout of a
// shown dialog (real platforms apply them). Drop exactly that line so real warnings stand out;
// call it from initTestCase(), after QTest installed its own handler.
inline void silenceOffscreenSizeHintWarning()
{
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (message == QLatin1StringView("This plugin does not support propagateSizeHints()"))
                return;
            if (previous)
                previous(type, context, message);
        });
}

// The child called `name`; fails the test (returning nullptr) when there is none.
template<typename T> T *child(const QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

// Stores `credentials` for `profile` the way the dialog does, waiting for the keychain.
inline bool seedProfile(secrets::ProfileStore &profiles, secrets::MemorySecretStore &store,
                        const secrets::Profile &profile, const api::Credentials &credentials)
{
    bool done = false;
    bool ok = false;
    secrets::ProfileCredentials::saveSecrets(store, profile.name, credentials,
                                             [&](const secrets::ProfileCredentials::Outcome &o) {
                                                 ok = o.ok;
                                                 done = true;
                                             });
    if (!QTest::qWaitFor([&] { return done; }, 5000) || !ok)
        return false;
    return profiles.save(profile);
}

} // namespace mcdesk::testing
