#pragma once

#include <QString>
#include <QStringList>

namespace mcdesk::threats {

// The http(s) links in a body preview's plain text, in order, each once; trailing punctuation
// that ends a sentence (".", ",", ")", ">"…) is not part of the link.
QStringList webLinksIn(const QString &text);
// The link that covers `position` (a character offset), or an empty string.
QString webLinkAt(const QString &text, int position);

} // namespace mcdesk::threats
