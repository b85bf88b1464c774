#include "export/jsonexport.h"

#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace mcdesk::exporting {

bool JsonExport::write(const QString &path, const QJsonArray &array, QString *error,
                       QJsonDocument::JsonFormat format)
{
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(array).toJson(format);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = u"Could not save \u201c%1\u201d: %2."_s.arg(path, file.errorString());
    return false;
}

} // namespace mcdesk::exporting
