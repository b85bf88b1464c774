#pragma once

#include "core/threats/threatlogs.h"

#include <QAbstractTableModel>

namespace mcdesk::ui {

// The rows of one Targeted Threat Protection log. Cells are the server's text, shown as plain
// text; times are shown in local time and exported in UTC ISO 8601.
class ThreatLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1, ExportRole, MessageIdRole, UrlRole };

    using QAbstractTableModel::QAbstractTableModel;

    virtual threats::ThreatLog log() const = 0;
    virtual void setRows(const threats::ThreatLogRows &rows) = 0;
    virtual QString messageId(int row) const = 0;
    virtual QString url(int /*row*/) const { return {}; }
    // Sender and subject stay at the end (hidden by the panel at first).
    virtual QList<int> hiddenColumns() const { return {}; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    // A cell: QString, or QDateTime for a time.
    virtual QVariant cell(int row, int column) const = 0;
    virtual QStringList headers() const = 0;
    // A verdict cell worth colouring (malicious); -1 when none.
    virtual int verdictColumn() const { return -1; }
};

// /api/ttp/url/get-logs: who clicked what, and what URL Protect did.
class ClickLogModel : public ThreatLogModel
{
    Q_OBJECT
public:
    enum Column {
        When,
        User,
        Url,
        Category,
        ScanResult,
        Action,
        AdminOverride,
        UserOverride,
        Awareness,
        Route,
        Click,
        Sender,
        Subject,
        MessageId,
        ColumnCount
    };
    using ThreatLogModel::ThreatLogModel;
    threats::ThreatLog log() const override { return threats::ThreatLog::UrlClicks; }
    void setRows(const threats::ThreatLogRows &rows) override;
    QString messageId(int row) const override { return m_rows.at(row).messageId; }
    QString url(int row) const override { return m_rows.at(row).url; }
    QList<int> hiddenColumns() const override { return {Sender, Subject, MessageId}; }
    const threats::ClickLog &click(int row) const { return m_rows.at(row); }
    int rowCount(const QModelIndex &parent = {}) const override;

protected:
    QVariant cell(int row, int column) const override;
    QStringList headers() const override;
    int verdictColumn() const override { return ScanResult; }

private:
    QList<threats::ClickLog> m_rows;
};

// /api/ttp/attachment/get-logs: attachments sandboxed, and the verdict.
class AttachmentLogModel : public ThreatLogModel
{
    Q_OBJECT
public:
    enum Column {
        When,
        File,
        Hash,
        Result,
        Action,
        Recipient,
        Sender,
        Subject,
        Route,
        Details,
        MessageId,
        ColumnCount
    };
    using ThreatLogModel::ThreatLogModel;
    threats::ThreatLog log() const override { return threats::ThreatLog::Attachments; }
    void setRows(const threats::ThreatLogRows &rows) override;
    QString messageId(int row) const override { return m_rows.at(row).messageId; }
    QList<int> hiddenColumns() const override { return {Subject, Details, MessageId}; }
    int rowCount(const QModelIndex &parent = {}) const override;

protected:
    QVariant cell(int row, int column) const override;
    QStringList headers() const override;
    int verdictColumn() const override { return Result; }

private:
    QList<threats::AttachmentLog> m_rows;
};

// /api/ttp/impersonation/get-logs: impersonation policy hits.
class ImpersonationLogModel : public ThreatLogModel
{
    Q_OBJECT
public:
    enum Column {
        When,
        Identifiers,
        Action,
        Policy,
        SenderIp,
        TaggedMalicious,
        Sender,
        Recipient,
        Subject,
        MessageId,
        ColumnCount
    };
    using ThreatLogModel::ThreatLogModel;
    threats::ThreatLog log() const override { return threats::ThreatLog::Impersonation; }
    void setRows(const threats::ThreatLogRows &rows) override;
    QString messageId(int row) const override { return m_rows.at(row).messageId; }
    QList<int> hiddenColumns() const override { return {MessageId}; }
    int rowCount(const QModelIndex &parent = {}) const override;

protected:
    QVariant cell(int row, int column) const override;
    QStringList headers() const override;

private:
    QList<threats::ImpersonationLog> m_rows;
};

} // namespace mcdesk::ui
