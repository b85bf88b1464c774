#include "ui/investigate/trackedmodel.h"

#include "core/held/heldformat.h"
#include "ui/common/plaintext.h"

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

TrackedModel::TrackedModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TrackedModel::setMessages(QList<respond::TrackedMessage> messages)
{
    beginResetModel();
    m_rows = std::move(messages);
    endResetModel();
}

int TrackedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrackedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TrackedModel::text(const respond::TrackedMessage &m, int column) const
{
    switch (column) {
    case Status:
        return m.info.isEmpty() || m.info == m.status ? m.status
                                                      : u"%1 (%2)"_s.arg(m.status, m.info);
    case Received:
        return m.received.isValid() ? heldformat::localTime(m.received) : QString();
    case FromEnvelope:
        return m.fromEnvelope.email;
    case FromHeader:
        return m.fromHeader.email;
    case To:
        return m.recipients();
    case Subject:
        return m.subject;
    case SenderIp:
        return m.senderIp;
    case Route:
        return m.route;
    case SpamScore:
        return m.spamScore < 0 ? QString() : QString::number(m.spamScore);
    case DetectionLevel:
        return m.detectionLevel;
    default:
        return {};
    }
}

QVariant TrackedModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const respond::TrackedMessage &m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(m, index.column());
    case Qt::ToolTipRole:
        if (index.column() == FromHeader && m.fromMismatch())
            return plainToolTip(tr("The header From differs from the envelope sender (%1)")
                                    .arg(m.fromEnvelope.email));
        return plainToolTip(text(m, index.column()));
    case ExportRole:
        if (index.column() == Received)
            return m.received.isValid() ? m.received.toUTC().toString(Qt::ISODate) : QString();
        return text(m, index.column());
    case SortRole:
        if (index.column() == Received)
            return m.received;
        if (index.column() == SpamScore)
            return m.spamScore;
        return text(m, index.column()).toLower();
    case IdRole:
        return m.id;
    case Qt::TextAlignmentRole:
        if (index.column() == SpamScore)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant TrackedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList labels{tr("Status"),         tr("Received"), tr("From (envelope)"),
                                    tr("From (header)"),  tr("To"),       tr("Subject"),
                                    tr("Sender IP"),      tr("Route"),    tr("Spam score"),
                                    tr("Detection level")};
    return labels.value(section);
}

} // namespace mcdesk::ui
