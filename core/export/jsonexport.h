#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

namespace mcdesk::exporting {

// Writes a JSON array to a file atomically (QSaveFile): the file is replaced only when the
// whole document was written.
class JsonExport
{
public:
    static bool write(const QString &path, const QJsonArray &array, QString *error = nullptr,
                      QJsonDocument::JsonFormat format = QJsonDocument::Indented);
};

} // namespace mcdesk::exporting
