#pragma once

#include <QList>
#include <QString>

class QAbstractItemModel;
class QHeaderView;

namespace mcdesk::ui::heldexport {

// Writes what the table shows to a CSV file through CsvWriter (RFC 4180, formula-safe,
// atomic): the visible columns in their on-screen order, every row of `model` (the proxy, so
// filtered and sorted as shown). Cells come from `exportRole` (times in UTC ISO 8601, sizes in
// bytes); the `skip` columns are left out (the held queue's marks: a decision in progress is
// not case data). Returns the number of rows written, or -1 with `error` set.
qint64 writeView(const QString &path, const QAbstractItemModel *model, const QHeaderView *header,
                 int exportRole, QString *error, const QList<int> &skip = {});

} // namespace mcdesk::ui::heldexport
