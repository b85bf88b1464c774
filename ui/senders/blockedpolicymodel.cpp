#include "ui/senders/blockedpolicymodel.h"

#include "ui/common/plaintext.h"
#include "ui/common/widgets.h"

#include <QPalette>

#include <limits>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
QString dateText(bool eternal, const QDateTime &when)
{
    if (eternal || !when.isValid())
        return BlockedPolicyModel::tr("Eternal");
    return when.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

QString yesNo(bool value)
{
    return value ? BlockedPolicyModel::tr("Yes") : BlockedPolicyModel::tr("No");
}
} // namespace

BlockedPolicyModel::BlockedPolicyModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int BlockedPolicyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_policies.size());
}

int BlockedPolicyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void BlockedPolicyModel::setPolicies(QList<senders::BlockedSenderPolicy> policies)
{
    beginResetModel();
    m_policies = std::move(policies);
    endResetModel();
}

int BlockedPolicyModel::append(const senders::BlockedSenderPolicy &policy)
{
    const int row = int(m_policies.size());
    beginInsertRows({}, row, row);
    m_policies.append(policy);
    endInsertRows();
    return row;
}

bool BlockedPolicyModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_policies.removeAt(row);
    endRemoveRows();
    return true;
}

int BlockedPolicyModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_policies.size(); ++row)
        if (m_policies.at(row).id == id)
            return row;
    return -1;
}

QString BlockedPolicyModel::typeText(const QString &type)
{
    if (type == u"everyone"_s)
        return tr("Everyone");
    if (type == u"email_domain"_s)
        return tr("Email domain");
    if (type == u"email_address"_s)
        return tr("Email address");
    if (type == u"internal_addresses"_s)
        return tr("Internal addresses");
    if (type == u"external_addresses"_s)
        return tr("External addresses");
    if (type == u"profile_group"_s)
        return tr("Profile group");
    return type; // a type this version does not know: shown as Mimecast names it
}

QString BlockedPolicyModel::optionText(const QString &option)
{
    if (option == u"block_sender"_s)
        return tr("Block sender");
    if (option == u"no_action"_s)
        return tr("No action");
    return option;
}

QString BlockedPolicyModel::fromPartText(const QString &fromPart, bool brief)
{
    if (fromPart == u"envelope_from"_s)
        return brief ? tr("Envelope") : tr("Envelope from");
    if (fromPart == u"header_from"_s)
        return brief ? tr("Header") : tr("Header from");
    if (fromPart == u"both"_s)
        return brief ? tr("Both") : tr("Envelope and header from");
    return fromPart;
}

QString BlockedPolicyModel::partyText(const senders::PolicyParty &party)
{
    if (party.value.isEmpty())
        return typeText(party.type);
    return tr("%1: %2").arg(typeText(party.type), party.value);
}

QVariant BlockedPolicyModel::display(const senders::BlockedSenderPolicy &p, int column) const
{
    switch (column) {
    case Description:
        return p.description;
    case Option:
        return optionText(p.option);
    case From:
        return partyText(p.from);
    case To:
        return partyText(p.to);
    case FromPart:
        return fromPartText(p.fromPart, true);
    case Starts:
        return dateText(p.fromEternal, p.fromDate);
    case Ends:
        return dateText(p.toEternal, p.toDate);
    case Enabled:
        return yesNo(p.enabled);
    case Bidirectional:
        return yesNo(p.bidirectional);
    }
    return {};
}

QString BlockedPolicyModel::toolTip(const senders::BlockedSenderPolicy &p, int column) const
{
    if (column == Description)
        return tr("%1\nPolicy id: %2").arg(p.description, p.id);
    if (column == FromPart)
        return tr("The sender is matched in: %1").arg(fromPartText(p.fromPart));
    if (column == Starts || column == Ends) {
        const bool eternal = column == Starts ? p.fromEternal : p.toEternal;
        const QDateTime when = column == Starts ? p.fromDate : p.toDate;
        if (!eternal && when.isValid())
            return tr("%1 UTC").arg(when.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s));
    }
    return display(p, column).toString();
}

QVariant BlockedPolicyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const senders::BlockedSenderPolicy &p = m_policies.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(p, index.column());
    case Qt::ToolTipRole:
        return plainToolTip(toolTip(p, index.column()));
    case SortRole:
        // "Eternal" sorts before every start and after every end.
        if (index.column() == Starts)
            return p.fromEternal ? std::numeric_limits<qint64>::min()
                                 : p.fromDate.toMSecsSinceEpoch();
        if (index.column() == Ends)
            return p.toEternal ? std::numeric_limits<qint64>::max() : p.toDate.toMSecsSinceEpoch();
        return display(p, index.column());
    case IdRole:
        return p.id;
    case Qt::ForegroundRole:
        if (!p.enabled)
            return QPalette().color(QPalette::PlaceholderText); // a disabled policy reads greyed
        return {};
    default:
        return {};
    }
}

QVariant BlockedPolicyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Description:
        return tr("Description");
    case Option:
        return tr("Action");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case FromPart:
        return tr("Matched in");
    case Starts:
        return tr("Starts");
    case Ends:
        return tr("Ends");
    case Enabled:
        return tr("Enabled");
    case Bidirectional:
        return tr("Bidirectional");
    }
    return {};
}

} // namespace mcdesk::ui
