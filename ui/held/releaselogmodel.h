#pragma once

#include "core/common/latestrequest.h"
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

    // Empties the table; pages of older queries are dropped.
    common::LatestRequest::Ticket beginQuery();
    bool isCurrent(common::LatestRequest::Ticket query) const { return m_query.isCurrent(query); }
    bool appendPage(common::LatestRequest::Ticket query,
                    const QList<held::ReleaseLogEntry> &entries);
    const held::ReleaseLogEntry &entry(int row) const { return m_entries.at(row); }

    static QString actionText(const QString &action);

private:
    QVariant display(const held::ReleaseLogEntry &e, int column) const;

    QList<held::ReleaseLogEntry> m_entries;
    common::LatestRequest m_query;
};

} // namespace mcdesk::ui
