#include "ui/held/rejectdialog.h"
#include "core/held/heldformat.h"

#include "core/held/heldoperations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

RejectDialog::RejectDialog(int messageCount, int blockSenderCount, QWidget *parent)
    : QDialog(parent)
    , m_reason(new QComboBox(this))
    , m_note(new QPlainTextEdit(this))
    , m_notify(new QCheckBox(tr("&Notify the sender that the message was rejected"), this))
{
    setObjectName(u"rejectDialog"_s);
    setWindowTitle(blockSenderCount > 0 ? tr("Reject and block sender")
                                        : tr("Reject held messages"));

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    auto *headline = new QLabel(this);
    headline->setObjectName(u"rejectHeadline"_s);
    headline->setTextFormat(Qt::PlainText);
    headline->setWordWrap(true);
    QFont bold = headline->font();
    bold.setBold(true);
    headline->setFont(bold);
    headline->setText(heldformat::plural(messageCount, tr("Reject 1 held message?"),
                                         tr("Reject %1 held messages?")));
    auto *explain = new QLabel(this);
    explain->setTextFormat(Qt::PlainText);
    explain->setWordWrap(true);
    QString text = tr("Rejected messages are removed from the held queue and not delivered. "
                      "This cannot be undone.");
    if (blockSenderCount > 0)
        text += u"\n\n"_s +
                heldformat::plural(blockSenderCount,
                                   tr("The sender is then blocked for its recipient "
                                      "(1 sender/recipient pair), a second audited action."),
                                   tr("Each sender is then blocked for its recipient "
                                      "(%1 sender/recipient pairs), a second audited "
                                      "action."));
    explain->setText(text);

    m_reason->setObjectName(u"rejectReason"_s);
    m_reason->addItem(tr("No reason"), QString());
    for (const QString &value : held::RejectReason::values())
        m_reason->addItem(reasonLabel(value), value);
    m_reason->setToolTip(tr("Sent to Mimecast as the documented reasonType"));
    m_note->setObjectName(u"rejectNote"_s);
    m_note->setPlaceholderText(tr("Optional; included with the rejection"));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 4 + 12);
    m_notify->setObjectName(u"rejectNotify"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("N&ote:"), m_note);
    form->addRow(QString(), m_notify);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(
        blockSenderCount > 0
            ? heldformat::plural(messageCount, tr("Reject and block"), tr("Reject %1 and block"))
            : heldformat::plural(messageCount, tr("Reject 1 message"), tr("Reject %1 messages")),
        QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(u"rejectConfirm"_s);
    m_confirm->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"rejectCancel"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *texts = new QVBoxLayout;
    texts->addWidget(headline);
    texts->addWidget(explain);
    texts->addSpacing(6);
    texts->addLayout(form);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addSpacing(8);
    top->addLayout(texts, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
    m_reason->setFocus();
}

QString RejectDialog::reason() const
{
    return m_reason->currentData().toString();
}

QString RejectDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

bool RejectDialog::notifySender() const
{
    return m_notify->isChecked();
}

QString RejectDialog::reasonLabel(const QString &value)
{
    if (value.isEmpty())
        return tr("No reason");
    QString label = value.toLower();
    label[0] = label.at(0).toUpper();
    return label;
}

} // namespace mcdesk::ui
