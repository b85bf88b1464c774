#pragma once

#include "core/audit/auditlog.h"
#include "core/audit/auditsummary.h"

#include <QAbstractTableModel>
#include <QList>

namespace mcdesk::ui {

// The audit log as a table: one row per recorded action, oldest first (the view sorts).
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, User, Profile, Action, Case, AlertGroup, Items, Outcome, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // a value that sorts naturally (UTC time, counts)
        EntryRowRole,            // the row in this model, through any proxy
    };
    explicit AuditModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setEntries(QList<audit::AuditEntry> entries);
    // One entry the audit trail has just written: a row at the end, nothing re-read.
    void appendEntry(const audit::AuditEntry &entry);
    const QList<audit::AuditEntry> &entries() const { return m_entries; }
    const audit::AuditEntry &entry(int row) const { return m_entries.at(row); }

    // The entry's outcome, counted as audit::countItems() counts it, in the UI's words.
    static QString resultText(audit::EntryResult result);
    static QString itemsText(const audit::ItemCounts &counts);

private:
    QVariant display(const audit::AuditEntry &entry, int column) const;
    QVariant toolTip(const audit::AuditEntry &entry, int column) const;

    QList<audit::AuditEntry> m_entries;
};

} // namespace mcdesk::ui
