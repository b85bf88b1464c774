#pragma once

#include "core/api/credentials.h"
#include "core/secrets/profilestore.h"
#include "core/secrets/secretstore.h"

#include <QStringList>

#include <functional>

namespace mcdesk::secrets {

// Keeps a profile's secrets in a SecretStore under "profile/<name>/<field>", where field is
// appKey, accessKey, secretKey (API 1.0) or clientSecret (API 2.0). All functions are
// asynchronous and call `done` exactly once, queued, unless the store is destroyed first.
namespace ProfileCredentials {

struct Outcome
{
    bool ok = false;
    SecretResult::Status status = SecretResult::Status::Failed; // of the first failure
    QString error; // analyst-facing, names the field and profile; never contains a secret
};
using DoneCallback = std::function<void(const Outcome &)>;

struct LoadResult
{
    bool ok = false;
    SecretResult::Status status = SecretResult::Status::Failed;
    api::Credentials credentials; // complete when ok
    QString error;
};
using LoadCallback = std::function<void(const LoadResult &)>;

QStringList secretFields(); // every field any kind may store
QStringList secretFields(api::Credentials::Kind kind);
QString secretKey(const QString &profileName, const QString &field);

// Writes the secrets of `credentials.kind` (all must be non-empty) and deletes the fields of
// the other kind, so switching a profile from 1.0 to 2.0 leaves no stale secret behind.
void saveSecrets(SecretStore &store, const QString &profileName,
                 const api::Credentials &credentials, DoneCallback done);

// Combines the profile's identifiers with its secrets from the store.
void loadCredentials(SecretStore &store, const Profile &profile, LoadCallback done);

// Deletes every secret field of the profile (missing entries are fine).
void removeSecrets(SecretStore &store, const QString &profileName, DoneCallback done);

// Copies every stored field to the new name, then deletes the old entries. Call it before
// ProfileStore::rename; if it fails nothing under the old name has been deleted yet.
void renameSecrets(SecretStore &store, const QString &from, const QString &to, DoneCallback done);

} // namespace ProfileCredentials

} // namespace mcdesk::secrets
