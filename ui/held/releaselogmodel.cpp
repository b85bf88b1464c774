#include "ui/held/releaselogmodel.h"

#include "core/held/heldformat.h"
#include "ui/common/plaintext.h"

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

ReleaseLogModel::ReleaseLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ReleaseLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ReleaseLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReleaseLogModel::actionText(const QString &action)
{
    if (action == u"release"_s)
        return tr("Released");
    if (action == u"release_to_sandbox"_s)
        return tr("Released to sandbox");
    if (action == u"reject"_s)
        return tr("Rejected");
    return action;
}

QVariant ReleaseLogModel::display(const held::ReleaseLogEntry &e, int column) const
{
    switch (column) {
    case Time:
        return heldformat::localTime(e.time);
    case Operator:
        return e.operatorName;
    case Action:
        return actionText(e.action);
    case From:
        return e.from.email;
    case To:
        return e.to.email;
    case Subject:
        return e.subject;
    case Policy:
        return e.policy;
    case RejectReason:
        return e.rejectReason;
    }
    return {};
}

QVariant ReleaseLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const held::ReleaseLogEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case SortRole:
        return index.column() == Time ? QVariant(e.time.toMSecsSinceEpoch())
                                      : display(e, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Time:
            return plainToolTip(heldformat::utcTime(e.time));
        case From:
            return plainToolTip(heldformat::address(e.from));
        case To:
            return plainToolTip(heldformat::address(e.to));
        case Subject:
            return plainToolTip(e.subject);
        case Policy:
            return plainToolTip(e.policy);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ReleaseLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Operator:
        return tr("Operator");
    case Action:
        return tr("Action");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case Subject:
        return tr("Subject");
    case Policy:
        return tr("Policy");
    case RejectReason:
        return tr("Reject reason");
    }
    return {};
}

common::LatestRequest::Ticket ReleaseLogModel::beginQuery()
{
    beginResetModel();
    m_entries.clear();
    const common::LatestRequest::Ticket query = m_query.next();
    endResetModel();
    return query;
}

bool ReleaseLogModel::appendPage(common::LatestRequest::Ticket query,
                                 const QList<held::ReleaseLogEntry> &entries)
{
    if (!m_query.isCurrent(query))
        return false;
    if (entries.isEmpty())
        return true;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    m_entries.append(entries);
    endInsertRows();
    return true;
}

} // namespace mcdesk::ui
