#include "ui/senders/senderhistorymodel.h"

#include "core/audit/auditsummary.h"
#include "ui/common/plaintext.h"

#include "ui/common/palette.h"
#include "ui/common/widgets.h"

#include <QApplication>
#include <QJsonObject>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr auto Done = api::ItemOutcome::Status::Done;
constexpr auto Failed = api::ItemOutcome::Status::Failed;
} // namespace

SenderHistoryModel::SenderHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int SenderHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SenderHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QList<SenderHistoryModel::Row> SenderHistoryModel::rowsFrom(const QList<audit::AuditEntry> &entries)
{
    QList<Row> rows;
    // Newest first: the log is oldest first, and the items of one action keep their order.
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        const audit::AuditEntry &e = *it;
        QString fallbackAction;
        if (e.action == u"permit-sender"_s)
            fallbackAction = u"permit"_s;
        else if (e.action == u"block-sender"_s)
            fallbackAction = u"block"_s;
        else
            continue;
        for (const QJsonValue &value : e.items) {
            const QJsonObject item = value.toObject();
            const QJsonObject error = item.value(u"error"_s).toObject();
            Row row;
            row.timeUtc = e.timeUtc;
            row.sender = item.value(u"sender"_s).toString();
            row.recipient = item.value(u"recipient"_s).toString();
            // Failed items carry no action of their own; the action they were sent with does.
            row.action = item.value(u"action"_s).toString();
            if (row.action.isEmpty())
                row.action = fallbackAction;
            row.managedSenderId = item.value(u"managed_sender_id"_s).toString();
            row.type = item.value(u"type"_s).toString();
            row.outcome = audit::itemStatus(item);
            row.errorCode = error.value(u"code"_s).toString();
            row.errorMessage = error.value(u"message"_s).toString();
            row.caseId = e.caseId;
            row.alertGroups = e.alertGroups;
            row.user = e.osUser;
            rows.append(row);
        }
    }
    return rows;
}

void SenderHistoryModel::setAuditEntries(const QList<audit::AuditEntry> &entries)
{
    setRows(rowsFrom(entries));
}

void SenderHistoryModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void SenderHistoryModel::prependEntry(const audit::AuditEntry &entry)
{
    const QList<Row> rows = rowsFrom({entry});
    if (rows.isEmpty())
        return;
    beginInsertRows({}, 0, int(rows.size()) - 1);
    m_rows = rows + m_rows;
    endInsertRows();
}

QVariant SenderHistoryModel::display(const Row &row, int column) const
{
    switch (column) {
    case Time:
        return row.timeUtc.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case Sender:
        return row.sender;
    case Recipient:
        return row.recipient;
    case Action:
        return row.action;
    case MimecastId:
        return row.managedSenderId;
    case Outcome:
        if (row.outcome == Done)
            return tr("Done");
        if (row.outcome == Failed)
            return tr("Failed");
        return tr("Unknown");
    case Case:
        return row.caseId;
    }
    return {};
}

QString SenderHistoryModel::toolTip(const Row &row, int column) const
{
    switch (column) {
    case Time:
        return tr("%1 UTC, by %2")
            .arg(row.timeUtc.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s), row.user);
    case Outcome:
        if (row.outcome == Done)
            return tr("Mimecast keeps this as a %1 entry.").arg(row.type);
        if (row.errorCode.isEmpty())
            return row.errorMessage;
        return tr("%1 [%2]").arg(row.errorMessage, row.errorCode);
    case Case:
        if (!row.alertGroups.isEmpty())
            return tr("Case %1, alert groups %2").arg(row.caseId, row.alertGroups.join(u", "_s));
        break;
    }
    return display(row, column).toString();
}

QVariant SenderHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case Qt::ToolTipRole:
        return plainToolTip(toolTip(r, index.column()));
    case SortRole:
        return index.column() == Time ? QVariant(r.timeUtc) : display(r, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Outcome && r.outcome != Done)
            return palette::statusColor(r.outcome == Failed ? palette::Status::Bad
                                                            : palette::Status::Warning,
                                        QApplication::palette());
        return {};
    case Qt::DecorationRole:
        if (index.column() == Outcome && r.outcome == Failed)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        if (index.column() == Outcome && r.outcome != Done)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    default:
        return {};
    }
}

QVariant SenderHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Sender:
        return tr("Sender");
    case Recipient:
        return tr("Recipient");
    case Action:
        return tr("Action");
    case MimecastId:
        return tr("Mimecast id");
    case Outcome:
        return tr("Outcome");
    case Case:
        return tr("Case");
    }
    return {};
}

} // namespace mcdesk::ui
