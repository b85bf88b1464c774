#include "ui/investigate/messageinfopane.h"

#include "core/held/heldformat.h"
#include "ui/common/widgets.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {

enum AttColumn { AttName, AttType, AttSize, AttSha256 };

QString when(const QDateTime &t)
{
    return t.isValid() ? heldformat::localTime(t) : QObject::tr("—");
}

QPlainTextEdit *plainView(const QString &name, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return view;
}

// "  Label:  value" lines, skipping empty values, so a missing field is not a blank row.
void line(QStringList &out, const QString &label, const QString &value)
{
    if (!value.trimmed().isEmpty())
        out << u"  %1: %2"_s.arg(label, value);
}

} // namespace

MessageInfoPane::MessageInfoPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_summary(plainView(u"investigateDetail"_s, this))
    , m_attachments(new QTreeWidget(this))
    , m_headers(plainView(u"investigateHeaders"_s, this))
    , m_hashSeen(new QPushButton(tr("Hash &seen?"), this))
    , m_removeHash(new QPushButton(tr("Remove by &hash…"), this))
{
    m_title->setObjectName(u"investigateDetailTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_tabs->setObjectName(u"investigateDetailTabs"_s);
    m_tabs->setDocumentMode(true);

    m_attachments->setObjectName(u"investigateAttachments"_s);
    m_attachments->setRootIsDecorated(false);
    m_attachments->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_attachments->setHeaderLabels({tr("Name"), tr("Type"), tr("Size"), tr("SHA-256")});
    m_attachments->header()->resizeSection(
        AttName, widgets::columnWidth(this, u"invoice-2026-12.pdf.html"_s));
    m_hashSeen->setObjectName(u"investigateHashSeen"_s);
    m_hashSeen->setToolTip(tr("Ask Mimecast whether the selected attachments' SHA-256 were seen "
                              "in your organisation's mail (search-hash)"));
    m_removeHash->setObjectName(u"investigateRemoveHash"_s);
    m_removeHash->setToolTip(
        tr("Remove every message carrying this attachment from every mailbox"));
    auto *attachmentTab = new QWidget(this);
    auto *attachmentLayout = new QVBoxLayout(attachmentTab);
    attachmentLayout->setContentsMargins(0, 0, 0, 0);
    attachmentLayout->addWidget(m_attachments, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_hashSeen);
    buttons->addWidget(m_removeHash);
    attachmentLayout->addLayout(buttons);

    m_tabs->addTab(m_summary, tr("Delivery and checks"));
    m_tabs->addTab(attachmentTab, tr("Attachments"));
    m_tabs->addTab(m_headers, tr("Headers"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);

    connect(m_attachments, &QTreeWidget::itemSelectionChanged, this,
            &MessageInfoPane::updateButtons);
    connect(m_hashSeen, &QPushButton::clicked, this,
            [this] { emit hashCheckRequested(selectedHashes()); });
    connect(m_removeHash, &QPushButton::clicked, this, [this] {
        const QStringList hashes = selectedHashes();
        if (hashes.size() == 1)
            emit removeByHashRequested(hashes.constFirst());
    });
    showState(tr("Select a tracked message to see its delivery, checks and headers."));
}

QString MessageInfoPane::summaryOf(const respond::MessageInfo &m)
{
    QStringList out;
    out << tr("Message");
    line(out, tr("Status"), m.status);
    line(out, tr("From (header)"), m.fromHeader);
    line(out, tr("From (envelope)"), m.fromEnvelope);
    line(out, tr("To"), m.to.join(u", "_s));
    line(out, tr("Cc"), m.cc.join(u", "_s));
    line(out, tr("Message-ID"), m.messageId());
    line(out, tr("Sent"), m.sent.isValid() ? when(m.sent) : QString());
    line(out, tr("Processed"), m.processed.isValid() ? when(m.processed) : QString());
    line(out, tr("Size"), m.size > 0 ? heldformat::size(m.size) : QString());
    line(out, tr("Spam score"), m.spamScore < 0 ? QString() : QString::number(m.spamScore));
    line(out, tr("Detection level"), m.detectionLevel);

    out << QString() << tr("Received from");
    line(out, tr("Remote host"), m.remoteHost);
    line(out, tr("Remote IP"), m.remoteIp);
    line(out, tr("Greeting"), m.remoteGreeting);
    line(out, tr("TLS"), m.encryption);
    line(out, tr("Receipt"), m.receiptEvent);
    line(out, tr("Spam event"), m.spamEvent);
    line(out, tr("Transmission"),
         m.receiptStart.isValid() ? tr("%1 to %2").arg(when(m.receiptStart), when(m.receiptEnd))
                                  : QString());
    line(out, tr("Processed by"), m.processingServer);

    out << QString() << tr("Checks");
    if (m.checks.isEmpty())
        out << tr("  (none reported)");
    for (const respond::CheckResult &c : m.checks)
        out << u"  %1: %2%3"_s.arg(c.name, c.allow ? tr("pass") : tr("FAIL"),
                                   c.info.isEmpty() ? QString() : u" — "_s + c.info);

    out << QString()
        << heldformat::plural(int(m.deliveries.size()), tr("Delivery to 1 recipient"),
                              tr("Delivery to %1 recipients"));
    for (const respond::Delivery &d : m.deliveries) {
        out << u"  %1"_s.arg(d.recipient);
        line(out, tr("  Event"), d.event);
        line(out, tr("  Remote host"),
             d.remoteIp.isEmpty() ? d.remoteHost : u"%1 [%2]"_s.arg(d.remoteHost, d.remoteIp));
        line(out, tr("  TLS"), d.encryption);
        line(out, tr("  Acknowledgement"), d.acknowledgement);
        line(out, tr("  Times"),
             d.start.isValid() ? tr("%1 to %2").arg(when(d.start), when(d.end)) : QString());
        for (const respond::PolicyFired &p : d.policies)
            out << u"    %1: %2%3"_s.arg(
                tr("Policy"), p.type.isEmpty() ? p.name : u"%1 (%2)"_s.arg(p.name, p.type),
                p.inherited ? tr(", inherited") : QString());
    }

    out << QString() << tr("Retention");
    line(out, tr("Purged"), m.purgeDate.isValid() ? when(m.purgeDate) : tr("not scheduled"));
    line(out, tr("Based on"), m.purgeBasedOn);
    line(out, tr("Grey email"), m.greyEmail ? tr("yes") : QString());
    return out.join(u'\n');
}

void MessageInfoPane::showInfo(const respond::MessageInfo &info)
{
    m_info = info;
    m_title->setText(info.subject.isEmpty() ? tr("(no subject)") : info.subject);
    m_summary->setPlainText(summaryOf(info));
    m_headers->setPlainText(info.headers);
    m_attachments->clear();
    for (const respond::Component &c : info.components) {
        auto *item =
            new QTreeWidgetItem(m_attachments, {c.name, c.mimeType.isEmpty() ? c.type : c.mimeType,
                                                heldformat::size(c.size), c.sha256});
        item->setTextAlignment(AttSize, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(AttSha256, c.sha256);
    }
    if (m_attachments->topLevelItemCount() > 0)
        m_attachments->setCurrentItem(m_attachments->topLevelItem(0));
    m_tabs->setTabText(1, tr("Attachments (%L1)").arg(info.components.size()));
    m_tabs->setTabEnabled(1, true);
    m_tabs->setTabEnabled(2, true);
    updateButtons();
}

void MessageInfoPane::showState(const QString &text)
{
    m_info.reset();
    m_title->setText({});
    m_summary->setPlainText(text);
    m_headers->clear();
    m_attachments->clear();
    m_tabs->setCurrentIndex(0);
    m_tabs->setTabText(1, tr("Attachments"));
    m_tabs->setTabEnabled(1, false);
    m_tabs->setTabEnabled(2, false);
    updateButtons();
}

QString MessageInfoPane::summaryText() const
{
    return m_summary->toPlainText();
}

QStringList MessageInfoPane::selectedHashes() const
{
    QStringList out;
    for (const QTreeWidgetItem *item : m_attachments->selectedItems())
        if (!item->text(AttSha256).isEmpty() && !out.contains(item->text(AttSha256)))
            out << item->text(AttSha256);
    return out;
}

void MessageInfoPane::updateButtons()
{
    const int n = int(selectedHashes().size());
    m_hashSeen->setEnabled(n > 0);
    m_removeHash->setEnabled(n == 1);
}

} // namespace mcdesk::ui
