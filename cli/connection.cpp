#include "cli/connection.h"

#include "cli/command.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/profilecredentials.h"
#include "core/secrets/profilestore.h"

#include <QEventLoop>
#include <QMap>
#include <QSettings>

#include <memory>

using namespace Qt::StringLiterals;

namespace mcdesk::cli {

Connection connectionFromEnvironment(const QString &baseUrlFlag)
{
    Connection c;
    c.profile = u"environment"_s;
    const QString base =
        baseUrlFlag.isEmpty() ? qEnvironmentVariable("MIMECAST_BASE_URL") : baseUrlFlag;
    if (base.isEmpty()) {
        c.error =
            u"No connection given: use --profile NAME, --demo, or set MIMECAST_BASE_URL and the "
            u"MIMECAST_CLIENT_ID/MIMECAST_CLIENT_SECRET (API 2.0) or MIMECAST_APP_ID, "
            u"MIMECAST_APP_KEY, MIMECAST_ACCESS_KEY, MIMECAST_SECRET_KEY (API 1.0) variables"_s;
        return c;
    }
    c.baseUrl = QUrl(base);
    api::Credentials &cr = c.credentials;
    if (qEnvironmentVariableIsSet("MIMECAST_CLIENT_ID") ||
        qEnvironmentVariableIsSet("MIMECAST_CLIENT_SECRET")) {
        cr.kind = api::Credentials::Kind::Api2;
        cr.clientId = qEnvironmentVariable("MIMECAST_CLIENT_ID");
        cr.clientSecret = qEnvironmentVariable("MIMECAST_CLIENT_SECRET");
    } else {
        cr.kind = api::Credentials::Kind::Api1;
        cr.appId = qEnvironmentVariable("MIMECAST_APP_ID");
        cr.appKey = qEnvironmentVariable("MIMECAST_APP_KEY");
        cr.accessKey = qEnvironmentVariable("MIMECAST_ACCESS_KEY");
        cr.secretKey = qEnvironmentVariable("MIMECAST_SECRET_KEY");
    }
    static const QMap<QString, QString> variableOf{
        {u"Application ID"_s, u"MIMECAST_APP_ID"_s},
        {u"Application Key"_s, u"MIMECAST_APP_KEY"_s},
        {u"Access Key"_s, u"MIMECAST_ACCESS_KEY"_s},
        {u"Secret Key"_s, u"MIMECAST_SECRET_KEY"_s},
        {u"Client ID"_s, u"MIMECAST_CLIENT_ID"_s},
        {u"Client Secret"_s, u"MIMECAST_CLIENT_SECRET"_s}};
    if (const QString missing = cr.missingField(); !missing.isEmpty())
        c.error =
            missing + u" is missing: set "_s + variableOf.value(missing) + u" in the environment"_s;
    return c;
}

Connection connectionFromProfile(const QString &name)
{
    Connection c;
    c.profile = name;
    const std::unique_ptr<QSettings> settings = secrets::ProfileStore::openDefaultSettings();
    secrets::ProfileStore profiles(settings.get());
    const std::optional<secrets::Profile> profile = profiles.get(name);
    if (!profile) {
        const QStringList names = profiles.names();
        c.error = u"--profile \""_s + name + u"\" does not exist"_s +
                  (names.isEmpty() ? u"; add one in the mcdesk app"_s
                                   : u"; known profiles: "_s + names.join(u", "_s));
        return c;
    }
    c.baseUrl = profile->baseUrl;
    c.allowCustomHost = profile->allowCustomHost;
    c.batchesInFlight = profile->batchesInFlight;
    secrets::KeychainSecretStore store;
    QEventLoop loop;
    secrets::ProfileCredentials::loadCredentials(
        store, *profile, [&](const secrets::ProfileCredentials::LoadResult &result) {
            if (result.ok)
                c.credentials = result.credentials;
            else {
                c.error = result.error;
                c.errorExit = result.status == secrets::SecretResult::Status::NotFound
                                  ? InvalidInput
                                  : ConnectionFailure;
            }
            loop.quit();
        });
    loop.exec();
    return c;
}

} // namespace mcdesk::cli
