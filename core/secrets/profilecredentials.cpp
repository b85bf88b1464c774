#include "core/secrets/profilecredentials.h"

#include <QHash>
#include <QMetaObject>

#include <memory>

using namespace Qt::StringLiterals;
using Kind = mcdesk::api::Credentials::Kind;
using Status = mcdesk::secrets::SecretResult::Status;

namespace mcdesk::secrets::ProfileCredentials {

namespace {
const QString kAppKey = u"appKey"_s;
const QString kAccessKey = u"accessKey"_s;
const QString kSecretKey = u"secretKey"_s;
const QString kClientSecret = u"clientSecret"_s;

QString displayName(const QString &field)
{
    static const QHash<QString, QString> names = {{kAppKey, u"Application Key"_s},
                                                  {kAccessKey, u"Access Key"_s},
                                                  {kSecretKey, u"Secret Key"_s},
                                                  {kClientSecret, u"Client Secret"_s}};
    return names.value(field, field);
}

QString *fieldOf(api::Credentials &credentials, const QString &field)
{
    if (field == kAppKey)
        return &credentials.appKey;
    if (field == kAccessKey)
        return &credentials.accessKey;
    if (field == kSecretKey)
        return &credentials.secretKey;
    return &credentials.clientSecret;
}

// Runs asynchronous steps one after another; a step continues with next() or stops by not
// calling it (after reporting its failure).
class Steps : public std::enable_shared_from_this<Steps>
{
public:
    using Next = std::function<void()>;
    void add(std::function<void(Next)> step) { m_steps.append(std::move(step)); }
    void run(Next whenDone)
    {
        m_done = std::move(whenDone);
        advance();
    }

private:
    void advance()
    {
        if (m_index >= m_steps.size()) {
            m_done();
            return;
        }
        auto self = shared_from_this();
        m_steps[m_index++]([self] { self->advance(); });
    }
    QList<std::function<void(Next)>> m_steps;
    qsizetype m_index = 0;
    Next m_done;
};

template<typename Result, typename Callback>
void finishLater(SecretStore &store, Callback done, Result result)
{
    QMetaObject::invokeMethod(
        &store, [done = std::move(done), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

Outcome failure(Status status, const QString &error)
{
    return {false, status, error};
}
} // namespace

QStringList secretFields()
{
    return {kAppKey, kAccessKey, kSecretKey, kClientSecret};
}

QStringList secretFields(Kind kind)
{
    if (kind == Kind::Api1)
        return {kAppKey, kAccessKey, kSecretKey};
    return {kClientSecret};
}

QString secretKey(const QString &profileName, const QString &field)
{
    return u"profile/"_s + profileName + u'/' + field;
}

void saveSecrets(SecretStore &store, const QString &profileName,
                 const api::Credentials &credentials, DoneCallback done)
{
    if (const QString why = ProfileStore::validateName(profileName); !why.isEmpty()) {
        finishLater(store, std::move(done), failure(Status::Failed, why));
        return;
    }
    api::Credentials copy = credentials;
    const Kind other = credentials.kind == Kind::Api1 ? Kind::Api2 : Kind::Api1;
    for (const QString &field : secretFields(credentials.kind)) {
        if (fieldOf(copy, field)->isEmpty()) {
            finishLater(store, std::move(done),
                        failure(Status::Failed,
                                u"The %1 of profile \u201c%2\u201d is empty; enter it before "
                                u"saving."_s.arg(displayName(field), profileName)));
            return;
        }
    }
    auto steps = std::make_shared<Steps>();
    auto handle = [done, profileName](const QString &field, const QString &doing,
                                      Steps::Next next) {
        return [=](const SecretResult &result) {
            if (result.ok())
                return next();
            done(failure(result.status,
                         u"Could not %1 the %2 of profile \u201c%3\u201d: %4"_s.arg(
                             doing, displayName(field), profileName, result.message)));
        };
    };
    for (const QString &field : secretFields(credentials.kind)) {
        const QString value = *fieldOf(copy, field);
        steps->add([&store, profileName, field, value, handle](Steps::Next next) {
            store.writeSecret(secretKey(profileName, field), value,
                              handle(field, u"save"_s, std::move(next)));
        });
    }
    for (const QString &field : secretFields(other)) {
        steps->add([&store, profileName, field, handle](Steps::Next next) {
            store.deleteSecret(secretKey(profileName, field),
                               handle(field, u"remove the unused"_s, std::move(next)));
        });
    }
    steps->run([done] { done({true, Status::Ok, {}}); });
}

void loadCredentials(SecretStore &store, const Profile &profile, LoadCallback done)
{
    auto credentials = std::make_shared<api::Credentials>();
    credentials->kind = profile.authKind;
    credentials->appId = profile.appId;
    credentials->clientId = profile.clientId;
    const QString idField = profile.authKind == Kind::Api1 ? u"Application ID"_s : u"Client ID"_s;
    const QString id = profile.authKind == Kind::Api1 ? profile.appId : profile.clientId;
    if (id.isEmpty()) {
        finishLater(store, std::move(done),
                    LoadResult{false,
                               Status::NotFound,
                               {},
                               u"Profile \u201c%1\u201d has no %2; edit the profile and enter "
                               u"it."_s.arg(profile.name, idField)});
        return;
    }
    const QString name = profile.name;
    auto steps = std::make_shared<Steps>();
    for (const QString &field : secretFields(profile.authKind)) {
        steps->add([&store, credentials, name, field, done](Steps::Next next) {
            store.readSecret(secretKey(name, field), [=](const SecretResult &result) {
                if (result.ok() && !result.value.isEmpty()) {
                    *fieldOf(*credentials, field) = result.value;
                    return next();
                }
                QString error;
                if (result.ok() || result.status == Status::NotFound)
                    error = u"The %1 of profile \u201c%2\u201d is not in the keychain; edit the "
                            u"profile and enter it again."_s.arg(displayName(field), name);
                else
                    error = u"Could not read the %1 of profile \u201c%2\u201d: %3"_s.arg(
                        displayName(field), name, result.message);
                done({false, result.ok() ? Status::NotFound : result.status, {}, error});
            });
        });
    }
    steps->run([credentials, done] { done({true, Status::Ok, *credentials, {}}); });
}

void removeSecrets(SecretStore &store, const QString &profileName, DoneCallback done)
{
    // Try every field even after a failure, and report the first failure.
    auto first = std::make_shared<Outcome>(Outcome{true, Status::Ok, {}});
    auto steps = std::make_shared<Steps>();
    for (const QString &field : secretFields()) {
        steps->add([&store, profileName, field, first](Steps::Next next) {
            store.deleteSecret(secretKey(profileName, field), [=](const SecretResult &result) {
                if (!result.ok() && first->ok)
                    *first = failure(result.status,
                                     u"Could not remove the %1 of profile \u201c%2\u201d: %3"_s.arg(
                                         displayName(field), profileName, result.message));
                next();
            });
        });
    }
    steps->run([first, done] { done(*first); });
}

void renameSecrets(SecretStore &store, const QString &from, const QString &to, DoneCallback done)
{
    if (const QString why = ProfileStore::validateName(to); !why.isEmpty()) {
        finishLater(store, std::move(done), failure(Status::Failed, why));
        return;
    }
    if (from == to) {
        finishLater(store, std::move(done), Outcome{true, Status::Ok, {}});
        return;
    }
    auto moved = std::make_shared<QStringList>();
    auto steps = std::make_shared<Steps>();
    auto fail = [done, from](const QString &field, const SecretResult &result) {
        done(failure(result.status, u"Could not move the %1 of profile \u201c%2\u201d: %3"_s.arg(
                                        displayName(field), from, result.message)));
    };
    for (const QString &field : secretFields()) {
        steps->add([&store, from, to, field, moved, fail](Steps::Next next) {
            store.readSecret(secretKey(from, field), [=, &store](const SecretResult &read) {
                if (read.status == Status::NotFound) {
                    // Clear a stale entry of an earlier profile with the new name.
                    store.deleteSecret(secretKey(to, field), [=](const SecretResult &cleared) {
                        if (!cleared.ok())
                            return fail(field, cleared);
                        next();
                    });
                    return;
                }
                if (!read.ok())
                    return fail(field, read);
                store.writeSecret(secretKey(to, field), read.value,
                                  [=](const SecretResult &written) {
                                      if (!written.ok())
                                          return fail(field, written);
                                      moved->append(field);
                                      next();
                                  });
            });
        });
    }
    // Old entries go only after every copy succeeded.
    steps->add([&store, from, moved, fail](Steps::Next next) {
        auto deletes = std::make_shared<Steps>();
        for (const QString &field : *moved) {
            deletes->add([&store, from, field, fail](Steps::Next nextDelete) {
                store.deleteSecret(secretKey(from, field), [=](const SecretResult &result) {
                    if (!result.ok())
                        return fail(field, result);
                    nextDelete();
                });
            });
        }
        deletes->run(std::move(next));
    });
    steps->run([done] { done({true, Status::Ok, {}}); });
}

} // namespace mcdesk::secrets::ProfileCredentials
