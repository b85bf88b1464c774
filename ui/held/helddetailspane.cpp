#include "ui/held/helddetailspane.h"

#include "core/held/heldformat.h"
#include "ui/common/elidedlabel.h"
#include "ui/common/palette.h"
#include "ui/common/plaintext.h"
#include "ui/shell/session.h"
#include "ui/threats/bodylinkmenu.h"

#include "core/held/heldoperations.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
enum AttachmentColumn { AttName, AttVerdict, AttSize, AttType, AttSha256 };
enum Field { From, Envelope, To, Received, Reason, Policy, Route, Size, Id, FieldCount };

ElidedLabel *valueLabel(QWidget *parent)
{
    auto *label = new ElidedLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPlainTextEdit *textPane(const QString &name, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return edit;
}
} // namespace

HeldDetailsPane::HeldDetailsPane(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_subject(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_attachments(new QTreeWidget(this))
    , m_headers(textPane(u"heldDetailHeaders"_s, this))
    , m_body(textPane(u"heldDetailBody"_s, this))
    , m_detailState(valueLabel(this))
    , m_fetchTimer(new QTimer(this))
{
    setObjectName(u"heldDetails"_s);
    QFont big = m_subject->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_subject->setFont(big);
    m_subject->setTextFormat(Qt::PlainText);
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subject->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_subject->setWordWrap(true);
    m_subject->setObjectName(u"heldDetailSubject"_s);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QStringList names{tr("From:"),     tr("Envelope from:"), tr("To:"),
                            tr("Received:"), tr("Reason:"),        tr("Policy:"),
                            tr("Route:"),    tr("Size:"),          tr("Id:")};
    for (int i = 0; i < FieldCount; ++i) {
        ElidedLabel *value = valueLabel(this);
        m_fields.append(value);
        auto *name = new QLabel(names.at(i), this);
        name->setForegroundRole(QPalette::PlaceholderText);
        form->addRow(name, value);
    }
    m_fields.at(Id)->setObjectName(u"heldDetailId"_s);

    m_attachments->setObjectName(u"heldAttachments"_s);
    m_attachments->setRootIsDecorated(false);
    m_attachments->setAlternatingRowColors(true);
    m_attachments->setHeaderLabels(
        {tr("Name"), tr("Verdict"), tr("Size"), tr("Type"), tr("SHA-256")});
    m_attachments->header()->setStretchLastSection(true);
    const auto width = [this](const QString &sample) {
        return fontMetrics().horizontalAdvance(sample) + fontMetrics().averageCharWidth() * 3;
    };
    m_attachments->setColumnWidth(AttName, width(u"invoice_2026_0042.pdf.exe"_s));
    m_attachments->setColumnWidth(AttVerdict, width(u"malicious"_s));
    m_attachments->setColumnWidth(AttSize, width(u"1023.9 KB"_s));
    m_attachments->setColumnWidth(AttType, width(u"application/x-msdownload"_s));
    m_tabs->setObjectName(u"heldDetailTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_attachments, tr("Attachments"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_body, tr("Body preview"));
    m_bodyLinks = new BodyLinkMenu(m_body, m_session);
    m_detailState->setObjectName(u"heldDetailState"_s);
    m_detailState->setForegroundRole(QPalette::PlaceholderText);

    auto *right = new QVBoxLayout;
    right->addWidget(m_tabs, 1);
    right->addWidget(m_detailState);
    auto *columns = new QHBoxLayout;
    columns->addLayout(form, 1);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_subject);
    layout->addLayout(columns, 1);

    m_fetchTimer->setSingleShot(true);
    m_fetchTimer->setInterval(150);
    connect(m_fetchTimer, &QTimer::timeout, this, &HeldDetailsPane::fetchDetail);
    showMessage(std::nullopt);
}

void HeldDetailsPane::setField(int row, const QString &text)
{
    m_fields.at(row)->setFullText(text);
}

void HeldDetailsPane::showMessage(const std::optional<held::HeldMessage> &message)
{
    m_detailRequest.next(); // a detail still on its way belongs to the previous message
    m_message = message;
    m_detailLoaded = false;
    m_detailSettled = false;
    m_attachments->clear();
    m_headers->clear();
    m_body->clear();
    m_fetchTimer->stop();
    if (!message) {
        m_subject->setText(tr("No message selected"));
        for (int i = 0; i < FieldCount; ++i)
            setField(i, {});
        m_detailState->setFullText(tr("Select a held message to see its details."));
        return;
    }
    const held::HeldMessage &m = *message;
    m_subject->setText(m.subject.isEmpty() ? tr("(no subject)") : m.subject);
    setField(From, heldformat::address(m.fromHeader));
    setField(Envelope, heldformat::address(m.fromEnvelope));
    setField(To, heldformat::address(m.to));
    setField(Received,
             tr("%1 (%2)").arg(heldformat::localTime(m.received), heldformat::utcTime(m.received)));
    setField(Reason, m.reasonCode.isEmpty() ? m.reason : tr("%1 (%2)").arg(m.reason, m.reasonCode));
    setField(Policy, m.policy);
    setField(Route, m.route);
    setField(Size, tr("%1 (%2 bytes)").arg(heldformat::size(m.size), QLocale().toString(m.size)));
    setField(Id, m.id);
    const auto cached = m_cache.constFind(m.id);
    if (cached != m_cache.cend()) {
        showDetail(*cached);
        return;
    }
    m_detailState->setFullText(tr("Loading attachments and headers…"));
    m_fetchTimer->start();
}

QString HeldDetailsPane::messageId() const
{
    return m_message ? m_cache.value(m_message->id).messageId() : QString();
}

void HeldDetailsPane::fetchDetail()
{
    if (!m_message)
        return;
    api::ApiClient *client = m_session->client();
    if (!client) {
        showDetailProblem(tr("Not connected: attachments and headers are not available."));
        return;
    }
    const common::LatestRequest::Ticket ticket = m_detailRequest.current();
    auto *op = new held::GetHeldMessageDetail(client, m_message->id, this);
    connect(op, &held::GetHeldMessageDetail::finished, this, [this, op, ticket] {
        op->deleteLater();
        if (!m_detailRequest.isCurrent(ticket))
            return;
        if (op->error().isError()) {
            showDetailProblem(tr("Attachments and headers could not be loaded: %1 (%2)")
                                  .arg(op->error().message, op->error().code));
            return;
        }
        if (m_cache.size() > 500)
            m_cache.clear(); // a working day of clicks; the ids are not reused
        m_cache.insert(m_message->id, op->detail());
        showDetail(op->detail());
    });
    op->start();
}

void HeldDetailsPane::showDetail(const held::HeldMessageDetail &detail)
{
    m_detailLoaded = true;
    const QPalette pal = palette();
    for (const held::Attachment &a : detail.attachments) {
        auto *item =
            new QTreeWidgetItem(m_attachments, {a.filename, a.verdict, heldformat::size(a.size),
                                                a.contentType, a.sha256});
        item->setTextAlignment(AttSize, Qt::AlignRight | Qt::AlignVCenter);
        const QString verdict = a.verdict.toLower();
        if (verdict == u"malicious"_s || verdict == u"unsafe"_s)
            item->setForeground(AttVerdict, palette::statusColor(palette::Status::Bad, pal));
        else if (verdict == u"safe"_s || verdict == u"clean"_s)
            item->setForeground(AttVerdict, palette::statusColor(palette::Status::Good, pal));
        for (int c = AttName; c <= AttSha256; ++c)
            item->setToolTip(c, plainToolTip(item->text(c)));
    }
    QStringList headerLines;
    for (const held::MessageHeader &h : detail.headers)
        for (const QString &value : h.values)
            headerLines << h.name + u": "_s + value;
    m_headers->setPlainText(headerLines.join(u'\n'));
    m_body->setPlainText(detail.bodyPreview);
    QStringList state;
    state << heldformat::plural(int(detail.attachments.size()), tr("1 attachment"),
                                tr("%1 attachments"));
    if (!detail.senderIp.isEmpty())
        state << tr("sender IP %1").arg(detail.senderIp);
    if (!detail.status.isEmpty())
        state << tr("status %1").arg(detail.status);
    m_detailState->setFullText(state.join(u" · "_s));
    m_tabs->setTabText(0, tr("Attachments (%1)").arg(detail.attachments.size()));
    m_detailSettled = true;
    emit detailSettled();
}

void HeldDetailsPane::showDetailProblem(const QString &text)
{
    m_detailState->setFullText(text);
    m_detailSettled = true;
    emit detailSettled();
}

QString HeldDetailsPane::plainText() const
{
    if (!m_message)
        return {};
    QStringList lines{m_subject->text()};
    const QStringList names{tr("From"),     tr("Envelope from"), tr("To"),
                            tr("Received"), tr("Reason"),        tr("Policy"),
                            tr("Route"),    tr("Size"),          tr("Id")};
    for (int i = 0; i < FieldCount; ++i)
        lines << names.at(i) + u": "_s + m_fields.at(i)->fullText();
    if (m_detailLoaded) {
        lines << QString() << tr("Attachments:");
        for (int i = 0; i < m_attachments->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *item = m_attachments->topLevelItem(i);
            lines << u"  %1  %2  %3  %4  SHA-256 %5"_s.arg(
                item->text(AttName), item->text(AttType), item->text(AttSize),
                item->text(AttVerdict), item->text(AttSha256));
        }
        lines << QString() << tr("Headers:") << m_headers->toPlainText();
        lines << QString() << tr("Body preview:") << m_body->toPlainText();
    }
    return lines.join(u'\n');
}

} // namespace mcdesk::ui
