#pragma once

#include "core/api/credentials.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

class QSettings;

namespace mcdesk::secrets {

// A named connection. Only non-secret fields live here (the Application ID and Client ID are
// identifiers); the keys and secrets go to the keychain through ProfileCredentials.
struct Profile
{
    QString name;
    QUrl baseUrl;
    api::Credentials::Kind authKind = api::Credentials::Kind::Api2;
    QString appId;
    QString clientId;
    bool allowCustomHost = false;
    int batchesInFlight = 4; // api::ClientOptions::batchesInFlight: bulk-write batches at once

    friend bool operator==(const Profile &a, const Profile &b)
    {
        return a.name == b.name && a.baseUrl == b.baseUrl && a.authKind == b.authKind &&
               a.appId == b.appId && a.clientId == b.clientId &&
               a.allowCustomHost == b.allowCustomHost && a.batchesInFlight == b.batchesInFlight;
    }
    friend bool operator!=(const Profile &a, const Profile &b) { return !(a == b); }
};

// Connection profiles in QSettings (group "profiles/<name>") plus the last used profile.
// Every change is synced to disk before the call returns; a failure is reported, not hidden.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings *settings); // not owned
    // The settings file the app and mcdesk-cli share (~/.config/mcdesk/mcdesk.ini on Linux):
    // written once here, so both always read the same profiles.
    static std::unique_ptr<QSettings> openDefaultSettings();
    explicit ProfileStore(const QString &iniPath);
    ~ProfileStore();
    ProfileStore(const ProfileStore &) = delete;
    ProfileStore &operator=(const ProfileStore &) = delete;

    QStringList names() const; // sorted
    QList<Profile> list() const;
    bool contains(const QString &name) const;
    std::optional<Profile> get(const QString &name) const;

    // Creates or updates the profile called `profile.name`.
    bool save(const Profile &profile, QString *error = nullptr);
    // Renames within settings only; move the secrets with ProfileCredentials::renameSecrets.
    bool rename(const QString &from, const QString &to, QString *error = nullptr);
    // Removes from settings only; remove the secrets with ProfileCredentials::removeSecrets.
    bool remove(const QString &name, QString *error = nullptr);

    QString lastUsed() const; // empty when unset or when that profile no longer exists
    bool setLastUsed(const QString &name, QString *error = nullptr);

    QString fileName() const;

    // Why `name` cannot be a profile name, or an empty string when it can. Names become part
    // of keychain keys and settings groups, so '/' and '\' and control characters are refused.
    static QString validateName(const QString &name);

private:
    bool sync(QString *error);
    void writeProfile(const Profile &profile);

    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings = nullptr;
};

} // namespace mcdesk::secrets
