#include "core/export/atomicfile.h"

#include <QSaveFile>

namespace mcdesk::exporting {

QString writeAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit())
        return {};
    return file.errorString();
}

} // namespace mcdesk::exporting
