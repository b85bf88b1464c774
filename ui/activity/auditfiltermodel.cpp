#include "ui/activity/auditfiltermodel.h"

#include "ui/activity/auditmodel.h"

#include <QDateTime>

namespace mcdesk::ui {

AuditFilterModel::AuditFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AuditModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void AuditFilterModel::setCaseFilter(const QString &text)
{
    if (text.trimmed() == m_case)
        return;
    m_case = text.trimmed();
    invalidateRowsFilter();
}

void AuditFilterModel::setActionFilter(const QString &action)
{
    if (action == m_action)
        return;
    m_action = action;
    invalidateRowsFilter();
}

void AuditFilterModel::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    invalidateRowsFilter();
}

bool AuditFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    auto *model = qobject_cast<const AuditModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return false;
    const audit::AuditEntry &entry = model->entry(sourceRow);
    if (!m_case.isEmpty() && !entry.caseId.contains(m_case, Qt::CaseInsensitive))
        return false;
    if (!m_action.isEmpty() && entry.action != m_action)
        return false;
    const QDate day = entry.timeUtc.toLocalTime().date();
    if (m_from.isValid() && day < m_from)
        return false;
    if (m_to.isValid() && day > m_to)
        return false;
    return true;
}

bool AuditFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(AuditModel::SortRole);
    const QVariant r = right.data(AuditModel::SortRole);
    if (l.typeId() == QMetaType::QDateTime && r.typeId() == QMetaType::QDateTime)
        return l.toDateTime() < r.toDateTime();
    if (l.typeId() == QMetaType::Int && r.typeId() == QMetaType::Int)
        return l.toInt() < r.toInt();
    return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
}

} // namespace mcdesk::ui
