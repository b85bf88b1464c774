#include "ui/archive/archiveresultsmodel.h"

#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr int kInternCap = 4096;

// Reading order of the documented fields; anything else follows in the query's order.
const QStringList &readingOrder()
{
    static const QStringList order{u"receiveddate"_s,
                                   u"displayfrom"_s,
                                   u"displayfromaddress"_s,
                                   u"displayto"_s,
                                   u"displaytoaddresslist"_s,
                                   u"subject"_s,
                                   u"attachmentcount"_s,
                                   u"size"_s,
                                   u"status"_s,
                                   u"smash"_s,
                                   u"id"_s};
    return order;
}

QString addressOf(const QJsonValue &value)
{
    if (!value.isObject())
        return value.toVariant().toString();
    const QJsonObject o = value.toObject();
    const QString email = o.value(u"emailAddress"_s).toString();
    return email.isEmpty() ? o.value(u"displayableName"_s).toString() : email;
}

// Mimecast's "2023-08-06T07:23:00+0000" shown as "2023-08-06 07:23:00" under a "(UTC)" header.
QString displayDate(const QString &raw)
{
    if (raw.size() == 24 && raw.at(10) == u'T' && raw.endsWith(u"+0000"_s))
        return raw.left(10) + u' ' + raw.mid(11, 8);
    if (raw.size() == 20 && raw.at(10) == u'T' && raw.endsWith(u'Z'))
        return raw.left(10) + u' ' + raw.mid(11, 8);
    return raw;
}
} // namespace

ArchiveResultsModel::ArchiveResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ArchiveResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_data.rows;
}

int ArchiveResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_data.columns.size());
}

QStringList ArchiveResultsModel::orderedFields(const QStringList &returnFields)
{
    QStringList unique;
    for (const QString &f : returnFields)
        if (!f.isEmpty() && !unique.contains(f))
            unique << f;
    const auto rank = [](const QString &f) {
        const qsizetype at = readingOrder().indexOf(f.toLower());
        return at < 0 ? readingOrder().size() : at;
    };
    std::stable_sort(unique.begin(), unique.end(),
                     [&](const QString &a, const QString &b) { return rank(a) < rank(b); });
    return unique;
}

bool ArchiveResultsModel::isNumericField(const QString &field)
{
    const QString f = field.toLower();
    return f == u"size"_s || f == u"attachmentcount"_s;
}

QString ArchiveResultsModel::fieldLabel(const QString &field)
{
    const QString f = field.toLower();
    if (f == u"receiveddate"_s)
        return tr("Received (UTC)");
    if (f == u"displayfrom"_s)
        return tr("From");
    if (f == u"displayfromaddress"_s)
        return tr("From address");
    if (f == u"displayto"_s)
        return tr("To");
    if (f == u"displaytoaddresslist"_s)
        return tr("To addresses");
    if (f == u"subject"_s)
        return tr("Subject");
    if (f == u"attachmentcount"_s)
        return tr("Attachments");
    if (f == u"size"_s)
        return tr("Size");
    if (f == u"status"_s)
        return tr("Status");
    if (f == u"smash"_s)
        return tr("Smash");
    if (f == u"id"_s)
        return tr("Archive ID");
    return field;
}

void ArchiveResultsModel::reset(const QStringList &returnFields)
{
    beginResetModel();
    m_data = {};
    m_interned.clear();
    m_display.clear();
    m_exact.clear();
    for (const QString &field : orderedFields(returnFields)) {
        ArchiveResultColumn column;
        column.field = field;
        column.numeric = isNumericField(field);
        m_data.columns << column;
        m_interned << QHash<QString, QString>();
        const QString f = field.toLower();
        m_display << (f == u"size"_s           ? Display::Size
                      : f == u"receiveddate"_s ? Display::Date
                                               : Display::Plain);
        m_exact << (m_display.last() == Display::Date || f == u"id"_s || f == u"smash"_s);
    }
    endResetModel();
}

QString ArchiveResultsModel::textOf(int column, const QJsonValue &value)
{
    QString text;
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << addressOf(v);
        text = parts.join(u"; "_s);
    } else if (value.isObject()) {
        text = addressOf(value);
    } else if (!value.isNull() && !value.isUndefined()) {
        text = value.toVariant().toString();
    }
    if (text.isEmpty())
        return {};
    QHash<QString, QString> &seen = m_interned[column];
    // value() rather than constFind(): Qt 6.4's iterator trips -Wnull-dereference at -O2.
    const QString known = seen.value(text);
    if (!known.isNull())
        return known; // the stored copy: its characters are shared, not duplicated
    if (seen.size() < kInternCap)
        seen.insert(text, text);
    return text;
}

void ArchiveResultsModel::appendEmails(const QJsonArray &emails)
{
    if (emails.isEmpty() || m_data.columns.isEmpty())
        return;
    const int first = m_data.rows;
    const int count = int(emails.size());
    beginInsertRows({}, first, first + count - 1);
    for (const QJsonValue &email : emails) {
        const QJsonObject item = email.toObject();
        for (int c = 0; c < m_data.columns.size(); ++c) {
            ArchiveResultColumn &column = m_data.columns[c];
            const QJsonValue v = item.value(column.field);
            if (!column.numeric) {
                column.text.append(textOf(c, v));
                continue;
            }
            bool ok = v.isDouble();
            qint64 n = ok ? v.toInteger() : v.toString().toLongLong(&ok);
            column.numbers.append(ok ? n : ArchiveResultColumn::kNoNumber);
        }
    }
    m_data.rows += count;
    endInsertRows();
}

QStringList ArchiveResultsModel::fields() const
{
    QStringList out;
    for (const ArchiveResultColumn &c : m_data.columns)
        out << c.field;
    return out;
}

int ArchiveResultsModel::columnOf(const QString &field) const
{
    for (int c = 0; c < m_data.columns.size(); ++c)
        if (m_data.columns.at(c).field.compare(field, Qt::CaseInsensitive) == 0)
            return c;
    return -1;
}

QString ArchiveResultsModel::value(int row, const QString &field) const
{
    const int column = columnOf(field);
    return column < 0 || row < 0 || row >= m_data.rows ? QString() : cell(row, column);
}

QStringList ArchiveResultsModel::recipients(int row) const
{
    QString list = value(row, u"displaytoaddresslist"_s);
    if (list.isEmpty())
        list = value(row, u"displayto"_s);
    QStringList out;
    for (const QString &part : list.split(u';', Qt::SkipEmptyParts))
        if (part.contains(u'@'))
            out << part.trimmed();
    return out;
}

bool ArchiveResultsModel::lessThan(int leftRow, int rightRow, int column) const
{
    const ArchiveResultColumn &c = m_data.columns.at(column);
    if (c.numeric)
        return c.numbers.at(leftRow) < c.numbers.at(rightRow);
    const Qt::CaseSensitivity cs =
        isCaseSensitiveColumn(column) ? Qt::CaseSensitive : Qt::CaseInsensitive;
    return QString::compare(c.text.at(leftRow), c.text.at(rightRow), cs) < 0;
}

bool ArchiveResultsModel::isCaseSensitiveColumn(int column) const
{
    return m_exact.at(column);
}

QString ArchiveResultsModel::display(int row, int column) const
{
    const ArchiveResultColumn &c = m_data.columns.at(column);
    const Display kind = m_display.at(column);
    if (kind == Display::Size) {
        const qint64 n = c.numbers.at(row);
        return n == ArchiveResultColumn::kNoNumber
                   ? QString()
                   : QLocale().formattedDataSize(n, 1, QLocale::DataSizeTraditionalFormat);
    }
    if (kind == Display::Date)
        return displayDate(c.text.at(row));
    return c.cell(row);
}

QVariant ArchiveResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case ExportRole:
        return cell(row, column);
    case Qt::ToolTipRole: {
        // Long subjects and address lists are elided in the grid; sizes show exact bytes.
        const QString raw = cell(row, column);
        if (m_data.columns.at(column).numeric)
            return raw;
        return raw.size() > 40 ? raw : QVariant();
    }
    case Qt::TextAlignmentRole:
        if (m_data.columns.at(column).numeric)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ArchiveResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_data.columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString &field = m_data.columns.at(section).field;
    switch (role) {
    case Qt::DisplayRole:
        return fieldLabel(field);
    case Qt::ToolTipRole:
        return tr("Return field: %1").arg(field);
    case FieldRole:
        return field;
    default:
        return {};
    }
}

} // namespace mcdesk::ui
