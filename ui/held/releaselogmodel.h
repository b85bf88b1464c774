#pragma once

#include "core/held/releaselog.h"

#include <QAbstractTableModel>

namespace mcdesk::ui {

// Who released or rejected what, and when, across the team (get-held-release-logs).
class ReleaseLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Operator, Action, From, To, Subject, Policy, RejectReason, ColumnCount };
    enum Role { SortRole = Qt::UserRole };

    explicit ReleaseLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    quint64 beginQuery(); // empties the table; pages of older queries are dropped
    quint64 generation() const { return m_generation; }
    bool appendPage(quint64 generation, const QList<held::ReleaseLogEntry> &entries);
    const held::ReleaseLogEntry &entry(int row) const { return m_entries.at(row); }

    static QString actionText(const QString &action);

private:
    QVariant display(const held::ReleaseLogEntry &e, int column) const;

    QList<held::ReleaseLogEntry> m_entries;
    quint64 m_generation = 0;
};

} // namespace mcdesk::ui
