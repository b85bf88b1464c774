#include "ui/held/heldfiltermodel.h"

#include "ui/held/heldmessagemodel.h"

namespace mcdesk::ui {

HeldFilterModel::HeldFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(HeldMessageModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void HeldFilterModel::setQuickFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
    emit filtersChanged();
}

void HeldFilterModel::setPolicyFilter(const QString &policy)
{
    if (policy == m_policy)
        return;
    m_policy = policy;
    invalidateRowsFilter();
    emit filtersChanged();
}

HeldMessageModel *HeldFilterModel::heldModel() const
{
    return qobject_cast<HeldMessageModel *>(sourceModel());
}

bool HeldFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const HeldMessageModel *model = heldModel();
    if (!model || sourceParent.isValid())
        return true;
    const held::HeldMessage &m = model->message(sourceRow);
    if (!m_policy.isEmpty() && m.policy != m_policy)
        return false;
    if (m_text.isEmpty())
        return true;
    // The fields the analyst can see or hover, straight from the record: cheaper than asking
    // data() for every column of ten thousand rows on each keystroke.
    for (const QString *field :
         {&m.subject, &m.fromHeader.email, &m.fromHeader.name, &m.fromEnvelope.email, &m.to.email,
          &m.to.name, &m.reason, &m.reasonCode, &m.policy, &m.route, &m.id})
        if (field->contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace mcdesk::ui
