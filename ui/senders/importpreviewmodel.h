#pragma once

#include "core/senders/senderimport.h"

#include <QAbstractTableModel>
#include <QHash>

class QJsonObject;

namespace mcdesk::ui {

// The bulk import before and after sending: one row per entry (duplicates collapsed, the lines
// they came from listed), invalid rows with their reason, and after sending each entry's
// outcome with Mimecast's managed-sender id and type, or its reason and code.
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Line, Sender, Recipient, Action, Status, Details, ColumnCount };
    enum Role { SortRole = Qt::UserRole };
    using State = senders::ImportEntry::State;

    explicit ImportPreviewModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setEntries(QList<senders::ImportEntry> entries);
    const QList<senders::ImportEntry> &entries() const { return m_entries; }
    const senders::ImportEntry &entry(int row) const { return m_entries.at(row); }
    int count(State state) const;

    // The entries still to send with `action` (Ready), in line order.
    QList<senders::ManagedSender> readyEntries(senders::ManagedSender::Action action) const;
    // Marks those entries as being sent.
    void markSending(const QList<senders::ManagedSender> &entries);
    // One item's outcome from the actions layer (its key is senders::ManagedSender::key()).
    void applyOutcome(const api::ItemOutcome &item);
    // Entries still marked Sending that no result mentions: to `state` (Ready when they were
    // not sent, Unknown when they were) with `why`.
    void releaseSending(State state, const QString &why);
    // Failed entries back to Ready, for Retry failed. Returns how many.
    int resetFailed();

    static QString stateText(State state);

private:
    QVariant display(const senders::ImportEntry &e, int column) const;
    QString details(const senders::ImportEntry &e) const;
    void changed(int row);

    QList<senders::ImportEntry> m_entries;
    QHash<QString, int> m_rowOfKey; // ManagedSender::key() -> row, for the sendable entries
};

} // namespace mcdesk::ui
