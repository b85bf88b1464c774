#pragma once

#include <QString>

// One grammar for every e-mail address and domain the app checks: the sender form, bulk
// import, policies, the combined held moves and the archive search all accept the same text,
// so an address that passes one screen is never refused by another.
namespace mcdesk::address {

// name@domain.tld: a dot-atom local part (no leading, trailing or doubled dots), LDH labels,
// an alphabetic or punycode top-level domain, 254 characters at most. Deliberately ASCII: an
// address that reaches Mimecast's archive query must not carry spaces or query syntax.
bool isEmailAddress(const QString &text);
// example.com: LDH labels and an alphabetic or punycode top-level domain, 253 characters at most.
bool isDomain(const QString &text);
// Empty when `address` is an e-mail address; otherwise why not, worded to follow a field name
// ("--sender is empty", "sender \"a..b@x\" is not a valid email address …").
QString checkEmailAddress(const QString &address);

} // namespace mcdesk::address
