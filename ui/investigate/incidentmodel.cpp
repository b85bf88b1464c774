#include "ui/investigate/incidentmodel.h"

#include "core/held/heldformat.h"
#include "ui/common/plaintext.h"

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

IncidentModel::IncidentModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void IncidentModel::setIncidents(QList<respond::RemediationIncident> incidents)
{
    beginResetModel();
    m_rows = std::move(incidents);
    endResetModel();
}

int IncidentModel::rowOf(const QString &id) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).id == id)
            return r;
    return -1;
}

void IncidentModel::update(const respond::RemediationIncident &incident)
{
    const int row = rowOf(incident.id);
    if (row < 0) {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(incident);
        endInsertRows();
        return;
    }
    m_rows[row] = incident;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int IncidentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IncidentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IncidentModel::text(const respond::RemediationIncident &i, int column) const
{
    switch (column) {
    case Code:
        return i.code;
    case Type:
        return i.type;
    case Created:
        return i.created.isValid() ? heldformat::localTime(i.created) : QString();
    case Reason:
        return i.reason;
    case Criteria:
        return i.criteriaText();
    case Counts:
        return i.countsText();
    default:
        return {};
    }
}

QVariant IncidentModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const respond::RemediationIncident &i = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(i, index.column());
    case Qt::ToolTipRole:
        return plainToolTip(text(i, index.column()));
    case SortRole:
        return index.column() == Created ? QVariant(i.created)
                                         : QVariant(text(i, index.column()).toLower());
    case IdRole:
        return i.id;
    default:
        return {};
    }
}

QVariant IncidentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList labels{tr("Code"),   tr("Type"),         tr("Created"),
                                    tr("Reason"), tr("Searched for"), tr("Messages")};
    return labels.value(section);
}

} // namespace mcdesk::ui
