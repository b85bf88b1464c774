#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QStringList>

#include <limits>

namespace mcdesk::ui {

// One returned field of every result row. Columnar, so 100,000 rows cost one QString (or one
// qint64) per cell and no per-row objects; an implicitly shared copy of the lists is how an
// export reads them on another thread while the grid keeps growing.
struct ArchiveResultColumn
{
    static constexpr qint64 kNoNumber = std::numeric_limits<qint64>::min();

    QString field;        // as the query named it ("receiveddate")
    bool numeric = false; // size, attachmentcount: kept as numbers, sorted as numbers
    QList<QString> text;
    QList<qint64> numbers;

    // The value as exported and copied: arrays of addresses joined with "; ".
    QString cell(int row) const
    {
        if (!numeric)
            return text.at(row);
        const qint64 n = numbers.at(row);
        return n == kNoNumber ? QString() : QString::number(n);
    }
};

// Everything the grid holds, cheap to copy (every list is implicitly shared).
struct ArchiveResultsSnapshot
{
    QList<ArchiveResultColumn> columns;
    int rows = 0;
};

// The rows of an archive search. Columns are the query's return fields, in an order an analyst
// reads (received, from, to, subject, … the long id last); rows are appended page by page as
// the search streams in.
class ArchiveResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        FieldRole = Qt::UserRole, // headerData: the field name as sent
        ExportRole,               // data: the raw cell as exported ("12345", not "12 KB")
    };

    explicit ArchiveResultsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Empties the model and sets its columns (duplicates dropped, reading order).
    void reset(const QStringList &returnFields);
    void appendEmails(const QJsonArray &emails);

    QStringList fields() const;
    int columnOf(const QString &field) const; // -1 when the query did not return it
    QString cell(int row, int column) const { return m_data.columns.at(column).cell(row); }
    QString value(int row, const QString &field) const;
    // Addresses of a row's displaytoaddresslist (or displayto when only that was returned).
    QStringList recipients(int row) const;
    const ArchiveResultsSnapshot &snapshot() const { return m_data; }
    bool lessThan(int leftRow, int rightRow, int column) const;
    // Dates and ids: one ASCII format, compared exactly; other text ignores case.
    bool isCaseSensitiveColumn(int column) const;

    static QStringList orderedFields(const QStringList &returnFields);
    static QString fieldLabel(const QString &field);
    static bool isNumericField(const QString &field);

private:
    QString textOf(int column, const QJsonValue &value);
    QString display(int row, int column) const;

    enum class Display { Plain, Size, Date };

    ArchiveResultsSnapshot m_data;
    QList<Display> m_display; // per column, so data() does not compare field names
    QList<bool> m_exact;      // per column: compared case-sensitively
    // Per column, values seen so far: a sender or subject repeated over thousands of rows is
    // stored once. Capped, so a column of unique ids does not keep a second copy of itself.
    QList<QHash<QString, QString>> m_interned;
};

} // namespace mcdesk::ui
