#pragma once

#include "core/respond/trackedmessage.h"

#include <QAbstractTableModel>

namespace mcdesk::ui {

// The tracking grid: one row per message Message Finder found, in the server's order.
class TrackedModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Status,
        Received,
        FromEnvelope,
        FromHeader,
        To,
        Subject,
        SenderIp,
        Route,
        SpamScore,
        DetectionLevel,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, SortRole, ExportRole };

    explicit TrackedModel(QObject *parent = nullptr);

    void setMessages(QList<respond::TrackedMessage> messages);
    const respond::TrackedMessage &message(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString text(const respond::TrackedMessage &m, int column) const;

    QList<respond::TrackedMessage> m_rows;
};

} // namespace mcdesk::ui
