#include "ui/held/heldexport.h"

#include "core/export/csvwriter.h"

#include <QAbstractItemModel>
#include <QHeaderView>

namespace mcdesk::ui::heldexport {

qint64 writeView(const QString &path, const QAbstractItemModel *model, const QHeaderView *header,
                 int exportRole, QString *error, const QList<int> &skip)
{
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical) && !skip.contains(logical))
            columns.append(logical);
    }
    exporting::CsvWriter writer;
    if (!writer.open(path, error))
        return -1;
    QStringList cells;
    for (int column : std::as_const(columns))
        cells << model->headerData(column, Qt::Horizontal).toString();
    writer.writeRow(cells);
    for (int row = 0; row < model->rowCount(); ++row) {
        cells.clear();
        for (int column : std::as_const(columns))
            cells << model->index(row, column).data(exportRole).toString();
        if (!writer.writeRow(cells)) {
            if (error)
                *error = writer.errorString();
            return -1;
        }
    }
    const qint64 rows = writer.rowCount() - 1;
    if (!writer.commit(error))
        return -1;
    return rows;
}

} // namespace mcdesk::ui::heldexport
