#pragma once

#include <QString>

#include <optional>

namespace mcdesk::sim {

// URL Protect rewrites the links of inbound mail to go through Mimecast. Ours are
// "https://url.us.m.mimecastprotect.com/s/<token>?domain=<host>": the token is a short check
// followed by the base64url of the original URL, so decode-url needs no table and any link the
// simulator ever wrote can be decoded, while a made-up or altered token is refused.
QString rewrittenUrl(const QString &original);
// The original URL of a link rewrittenUrl() produced; nullopt for anything else.
std::optional<QString> decodeRewrittenUrl(const QString &link);
// The host every rewritten link uses.
QString rewriteHost();

} // namespace mcdesk::sim
