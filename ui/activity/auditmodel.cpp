#include "ui/activity/auditmodel.h"

#include "ui/common/plaintext.h"

#include <QApplication>
#include <QJsonObject>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr int kMaxTooltipItems = 20;
}

AuditModel::AuditModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void AuditModel::setEntries(QList<audit::AuditEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void AuditModel::appendEntry(const audit::AuditEntry &entry)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

QString AuditModel::resultText(audit::EntryResult result)
{
    switch (result) {
    case audit::EntryResult::Done:
        return tr("Done");
    case audit::EntryResult::Partial:
        return tr("Partly failed");
    case audit::EntryResult::Failed:
        return tr("Failed");
    case audit::EntryResult::Unknown:
        return tr("Unknown");
    case audit::EntryResult::Empty:
        break;
    }
    return tr("No items");
}

QString AuditModel::itemsText(const audit::ItemCounts &c)
{
    if (c.total == c.done)
        return QString::number(c.total);
    QStringList parts;
    if (c.done)
        parts << tr("%1 done").arg(c.done);
    if (c.failed)
        parts << tr("%1 failed").arg(c.failed);
    if (c.unknown)
        parts << tr("%1 unknown").arg(c.unknown);
    return tr("%1 (%2)").arg(c.total).arg(parts.join(u", "_s));
}

QVariant AuditModel::display(const audit::AuditEntry &e, int column) const
{
    switch (column) {
    case Time:
        return e.timeUtc.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case User:
        return e.osUser;
    case Profile:
        return e.profile;
    case Action:
        return e.action;
    case Case:
        return e.caseId;
    case AlertGroup:
        return e.alertGroups.join(u", "_s);
    case Items:
        return itemsText(audit::countItems(e));
    case Outcome:
        return resultText(audit::resultOf(e));
    }
    return {};
}

QVariant AuditModel::toolTip(const audit::AuditEntry &e, int column) const
{
    if (column == Time)
        return tr("%1 UTC").arg(e.timeUtc.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s));
    if (column == Items || column == Outcome) {
        QStringList lines;
        if (!e.message.isEmpty())
            lines << e.message;
        int shown = 0;
        for (const QJsonValue &value : e.items) {
            if (shown++ == kMaxTooltipItems) {
                lines << tr("… and %1 more").arg(e.items.size() - kMaxTooltipItems);
                break;
            }
            const QJsonObject item = value.toObject();
            const QString key = item.contains(u"sender"_s) ? item.value(u"sender"_s).toString()
                                                           : item.value(u"id"_s).toString();
            QString line = tr("%1: %2").arg(key, item.value(u"outcome"_s).toString());
            const QJsonObject error = item.value(u"error"_s).toObject();
            if (!error.isEmpty())
                line += tr(" (%1 %2)")
                            .arg(error.value(u"code"_s).toString(),
                                 error.value(u"message"_s).toString());
            lines << line;
        }
        return lines.join(u'\n');
    }
    const QVariant text = display(e, column);
    return text.toString().isEmpty() ? QVariant() : text;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const audit::AuditEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case Qt::ToolTipRole: {
        const QVariant tip = toolTip(e, index.column());
        return tip.isNull() ? tip : QVariant(plainToolTip(tip.toString()));
    }
    case SortRole:
        if (index.column() == Time)
            return e.timeUtc;
        if (index.column() == Items)
            return audit::countItems(e).total;
        return display(e, index.column());
    case EntryRowRole:
        return index.row();
    case Qt::DecorationRole:
        if (index.column() == Outcome) {
            const audit::EntryResult r = audit::resultOf(e);
            if (r == audit::EntryResult::Failed)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
            if (r == audit::EntryResult::Partial || r == audit::EntryResult::Unknown)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        }
        return {};
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case User:
        return tr("User");
    case Profile:
        return tr("Connection");
    case Action:
        return tr("Action");
    case Case:
        return tr("Case");
    case AlertGroup:
        return tr("Alert group");
    case Items:
        return tr("Items");
    case Outcome:
        return tr("Outcome");
    }
    return {};
}

} // namespace mcdesk::ui
