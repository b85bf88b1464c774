#pragma once

#include <QString>
#include <QUrl>

namespace mcdesk::api {

// docs/contract.md, security rules: HTTPS only and Mimecast's own domains, unless the host
// is loopback (the simulator) or the analyst explicitly allowed a custom host.
namespace BaseUrlPolicy {

bool isLoopback(const QString &host);
bool isMimecastHost(const QString &host);
// Empty when acceptable; otherwise a sentence naming the problem and the fix.
QString check(const QUrl &url, bool allowCustomHost);

} // namespace BaseUrlPolicy
} // namespace mcdesk::api
