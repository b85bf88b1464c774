#include "ui/threats/urlimportmodel.h"

#include "ui/common/palette.h"
#include "ui/common/plaintext.h"

#include <QApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

using threats::ManagedUrl;

void UrlImportModel::setParse(const threats::UrlImportParse &parse)
{
    beginResetModel();
    m_parse = parse;
    endResetModel();
}

int UrlImportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_parse.entries.size());
}

int UrlImportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UrlImportModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const threats::UrlImportEntry &e = m_parse.entries.at(index.row());
    QString text;
    switch (index.column()) {
    case Lines: {
        QStringList lines;
        for (int line : e.lines)
            lines << QString::number(line);
        text = lines.join(u", "_s);
        break;
    }
    case Url:
        text = e.entry.url;
        break;
    case Action:
        text = ManagedUrl::actionName(e.entry.action);
        break;
    case Match:
        text = ManagedUrl::matchName(e.entry.match);
        break;
    case Comment:
        text = e.entry.comment;
        break;
    case Problem:
        text = e.canSend() ? tr("ready") : e.problem;
        break;
    default:
        break;
    }
    switch (role) {
    case Qt::DisplayRole:
        return text;
    case Qt::ToolTipRole:
        return plainToolTip(text);
    case Qt::ForegroundRole:
        if (index.column() == Problem)
            return palette::statusColor(e.canSend() ? palette::Status::Good : palette::Status::Bad,
                                        QApplication::palette());
        return {};
    default:
        return {};
    }
}

QVariant UrlImportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Lines:
        return tr("Line");
    case Url:
        return tr("URL");
    case Action:
        return tr("Action");
    case Match:
        return tr("Match");
    case Comment:
        return tr("Comment");
    case Problem:
        return tr("Check");
    default:
        return {};
    }
}

} // namespace mcdesk::ui
