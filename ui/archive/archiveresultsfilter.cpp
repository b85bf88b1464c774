#include "ui/archive/archiveresultsfilter.h"

#include "ui/archive/archiveresultsmodel.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <vector>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr int kPrefixWords = 8; // 4 UTF-16 units each: 32 characters compared as integers
}

ArchiveResultsFilter::ArchiveResultsFilter(ArchiveResultsModel *model, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_model(model)
{
    QAbstractProxyModel::setSourceModel(model);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
            &ArchiveResultsFilter::beginResetModel);
    connect(model, &QAbstractItemModel::modelReset, this, &ArchiveResultsFilter::sourceReset);
    connect(model, &QAbstractItemModel::rowsInserted, this,
            &ArchiveResultsFilter::sourceRowsInserted);
    connect(model, &QAbstractItemModel::headerDataChanged, this,
            &ArchiveResultsFilter::headerDataChanged);
    rebuild();
}

QModelIndex ArchiveResultsFilter::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= m_rows.size() ||
        column >= m_model->columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ArchiveResultsFilter::parent(const QModelIndex &) const
{
    return {};
}

int ArchiveResultsFilter::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArchiveResultsFilter::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_model->columnCount();
}

bool ArchiveResultsFilter::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QVariant ArchiveResultsFilter::headerData(int section, Qt::Orientation orientation, int role) const
{
    // Columns are the source's (also with no rows to map through); rows are numbered as shown.
    if (orientation == Qt::Horizontal)
        return m_model->headerData(section, orientation, role);
    return QAbstractProxyModel::headerData(section, orientation, role);
}

QModelIndex ArchiveResultsFilter::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= m_rows.size())
        return {};
    return m_model->index(m_rows.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex ArchiveResultsFilter::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.row() >= m_fromSource.size())
        return {};
    const int row = m_fromSource.at(sourceIndex.row());
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

bool ArchiveResultsFilter::accepts(int sourceRow) const
{
    const QList<ArchiveResultColumn> &columns = m_model->snapshot().columns;
    for (const QString &word : m_words) {
        bool found = false;
        for (const ArchiveResultColumn &column : columns) {
            // Text is read in place; only numbers need a string made for them.
            found = column.numeric ? column.cell(sourceRow).contains(word)
                                   : column.text.at(sourceRow).contains(word, Qt::CaseInsensitive);
            if (found)
                break;
        }
        if (!found)
            return false;
    }
    return true;
}

bool ArchiveResultsFilter::less(int leftRow, int rightRow) const
{
    const bool ascending = m_order == Qt::AscendingOrder;
    if (m_model->lessThan(leftRow, rightRow, m_sortColumn))
        return ascending;
    if (m_model->lessThan(rightRow, leftRow, m_sortColumn))
        return !ascending;
    return leftRow < rightRow; // equal values keep Mimecast's order
}

void ArchiveResultsFilter::sortRows()
{
    std::sort(m_rows.begin(), m_rows.end()); // ties stay in Mimecast's order
    if (m_sortColumn < 0)
        return;
    const ArchiveResultColumn &column = m_model->snapshot().columns.at(m_sortColumn);
    const bool ascending = m_order == Qt::AscendingOrder;
    if (column.numeric) {
        const QList<qint64> &n = column.numbers;
        std::stable_sort(m_rows.begin(), m_rows.end(), [&](int a, int b) {
            return ascending ? n.at(a) < n.at(b) : n.at(b) < n.at(a);
        });
        return;
    }
    // The first 32 characters (case-folded unless the column compares exactly) packed into
    // integers next to the row: most comparisons end there, in one contiguous array, and only
    // ties read the strings. 100,000 subjects sort several times faster than by comparing
    // strings scattered over the heap.
    struct Item
    {
        std::array<quint64, kPrefixWords> prefix{};
        int row = 0;
    };
    const QList<QString> &text = column.text;
    const bool exact = m_model->isCaseSensitiveColumn(m_sortColumn);
    std::vector<Item> items;
    items.reserve(size_t(m_rows.size()));
    for (int row : std::as_const(m_rows)) {
        Item item;
        item.row = row;
        const QString &value = text.at(row);
        const QChar *chars = value.constData();
        const qsizetype n = qMin<qsizetype>(value.size(), kPrefixWords * 4);
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t unit = chars[i].unicode();
            const char32_t c = exact ? unit : QChar::toCaseFolded(char32_t(unit));
            item.prefix[size_t(i / 4)] |= quint64(c & 0xffff) << (48 - 16 * (i % 4));
        }
        items.push_back(item);
    }
    const Qt::CaseSensitivity cs = exact ? Qt::CaseSensitive : Qt::CaseInsensitive;
    const auto before = [&](const Item &a, const Item &b) {
        if (a.prefix != b.prefix)
            return a.prefix < b.prefix;
        return QString::compare(text.at(a.row), text.at(b.row), cs) < 0;
    };
    if (ascending)
        std::stable_sort(items.begin(), items.end(), before);
    else
        std::stable_sort(items.begin(), items.end(),
                         [&](const Item &a, const Item &b) { return before(b, a); });
    for (size_t i = 0; i < items.size(); ++i)
        m_rows[qsizetype(i)] = items[i].row;
}

void ArchiveResultsFilter::indexSourceRows()
{
    m_fromSource.fill(-1, m_model->rowCount());
    for (int i = 0; i < m_rows.size(); ++i)
        m_fromSource[m_rows.at(i)] = i;
}

template<typename Change> void ArchiveResultsFilter::relayout(Change change)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> sourceOf;
    sourceOf.reserve(before.size());
    for (const QModelIndex &index : before)
        sourceOf << m_rows.at(index.row());
    change();
    indexSourceRows();
    QModelIndexList after;
    after.reserve(before.size());
    for (int i = 0; i < before.size(); ++i)
        after << createIndex(m_fromSource.at(sourceOf.at(i)), before.at(i).column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ArchiveResultsFilter::sort(int column, Qt::SortOrder order)
{
    if (column >= m_model->columnCount())
        column = -1;
    if (column == m_sortColumn && order == m_order)
        return; // already so: rows that arrived since were merged into place
    relayout([&] {
        m_sortColumn = column;
        m_order = order;
        sortRows();
    });
}

void ArchiveResultsFilter::setQuickFilter(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    static const QRegularExpression spaces(u"\\s+"_s);
    m_words = text.split(spaces, Qt::SkipEmptyParts);
    beginResetModel();
    sourceReset();
}

void ArchiveResultsFilter::rebuild()
{
    if (m_sortColumn >= m_model->columnCount()) // a new column set drops the sort
        m_sortColumn = -1;
    m_rows.clear();
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (accepts(r))
            m_rows << r;
    sortRows();
    indexSourceRows();
}

void ArchiveResultsFilter::sourceReset()
{
    // Its beginResetModel() came from the source's modelAboutToBeReset or setQuickFilter().
    rebuild();
    endResetModel();
}

void ArchiveResultsFilter::sourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    QList<int> added;
    for (int r = first; r <= last; ++r)
        if (accepts(r))
            added << r;
    const int shown = int(m_rows.size());
    m_fromSource.resize(m_model->rowCount(), -1);
    if (added.isEmpty())
        return;
    // Appended first (one insertion), then, when sorted, merged into place (one layout change):
    // row-by-row insertion into a sorted grid of 100,000 rows stalls the GUI.
    beginInsertRows({}, shown, shown + int(added.size()) - 1);
    m_rows += added;
    for (int i = shown; i < m_rows.size(); ++i)
        m_fromSource[m_rows.at(i)] = i;
    endInsertRows();
    if (m_sortColumn < 0)
        return; // the source order: appended is in place
    relayout([&] {
        const auto cmp = [this](int a, int b) {
            return less(a, b);
        };
        std::stable_sort(m_rows.begin() + shown, m_rows.end(), cmp);
        std::inplace_merge(m_rows.begin(), m_rows.begin() + shown, m_rows.end(), cmp);
    });
}

} // namespace mcdesk::ui
