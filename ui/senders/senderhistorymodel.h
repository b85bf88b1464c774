#pragma once

#include "core/api/batchwrite.h"

#include "core/audit/auditlog.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace mcdesk::ui {

// The managed-sender entries this app sent, read from the audit log (Mimecast has no endpoint
// that lists them): one row per entry of every permit-sender and block-sender action, newest
// first, with Mimecast's managed-sender id and the outcome.
class SenderHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Sender, Recipient, Action, MimecastId, Outcome, Case, ColumnCount };
    enum Role { SortRole = Qt::UserRole };

    struct Row
    {
        QDateTime timeUtc;
        QString sender;
        QString recipient;
        QString action; // permit | block
        QString managedSenderId;
        QString type;
        api::ItemOutcome::Status outcome = api::ItemOutcome::Status::Unknown;
        QString errorCode;
        QString errorMessage;
        QString caseId;
        QStringList alertGroups;
        QString user;
    };

    explicit SenderHistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Keeps the permit-sender and block-sender entries of `entries`.
    void setAuditEntries(const QList<audit::AuditEntry> &entries);
    void setRows(QList<Row> rows);
    // The rows of one entry the audit trail has just written, at the top (newest first).
    void prependEntry(const audit::AuditEntry &entry);
    const Row &row(int index) const { return m_rows.at(index); }

    static QList<Row> rowsFrom(const QList<audit::AuditEntry> &entries);

private:
    QVariant display(const Row &row, int column) const;
    QString toolTip(const Row &row, int column) const;

    QList<Row> m_rows;
};

} // namespace mcdesk::ui
