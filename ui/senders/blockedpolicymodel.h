#pragma once

#include "core/senders/blockedsenderpolicy.h"

#include <QAbstractTableModel>

namespace mcdesk::ui {

// Mimecast's blocked-sender policies as a table: description, action, from and to with their
// types, the part of the message the sender is matched in, start and end (or "Eternal"),
// enabled and bidirectional. Everything here is policy text from the server: plain text only.
class BlockedPolicyModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Description,
        Option,
        From,
        To,
        FromPart,
        Starts,
        Ends,
        Enabled,
        Bidirectional,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, IdRole };

    explicit BlockedPolicyModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setPolicies(QList<senders::BlockedSenderPolicy> policies);
    // Adds a policy just created; returns its row.
    int append(const senders::BlockedSenderPolicy &policy);
    // Removes the policy with `id`; false when there is none.
    bool remove(const QString &id);
    const senders::BlockedSenderPolicy &policy(int row) const { return m_policies.at(row); }
    int rowOf(const QString &id) const;

    // Human names for a party type and an option ("Email domain", "Block sender").
    static QString typeText(const QString &type);
    static QString optionText(const QString &option);
    // "Envelope and header from"; `brief` gives the table's "Both".
    static QString fromPartText(const QString &fromPart, bool brief = false);
    static QString partyText(const senders::PolicyParty &party);

private:
    QVariant display(const senders::BlockedSenderPolicy &p, int column) const;
    QString toolTip(const senders::BlockedSenderPolicy &p, int column) const;

    QList<senders::BlockedSenderPolicy> m_policies;
};

} // namespace mcdesk::ui
