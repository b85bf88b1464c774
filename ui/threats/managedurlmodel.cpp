#include "ui/threats/managedurlmodel.h"

#include "ui/common/palette.h"
#include "ui/common/plaintext.h"

#include <QApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

using threats::ManagedUrl;

void ManagedUrlModel::setEntries(const QList<ManagedUrl> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int ManagedUrlModel::rowOf(const QString &url) const
{
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries.at(row).displayUrl() == url)
            return row;
    return -1;
}

int ManagedUrlModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ManagedUrlModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ManagedUrlModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ManagedUrl &e = m_entries.at(index.row());
    const bool permit = e.action == ManagedUrl::Action::Permit;
    // The three options read as what URL Protect does, so "yes" is the usual case.
    const auto does = [](bool disabled) {
        return disabled ? tr("off") : tr("on");
    };
    QString text;
    switch (index.column()) {
    case Url:
        text = e.displayUrl();
        break;
    case Action:
        text = permit ? tr("permit") : tr("block");
        break;
    case Match:
        text = e.match == ManagedUrl::Match::Domain ? tr("domain") : tr("explicit");
        break;
    case Comment:
        text = e.comment;
        break;
    case LogClicks:
        text = does(e.disableLogClick);
        break;
    case Rewrite:
        text = permit ? does(e.disableRewrite) : QString();
        break;
    case Awareness:
        text = permit ? does(e.disableUserAwareness) : QString();
        break;
    case Id:
        text = e.id;
        break;
    default:
        break;
    }
    switch (role) {
    case Qt::DisplayRole:
    case ExportRole:
        return text;
    case SortRole:
        return text.toLower();
    case Qt::ToolTipRole:
        return plainToolTip(text);
    case Qt::ForegroundRole:
        if (index.column() == Action)
            return palette::statusColor(permit ? palette::Status::Good : palette::Status::Bad,
                                        QApplication::palette());
        return {};
    default:
        return {};
    }
}

QVariant ManagedUrlModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Url:
        return tr("URL");
    case Action:
        return tr("Action");
    case Match:
        return tr("Match");
    case Comment:
        return tr("Comment");
    case LogClicks:
        return tr("Log clicks");
    case Rewrite:
        return tr("Rewrite");
    case Awareness:
        return tr("Awareness");
    case Id:
        return tr("Id");
    default:
        return {};
    }
}

} // namespace mcdesk::ui
