#include "core/common/importfields.h"

namespace mcdesk::common {

QChar importDelimiter(const QString &line, QStringView candidates)
{
    for (const QChar c : candidates)
        if (line.contains(c))
            return c;
    return candidates.isEmpty() ? QChar(u',') : candidates.front();
}

QStringList splitImportFields(const QString &line, QChar delimiter, int fields)
{
    QStringList out;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"' && field.trimmed().isEmpty()) {
            field.clear();
            quoted = true;
        } else if (c == delimiter) {
            out << field.trimmed();
            field.clear();
        } else {
            field += c;
        }
    }
    out << field.trimmed();
    while (out.size() > fields && out.constLast().isEmpty())
        out.removeLast();
    return out;
}

} // namespace mcdesk::common
