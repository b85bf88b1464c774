#pragma once

#include <QAbstractProxyModel>
#include <QStringList>

namespace mcdesk::ui {

class ArchiveResultsModel;

// Sorts and quick-filters the results grid: a flat proxy with one row map, made for 100,000
// rows. QSortFilterProxyModel compares through QModelIndex and QVariant per comparison and
// took over half a second to sort that many; this one sorts row numbers on the stored values
// (numbers as numbers, text on case-folded keys), and when rows stream into a sorted grid it
// appends them and merges them into place in one layout change rather than row by row.
// The quick filter keeps a row when every word of it appears in some cell.
class ArchiveResultsFilter : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit ArchiveResultsFilter(ArchiveResultsModel *model, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    // column < 0: the source's order (Mimecast's, newest first).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_order; }
    void setQuickFilter(const QString &text);
    QString quickFilter() const { return m_text; }
    bool isFiltering() const { return !m_words.isEmpty(); }
    // Source rows in the order shown.
    QList<int> sourceRows() const { return m_rows; }

private:
    bool accepts(int sourceRow) const;
    bool less(int leftRow, int rightRow) const; // in the current order, ties by source row
    void sortRows();
    void indexSourceRows();
    void rebuild();
    void sourceReset();
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    // Runs `change` (which reorders m_rows) inside a layout change, moving persistent indexes.
    template<typename Change> void relayout(Change change);

    ArchiveResultsModel *m_model;
    QList<int> m_rows;       // proxy row → source row
    QList<int> m_fromSource; // source row → proxy row, -1 when filtered out
    int m_sortColumn = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    QString m_text;
    QStringList m_words;
};

} // namespace mcdesk::ui
