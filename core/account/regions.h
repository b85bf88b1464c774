#pragma once

#include "core/api/credentials.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace mcdesk::account {

// One of Mimecast's published API hosts (Mimecast's API documentation, regional base URLs).
struct ApiHost
{
    QString label;               // "Europe (excl. Germany) — eu-api.mimecast.com", translated
    QUrl url;                    // scheme and host only
    api::Credentials::Kind kind; // API 1.0 regional host or API 2.0 gateway
    bool confirmed = true;       // false: seen only in third-party tables, discovery is safer
};

namespace Regions {

// Every known host: the API 2.0 gateways first, then the API 1.0 regional hosts.
QList<ApiHost> all();
// The hosts an application of `kind` can call.
QList<ApiHost> forKind(api::Credentials::Kind kind);
// The known host with the same scheme, host and port as `url`, if any.
std::optional<ApiHost> find(const QUrl &url);
// Scheme + host + port, lower-case, without path or trailing slash: how hosts are compared.
QUrl normalized(const QUrl &url);

} // namespace Regions
} // namespace mcdesk::account
