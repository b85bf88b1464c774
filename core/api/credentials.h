#pragma once

#include <QString>

namespace mcdesk::api {

// What the client needs to authenticate. Lives only in memory: loaded from the keychain or
// the environment, never written to settings, logs or command lines.
struct Credentials
{
    enum class Kind { Api1, Api2 };
    Kind kind = Kind::Api2;

    // API 1.0 (HMAC-signed requests)
    QString appId;
    QString appKey;
    QString accessKey;
    QString secretKey; // base64, as Mimecast issues it

    // API 2.0 (OAuth 2.0 client credentials)
    QString clientId;
    QString clientSecret;

    // Names the first missing field in the analyst's words, or returns an empty string.
    QString missingField() const
    {
        if (kind == Kind::Api1) {
            if (appId.isEmpty())
                return QStringLiteral("Application ID");
            if (appKey.isEmpty())
                return QStringLiteral("Application Key");
            if (accessKey.isEmpty())
                return QStringLiteral("Access Key");
            if (secretKey.isEmpty())
                return QStringLiteral("Secret Key");
            return {};
        }
        if (clientId.isEmpty())
            return QStringLiteral("Client ID");
        if (clientSecret.isEmpty())
            return QStringLiteral("Client Secret");
        return {};
    }
};

} // namespace mcdesk::api
