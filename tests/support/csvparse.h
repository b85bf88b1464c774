#pragma once

// RFC 4180 reading for the export tests: quoted cells, doubled quotes, CRLF between rows.

#include <QList>
#include <QString>
#include <QStringList>

namespace mcdesk::testing {

inline QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << cell;
            cell.clear();
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            rows << (row << cell);
            row.clear();
            cell.clear();
        } else {
            cell += c;
        }
    }
    return rows;
}

} // namespace mcdesk::testing
