#include "ui/threats/threatlogmodels.h"

#include "ui/common/palette.h"
#include "ui/common/plaintext.h"

#include <QApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
const QString kTimeFormat = u"yyyy-MM-dd HH:mm:ss"_s;

QString yesNo(bool value)
{
    return value ? QCoreApplication::translate("ThreatLogModel", "yes")
                 : QCoreApplication::translate("ThreatLogModel", "no");
}

// Free text with CRLF (attachment details): one line for a cell.
QString oneLine(QString text)
{
    text.replace(u"\r\n"_s, u" "_s);
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text.simplified();
}
} // namespace

int ThreatLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

QVariant ThreatLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QVariant value = cell(index.row(), index.column());
    const bool isTime = value.userType() == QMetaType::QDateTime;
    switch (role) {
    case Qt::DisplayRole:
        return isTime ? value.toDateTime().toLocalTime().toString(kTimeFormat) : value.toString();
    case Qt::ToolTipRole:
        return isTime ? QVariant() : QVariant(plainToolTip(value.toString()));
    case SortRole:
        return isTime ? QVariant(value.toDateTime()) : QVariant(value.toString().toLower());
    case ExportRole:
        return isTime ? value.toDateTime().toUTC().toString(Qt::ISODate) : value.toString();
    case MessageIdRole:
        return messageId(index.row());
    case UrlRole:
        return url(index.row());
    case Qt::ForegroundRole:
        if (index.column() == verdictColumn() &&
            value.toString().contains(u"malicious"_s, Qt::CaseInsensitive))
            return palette::statusColor(palette::Status::Bad, QApplication::palette());
        return {};
    default:
        return {};
    }
}

QVariant ThreatLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return headers().value(section);
}

// --- URL clicks ---

void ClickLogModel::setRows(const threats::ThreatLogRows &rows)
{
    beginResetModel();
    m_rows = rows.clicks;
    endResetModel();
}

int ClickLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QStringList ClickLogModel::headers() const
{
    return {
        tr("When"),   tr("User"),           tr("URL"),           tr("Category"),  tr("Scan result"),
        tr("Action"), tr("Admin override"), tr("User override"), tr("Awareness"), tr("Route"),
        tr("Click?"), tr("Sender"),         tr("Subject"),       tr("Message-ID")};
}

QVariant ClickLogModel::cell(int row, int column) const
{
    const threats::ClickLog &c = m_rows.at(row);
    switch (column) {
    case When:
        return c.date;
    case User:
        return c.user;
    case Url:
        return c.url;
    case Category:
        return c.category;
    case ScanResult:
        return c.scanResult;
    case Action:
        return c.action;
    case AdminOverride:
        return c.adminOverride;
    case UserOverride:
        return c.userOverride;
    case Awareness:
        return c.userAwarenessAction;
    case Route:
        return c.route;
    // An "Entry Scan" row is the link scanned on arrival: nobody clicked it.
    case Click:
        return c.isClick() ? tr("click") : tr("scan on arrival");
    case Sender:
        return c.sender;
    case Subject:
        return c.subject;
    case MessageId:
        return c.messageId;
    default:
        return {};
    }
}

// --- Attachment protection ---

void AttachmentLogModel::setRows(const threats::ThreatLogRows &rows)
{
    beginResetModel();
    m_rows = rows.attachments;
    endResetModel();
}

int AttachmentLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QStringList AttachmentLogModel::headers() const
{
    return {tr("When"),   tr("File"),      tr("SHA-256"),   tr("Result"),
            tr("Action"), tr("Recipient"), tr("Sender"),    tr("Subject"),
            tr("Route"),  tr("Details"),   tr("Message-ID")};
}

QVariant AttachmentLogModel::cell(int row, int column) const
{
    const threats::AttachmentLog &a = m_rows.at(row);
    switch (column) {
    case When:
        return a.date;
    case File:
        return a.fileType.isEmpty() ? a.fileName : tr("%1 (%2)").arg(a.fileName, a.fileType);
    case Hash:
        return a.fileHash;
    case Result:
        return a.result;
    case Action:
        return a.actionTriggered;
    case Recipient:
        return a.recipient;
    case Sender:
        return a.sender;
    case Subject:
        return a.subject;
    case Route:
        return a.route;
    case Details:
        return oneLine(a.details);
    case MessageId:
        return a.messageId;
    default:
        return {};
    }
}

// --- Impersonation ---

void ImpersonationLogModel::setRows(const threats::ThreatLogRows &rows)
{
    beginResetModel();
    m_rows = rows.impersonations;
    endResetModel();
}

int ImpersonationLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QStringList ImpersonationLogModel::headers() const
{
    return {tr("When"),      tr("Identifiers hit"),  tr("Action"), tr("Policy"),
            tr("Sender IP"), tr("Tagged malicious"), tr("Sender"), tr("Recipient"),
            tr("Subject"),   tr("Message-ID")};
}

QVariant ImpersonationLogModel::cell(int row, int column) const
{
    const threats::ImpersonationLog &i = m_rows.at(row);
    switch (column) {
    case When:
        return i.date;
    case Identifiers:
        return i.identifiers.join(u", "_s);
    case Action:
        return i.action;
    case Policy:
        return i.definition;
    case SenderIp:
        return i.senderIp;
    case TaggedMalicious:
        return yesNo(i.taggedMalicious);
    case Sender:
        return i.sender;
    case Recipient:
        return i.recipient;
    case Subject:
        return i.subject;
    case MessageId:
        return i.messageId;
    default:
        return {};
    }
}

} // namespace mcdesk::ui
