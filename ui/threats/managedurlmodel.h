#pragma once

#include "core/threats/managedurl.h"

#include <QAbstractTableModel>

namespace mcdesk::ui {

// URL Protect's managed URLs as list-managed-urls reads them: the server's text, plain.
class ManagedUrlModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Url, Action, Match, Comment, LogClicks, Rewrite, Awareness, Id, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, ExportRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(const QList<threats::ManagedUrl> &entries);
    const threats::ManagedUrl &entry(int row) const { return m_entries.at(row); }
    int rowOf(const QString &url) const; // by displayUrl(), -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<threats::ManagedUrl> m_entries;
};

} // namespace mcdesk::ui
