#pragma once

#include "core/api/credentials.h"

namespace mcdesk::testing {

// Credentials any loopback server accepts (the canned and hostile servers check nothing).
inline api::Credentials api1TestCredentials()
{
    api::Credentials c;
    c.kind = api::Credentials::Kind::Api1;
    c.appId = QStringLiteral("app");
    c.appKey = QStringLiteral("key");
    c.accessKey = QStringLiteral("access");
    c.secretKey = QStringLiteral("c2VjcmV0"); // base64, as Mimecast issues it
    return c;
}

} // namespace mcdesk::testing
