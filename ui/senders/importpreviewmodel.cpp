#include "ui/senders/importpreviewmodel.h"

#include "ui/common/palette.h"
#include "ui/common/plaintext.h"
#include "ui/common/widgets.h"

#include <QApplication>
#include <QJsonObject>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
QString linesText(const QList<int> &lines)
{
    QStringList parts;
    for (int line : lines)
        parts << QString::number(line);
    return parts.join(u", "_s);
}
} // namespace

ImportPreviewModel::ImportPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void ImportPreviewModel::setEntries(QList<senders::ImportEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_rowOfKey.clear();
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries.at(row).canSend())
            m_rowOfKey.insert(m_entries.at(row).toManagedSender().key(), row);
    endResetModel();
}

int ImportPreviewModel::count(State state) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [state](const senders::ImportEntry &e) { return e.state == state; }));
}

QList<senders::ManagedSender>
ImportPreviewModel::readyEntries(senders::ManagedSender::Action action) const
{
    QList<senders::ManagedSender> out;
    for (const senders::ImportEntry &e : m_entries)
        if (e.state == State::Ready && e.action == action)
            out.append(e.toManagedSender());
    return out;
}

void ImportPreviewModel::markSending(const QList<senders::ManagedSender> &entries)
{
    for (const senders::ManagedSender &s : entries) {
        const int row = m_rowOfKey.value(s.key(), -1);
        if (row < 0)
            continue;
        m_entries[row].state = State::Sending;
        changed(row);
    }
}

void ImportPreviewModel::applyOutcome(const api::ItemOutcome &item)
{
    const int row = m_rowOfKey.value(item.key, -1); // senders::ManagedSender::key()
    if (row < 0)
        return;
    senders::ImportEntry &e = m_entries[row];
    switch (item.status) {
    case api::ItemOutcome::Status::Done:
        e.state = State::Done;
        e.managedSenderId = item.detail.value(u"id"_s).toString();
        e.type = item.detail.value(u"type"_s).toString();
        break;
    case api::ItemOutcome::Status::Failed:
        e.state = State::Failed;
        break;
    case api::ItemOutcome::Status::Unknown:
        e.state = State::Unknown;
        break;
    }
    e.code = item.code;
    e.message = item.message;
    changed(row);
}

void ImportPreviewModel::releaseSending(State state, const QString &why)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).state != State::Sending)
            continue;
        m_entries[row].state = state;
        m_entries[row].message = why;
        changed(row);
    }
}

int ImportPreviewModel::resetFailed()
{
    int count = 0;
    for (int row = 0; row < m_entries.size(); ++row) {
        senders::ImportEntry &e = m_entries[row];
        if (e.state != State::Failed)
            continue;
        e.state = State::Ready;
        e.code.clear();
        e.message.clear();
        ++count;
        changed(row);
    }
    return count;
}

void ImportPreviewModel::changed(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString ImportPreviewModel::stateText(State state)
{
    switch (state) {
    case State::Ready:
        return tr("Ready");
    case State::Invalid:
        return tr("Invalid");
    case State::Sending:
        return tr("Sending…");
    case State::Done:
        return tr("Done");
    case State::Failed:
        return tr("Failed");
    case State::Unknown:
        return tr("Unknown");
    }
    return {};
}

QString ImportPreviewModel::details(const senders::ImportEntry &e) const
{
    switch (e.state) {
    case State::Invalid:
        return e.problem;
    case State::Done:
        return tr("%1 · Mimecast id %2").arg(e.type, e.managedSenderId);
    case State::Failed:
    case State::Unknown:
        return e.code.isEmpty() ? e.message : tr("%1 [%2]").arg(e.message, e.code);
    case State::Ready:
    case State::Sending:
        break;
    }
    if (!e.message.isEmpty())
        return e.message;
    if (e.lines.size() > 1)
        return tr("Listed on %1 lines; sent once").arg(e.lines.size());
    return {};
}

QVariant ImportPreviewModel::display(const senders::ImportEntry &e, int column) const
{
    switch (column) {
    case Line:
        return linesText(e.lines);
    case Sender:
        return e.sender;
    case Recipient:
        return e.recipient;
    case Action:
        return e.canSend() ? senders::ManagedSender::actionName(e.action) : e.actionText;
    case Status:
        return stateText(e.state);
    case Details:
        return details(e);
    }
    return {};
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const senders::ImportEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case Qt::ToolTipRole:
        return plainToolTip(display(e, index.column()).toString());
    case SortRole:
        if (index.column() == Line)
            return e.lines.value(0);
        if (index.column() == Status)
            return int(e.state);
        return display(e, index.column());
    case Qt::ForegroundRole: {
        if (index.column() != Status && index.column() != Details)
            return {};
        const QPalette p = QApplication::palette();
        if (e.state == State::Invalid || e.state == State::Failed)
            return palette::statusColor(palette::Status::Bad, p);
        if (e.state == State::Unknown)
            return palette::statusColor(palette::Status::Warning, p);
        if (e.state == State::Done && index.column() == Status)
            return palette::statusColor(palette::Status::Good, p);
        return {};
    }
    case Qt::DecorationRole:
        if (index.column() != Status)
            return {};
        if (e.state == State::Invalid || e.state == State::Failed)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        if (e.state == State::Unknown)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (e.state == State::Done)
            return QApplication::style()->standardIcon(QStyle::SP_DialogApplyButton);
        return {};
    default:
        return {};
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Line:
        return tr("Line");
    case Sender:
        return tr("Sender");
    case Recipient:
        return tr("Recipient");
    case Action:
        return tr("Action");
    case Status:
        return tr("Status");
    case Details:
        return tr("Details");
    }
    return {};
}

} // namespace mcdesk::ui
