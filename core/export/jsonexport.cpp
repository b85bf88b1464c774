#include "core/export/jsonexport.h"

#include "core/export/atomicfile.h"

using namespace Qt::StringLiterals;

namespace mcdesk::exporting {

bool JsonExport::write(const QString &path, const QJsonArray &array, QString *error,
                       QJsonDocument::JsonFormat format)
{
    const QString why = writeAtomically(path, QJsonDocument(array).toJson(format));
    if (why.isEmpty())
        return true;
    if (error)
        *error = u"Could not save \u201c%1\u201d: %2."_s.arg(path, why);
    return false;
}

} // namespace mcdesk::exporting
