#pragma once

#include "core/threats/managedurl.h"

#include <QAbstractTableModel>

namespace mcdesk::ui {

// The preview of a managed-URL import: one row per entry (repeated lines folded), the lines it
// came from, and why it cannot be sent.
class UrlImportModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Lines, Url, Action, Match, Comment, Problem, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setParse(const threats::UrlImportParse &parse);
    const threats::UrlImportParse &parse() const { return m_parse; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    threats::UrlImportParse m_parse;
};

} // namespace mcdesk::ui
