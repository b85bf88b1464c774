#include "ui/archive/archivedetailpane.h"

#include "core/archive/archivemessagedetail.h"
#include "core/held/heldmessage.h"
#include "ui/shell/session.h"
#include "ui/threats/bodylinkmenu.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
QString person(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    const QString email = o.value(u"emailAddress"_s).toString();
    const QString name = o.value(u"displayableName"_s).toString();
    if (name.isEmpty() || name == email)
        return email;
    return u"%1 <%2>"_s.arg(name, email);
}

QTreeWidget *makeTree(const QString &name, const QStringList &labels, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setHeaderLabels(labels);
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(true);
    tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    tree->header()->setStretchLastSection(true);
    return tree;
}
} // namespace

ArchiveDetailPane::ArchiveDetailPane(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_stack(new QStackedWidget(this))
    , m_state(new QLabel(this))
    , m_subject(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_body(new QPlainTextEdit(this))
    , m_headers(makeTree(u"archiveDetailHeaders"_s, {tr("Header"), tr("Value")}, this))
    , m_attachments(makeTree(u"archiveDetailAttachments"_s,
                             {tr("File name"), tr("Type"), tr("Size"), tr("SHA-256")}, this))
{
    setObjectName(u"archiveDetails"_s);
    m_delay.setSingleShot(true);
    m_delay.setInterval(120); // arrow keys through the grid fetch only where they stop
    connect(&m_delay, &QTimer::timeout, this, &ArchiveDetailPane::fetch);

    m_state->setObjectName(u"archiveDetailState"_s);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);
    m_state->setForegroundRole(QPalette::PlaceholderText);

    // Subjects and names are untrusted: plain text only, selectable for copying.
    for (QLabel *label : {m_subject, m_meta}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_subject->setObjectName(u"archiveDetailSubject"_s);
    QFont bold = m_subject->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_subject->setFont(bold);
    m_meta->setObjectName(u"archiveDetailMeta"_s);

    m_body->setObjectName(u"archiveDetailBody"_s);
    m_body->setReadOnly(true);
    m_body->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_attachments->header()->resizeSection(
        0, fontMetrics().horizontalAdvance(u"quarterly-report-final.xlsx"_s));
    m_attachments->header()->resizeSection(1,
                                           fontMetrics().horizontalAdvance(u"application/pdf  "_s));
    m_attachments->header()->resizeSection(2, fontMetrics().horizontalAdvance(u"1,000.0 KB  "_s));
    m_headers->header()->resizeSection(
        0, fontMetrics().horizontalAdvance(u"Content-Transfer-Encoding"_s));
    m_tabs->setObjectName(u"archiveDetailTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_body, tr("Body preview"));
    m_bodyLinks = new BodyLinkMenu(m_body, m_session);
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_attachments, tr("Attachments"));

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_subject);
    detailLayout->addWidget(m_meta);
    detailLayout->addWidget(m_tabs, 1);

    m_stack->addWidget(m_state);
    m_stack->addWidget(detail);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    // A detail request belongs to the client it was sent with.
    connect(session, &Session::clientChanged, this, [this] { clear(); });
    clear();
}

bool ArchiveDetailPane::isLoading() const
{
    return m_call != nullptr;
}

void ArchiveDetailPane::clear(const QString &note)
{
    m_request.invalidate();
    m_delay.stop();
    if (m_call)
        m_call->deleteLater();
    m_call = nullptr;
    m_id.clear();
    showState(note.isEmpty() ? tr("Select a message to see its body preview, headers and "
                                  "attachments.")
                             : note);
}

void ArchiveDetailPane::showMessage(const QString &id)
{
    if (id == m_id && (m_call || m_stack->currentIndex() == 1))
        return;
    clear();
    m_messageId.clear();
    m_id = id;
    showState(tr("Loading message details…"));
    m_delay.start();
}

void ArchiveDetailPane::showState(const QString &text)
{
    m_state->setText(text);
    m_stack->setCurrentWidget(m_state);
}

void ArchiveDetailPane::fetch()
{
    api::ApiClient *client = m_session->client();
    if (!client) {
        showState(tr("Not connected: connect to see message details."));
        return;
    }
    const common::LatestRequest::Ticket ticket = m_request.next();
    m_call = new archive::GetArchiveMessageDetail(client, m_id, this);
    connect(m_call, &archive::GetArchiveMessageDetail::finished, this,
            [this, ticket, call = m_call.data()] {
                call->deleteLater();
                if (!m_request.isCurrent(ticket))
                    return; // another message was selected meanwhile
                m_call = nullptr;
                if (call->error().isError()) {
                    showState(tr("The details of this message could not be read:\n%1")
                                  .arg(call->error().describe()));
                    return;
                }
                showDetail(call->detail());
            });
    m_call->start();
}

void ArchiveDetailPane::showDetail(const held::MessageDetail &d)
{
    m_messageId = d.messageId();
    m_subject->setText(d.subject.isEmpty() ? tr("(no subject)") : d.subject);
    QStringList to;
    for (const QJsonValue &v : d.raw.value(u"to"_s).toArray())
        to << person(v);
    QStringList meta;
    meta << tr("From: %1").arg(person(d.raw.value(u"from"_s)));
    meta << tr("To: %1").arg(to.join(u", "_s));
    QStringList facts;
    if (d.received.isValid())
        facts << tr("Received %1 UTC").arg(d.received.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s));
    if (!d.status.isEmpty())
        facts << d.status;
    const QString route = d.raw.value(u"route"_s).toString();
    if (!route.isEmpty())
        facts << route;
    meta << facts.join(u"  ·  "_s);
    m_meta->setText(meta.join(u'\n'));

    m_body->setPlainText(d.bodyPreview.isEmpty() ? tr("(no text body)") : d.bodyPreview);
    m_headers->clear();
    for (const held::MessageHeader &h : d.headers)
        for (const QString &value : h.values)
            new QTreeWidgetItem(m_headers, {h.name, value});
    m_attachments->clear();
    const QLocale locale;
    for (const held::Attachment &a : d.attachments) {
        auto *item = new QTreeWidgetItem(
            m_attachments,
            {a.filename, a.contentType,
             locale.formattedDataSize(a.size, 1, QLocale::DataSizeTraditionalFormat), a.sha256});
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(3, a.sha256);
    }
    m_tabs->setTabText(1, tr("Headers (%L1)").arg(m_headers->topLevelItemCount()));
    m_tabs->setTabText(2, tr("Attachments (%L1)").arg(d.attachments.size()));
    m_stack->setCurrentIndex(1);
    emit detailShown(m_id);
}

} // namespace mcdesk::ui
