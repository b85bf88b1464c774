#pragma once

#include "core/api/apiclient.h"

#include <QAbstractTableModel>
#include <QList>

namespace mcdesk::ui {

// The requests this session sent, newest last: what went where, how it ended and how long it
// took. Fed by ApiClient::requestLogged, which carries no header values, so nothing here can
// hold a secret or a signature. Keeps the most recent `capacity` entries.
class NetworkLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Method, Path, Status, Duration, RequestId, Error, ColumnCount };

    explicit NetworkLogModel(int capacity = 2000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void append(const api::NetworkLogEntry &entry);
    void clear();
    const api::NetworkLogEntry &entry(int row) const { return m_entries.at(row); }
    int capacity() const { return m_capacity; }

private:
    QList<api::NetworkLogEntry> m_entries;
    int m_capacity;
};

} // namespace mcdesk::ui
