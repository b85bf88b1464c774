#pragma once

#include "core/respond/remediation.h"

#include <QAbstractTableModel>

namespace mcdesk::ui {

// The remediation incidents find-incidents listed, newest first as Mimecast sends them.
class IncidentModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Code, Type, Created, Reason, Criteria, Counts, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    explicit IncidentModel(QObject *parent = nullptr);

    void setIncidents(QList<respond::RemediationIncident> incidents);
    // Replaces the row with the same id (a re-read incident), or adds it at the top.
    void update(const respond::RemediationIncident &incident);
    const respond::RemediationIncident &incident(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString text(const respond::RemediationIncident &i, int column) const;

    QList<respond::RemediationIncident> m_rows;
};

} // namespace mcdesk::ui
