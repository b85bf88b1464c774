#include "ui/held/heldmessagemodel.h"

#include "core/held/heldformat.h"
#include "ui/common/plaintext.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

HeldMessageModel::HeldMessageModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int HeldMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int HeldMessageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeldMessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const held::HeldMessage &m = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(m, index.column());
    case Qt::ToolTipRole:
        return toolTip(m, index.column());
    case SortRole:
        return sortValue(m, index.column());
    case ExportRole:
        if (index.column() == Received)
            return m.received.toUTC().toString(Qt::ISODate);
        if (index.column() == Size)
            return QString::number(m.size);
        return display(m, index.column());
    case IdRole:
        return m.id;
    case PolicyRole:
        return m.policy;
    case MarkRole:
        if (const auto mark = m_marks.constFind(m.id); mark != m_marks.cend())
            return int(*mark);
        return {};
    case Qt::FontRole:
        if (index.column() == Mark && m_marks.contains(m.id)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == Attachments)
            return QVariant(Qt::AlignCenter);
        return {};
    default:
        return {};
    }
}

QVariant HeldMessageModel::display(const held::HeldMessage &m, int column) const
{
    switch (column) {
    case Received:
        return heldformat::localTime(m.received);
    case From:
        return m.fromHeader.name.isEmpty() ? m.fromHeader.email : m.fromHeader.name;
    case EnvelopeFrom:
        return m.fromEnvelope.email;
    case To:
        return m.to.email;
    case Subject:
        return m.subject;
    case Reason: {
        // "Message Hold Applied - Spam Signature policy": the prefix says nothing in a held queue.
        static const QString prefix = u"Message Hold Applied - "_s;
        return m.reason.startsWith(prefix) ? m.reason.mid(prefix.size()) : m.reason;
    }
    case Policy:
        return m.policy;
    case Route:
        return QString(m.route.left(1).toUpper() + m.route.mid(1).toLower());
    case Size:
        return heldformat::size(m.size);
    case Attachments:
        return m.hasAttachments ? tr("Yes") : QString();
    case Id:
        return m.id;
    case Mark:
        if (const auto mark = m_marks.constFind(m.id); mark != m_marks.cend())
            return triage::markLabel(*mark);
        return QString();
    }
    return {};
}

QVariant HeldMessageModel::toolTip(const held::HeldMessage &m, int column) const
{
    QString text;
    switch (column) {
    case Received:
        text = tr("%1\n%2 (your time)")
                   .arg(heldformat::utcTime(m.received),
                        m.received.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss t"_s));
        break;
    case From:
    case EnvelopeFrom:
        text = tr("Header From: %1\nEnvelope From: %2")
                   .arg(heldformat::address(m.fromHeader), heldformat::address(m.fromEnvelope));
        break;
    case To:
        text = heldformat::address(m.to);
        break;
    case Subject:
        text = m.subject;
        break;
    case Reason:
        text = m.reasonCode.isEmpty() ? m.reason : m.reason + u"\n"_s + m.reasonCode;
        break;
    case Policy:
        text = m.policy;
        break;
    case Size:
        text = tr("%1 bytes").arg(m.size);
        break;
    case Id:
        text = m.id;
        break;
    default:
        return {};
    }
    return plainToolTip(text);
}

QVariant HeldMessageModel::sortValue(const held::HeldMessage &m, int column) const
{
    switch (column) {
    case Received:
        return m.received.toMSecsSinceEpoch();
    case Size:
        return m.size;
    case Attachments:
        return m.hasAttachments ? 1 : 0;
    default:
        return display(m, column);
    }
}

QVariant HeldMessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == Mark)
        return tr("What you decided, sent when you apply the marks (Ctrl+Return)");
    if (role == Qt::ToolTipRole && section == From)
        return tr("The From header (what the recipient sees); the envelope sender is in the "
                  "tooltip and in the Envelope from column.");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Received:
        return tr("Received");
    case From:
        return tr("From");
    case EnvelopeFrom:
        return tr("Envelope from");
    case To:
        return tr("To");
    case Subject:
        return tr("Subject");
    case Reason:
        return tr("Reason");
    case Policy:
        return tr("Policy");
    case Route:
        return tr("Route");
    case Size:
        return tr("Size");
    case Attachments:
        return tr("Attachments");
    case Id:
        return tr("Id");
    case Mark:
        return tr("Mark");
    }
    return {};
}

common::LatestRequest::Ticket HeldMessageModel::beginQuery()
{
    beginResetModel();
    m_messages.clear();
    const common::LatestRequest::Ticket query = m_query.next();
    endResetModel();
    return query;
}

bool HeldMessageModel::appendPage(common::LatestRequest::Ticket query,
                                  const QList<held::HeldMessage> &messages)
{
    if (!m_query.isCurrent(query))
        return false;
    if (messages.isEmpty())
        return true;
    const int first = int(m_messages.size());
    beginInsertRows({}, first, first + int(messages.size()) - 1);
    m_messages.append(messages);
    endInsertRows();
    return true;
}

int HeldMessageModel::removeIds(const QSet<QString> &ids)
{
    int removed = 0;
    // From the bottom up, one contiguous run at a time, so views keep their other rows.
    for (int row = int(m_messages.size()) - 1; row >= 0;) {
        if (!ids.contains(m_messages.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && ids.contains(m_messages.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_messages.remove(first, row - first + 1);
        endRemoveRows();
        removed += row - first + 1;
        row = first - 1;
    }
    // A message that left the queue has nothing left to decide.
    const qsizetype marksBefore = m_marks.size();
    for (const QString &id : ids)
        m_marks.remove(id);
    if (m_marks.size() != marksBefore)
        emit marksChanged();
    return removed;
}

void HeldMessageModel::setMark(const QList<int> &rows, std::optional<HeldAction> action)
{
    bool changed = false;
    for (const int row : rows) {
        const QString &id = m_messages.at(row).id;
        if (action)
            m_marks.insert(id, *action);
        else if (!m_marks.remove(id))
            continue;
        changed = true;
        emit dataChanged(index(row, Mark), index(row, Mark));
    }
    if (changed)
        emit marksChanged();
}

void HeldMessageModel::clearMarks(const QStringList &ids)
{
    bool changed = false;
    for (const QString &id : ids) {
        if (!m_marks.remove(id))
            continue;
        changed = true;
        if (const int row = rowOf(id); row >= 0)
            emit dataChanged(index(row, Mark), index(row, Mark));
    }
    if (changed)
        emit marksChanged();
}

int HeldMessageModel::dropMarksNotLoaded()
{
    if (m_marks.isEmpty())
        return 0;
    QSet<QString> loaded;
    for (const held::HeldMessage &m : std::as_const(m_messages))
        loaded.insert(m.id);
    int dropped = 0;
    for (auto it = m_marks.begin(); it != m_marks.end();) {
        if (loaded.contains(it.key())) {
            ++it;
        } else {
            it = m_marks.erase(it);
            ++dropped;
        }
    }
    if (dropped)
        emit marksChanged();
    return dropped;
}

int HeldMessageModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_messages.size(); ++row)
        if (m_messages.at(row).id == id)
            return row;
    return -1;
}

} // namespace mcdesk::ui
