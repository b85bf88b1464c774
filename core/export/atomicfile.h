#pragma once

#include <QByteArray>
#include <QString>

namespace mcdesk::exporting {

// Writes `data` to `path` through QSaveFile: the file is replaced only when every byte was
// written, so a crash or a full disk never leaves half a file. Returns an empty string, or
// the system's reason.
QString writeAtomically(const QString &path, const QByteArray &data);

} // namespace mcdesk::exporting
