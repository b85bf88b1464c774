#include "ui/activity/networklogmodel.h"

#include "ui/common/plaintext.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

NetworkLogModel::NetworkLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
{}

int NetworkLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int NetworkLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NetworkLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::NetworkLogEntry &e = m_entries.at(index.row());
    const bool failed = !e.error.isEmpty() || e.httpStatus < 200 || e.httpStatus >= 300;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return e.timeUtc.toLocalTime().toString(u"HH:mm:ss.zzz"_s);
        case Method:
            return e.method;
        case Path:
            return e.path;
        case Status:
            return e.httpStatus == 0 ? tr("no reply") : QString::number(e.httpStatus);
        case Duration:
            return tr("%1 ms").arg(e.durationMs);
        case RequestId:
            return e.requestId;
        case Error:
            return e.error;
        }
    } else if (role == Qt::ToolTipRole) {
        if (index.column() == Time)
            return e.timeUtc.toUTC().toString(Qt::ISODateWithMs);
        if (index.column() == Error || index.column() == Path)
            return plainToolTip(index.data(Qt::DisplayRole).toString());
    } else if (role == Qt::TextAlignmentRole) {
        if (index.column() == Status || index.column() == Duration)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::DecorationRole && index.column() == Status && failed) {
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    } else if (role == Qt::UserRole) {
        // Sort keys: numbers as numbers, time as UTC.
        switch (index.column()) {
        case Time:
            return e.timeUtc;
        case Status:
            return e.httpStatus;
        case Duration:
            return e.durationMs;
        default:
            return index.data(Qt::DisplayRole);
        }
    }
    return {};
}

QVariant NetworkLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Method:
        return tr("Method");
    case Path:
        return tr("Path");
    case Status:
        return tr("Status");
    case Duration:
        return tr("Duration");
    case RequestId:
        return tr("Request ID");
    case Error:
        return tr("Error");
    }
    return {};
}

void NetworkLogModel::append(const api::NetworkLogEntry &entry)
{
    if (m_entries.size() >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_entries.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

void NetworkLogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

} // namespace mcdesk::ui
