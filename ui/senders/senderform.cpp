#include "ui/senders/senderform.h"

#include "ui/common/widgets.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
using Action = senders::ManagedSender::Action;

// The hint for a field: nothing while it is empty (the disabled buttons say enough).
QString hintFor(const QString &field, const QString &text)
{
    if (text.isEmpty())
        return {};
    const QString bad = address::checkEmailAddress(text);
    return bad.isEmpty() ? QString() : SenderForm::tr("%1 %2").arg(field, bad);
}
} // namespace

SenderForm::SenderForm(QWidget *parent)
    : QWidget(parent)
    , m_sender(new QLineEdit(this))
    , m_recipient(new QLineEdit(this))
    , m_senderHint(widgets::hintLabel(u"senderAddressHint"_s, this))
    , m_recipientHint(widgets::hintLabel(u"recipientAddressHint"_s, this))
    , m_permit(new QPushButton(tr("&Permit"), this))
    , m_block(new QPushButton(tr("&Block"), this))
    , m_result(new QLabel(this))
{
    setObjectName(u"senderForm"_s);
    m_sender->setObjectName(u"senderAddress"_s);
    m_sender->setPlaceholderText(tr("sender@external.example"));
    m_sender->setClearButtonEnabled(true);
    m_sender->setToolTip(tr("The external address whose mail is permitted or blocked"));
    m_recipient->setObjectName(u"recipientAddress"_s);
    m_recipient->setPlaceholderText(tr("recipient@your-domain.example"));
    m_recipient->setClearButtonEnabled(true);
    m_recipient->setToolTip(tr("Your user the entry applies to"));
    for (QLineEdit *edit : {m_sender, m_recipient}) {
        edit->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
        edit->setMinimumWidth(fontMetrics().averageCharWidth() * 22);
        connect(edit, &QLineEdit::textChanged, this, &SenderForm::validate);
    }
    m_permit->setObjectName(u"permitButton"_s);
    m_permit->setToolTip(
        tr("Mimecast lets this sender's mail to the recipient bypass spam checks"));
    m_permit->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    m_block->setObjectName(u"blockButton"_s);
    m_block->setToolTip(tr("Mimecast rejects this sender's mail to the recipient"));
    m_block->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    connect(m_permit, &QPushButton::clicked, this, [this] { emit requested(Action::Permit); });
    connect(m_block, &QPushButton::clicked, this, [this] { emit requested(Action::Block); });

    m_result->setObjectName(u"senderResult"_s);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    auto *senderLabel = new QLabel(tr("S&ender:"), this);
    senderLabel->setBuddy(m_sender);
    auto *recipientLabel = new QLabel(tr("&Recipient:"), this);
    recipientLabel->setBuddy(m_recipient);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(senderLabel, 0, 0);
    grid->addWidget(m_sender, 0, 1);
    grid->addWidget(recipientLabel, 0, 2);
    grid->addWidget(m_recipient, 0, 3);
    grid->addWidget(m_permit, 0, 4);
    grid->addWidget(m_block, 0, 5);
    grid->addWidget(m_senderHint, 1, 1);
    grid->addWidget(m_recipientHint, 1, 3);
    grid->addWidget(m_result, 2, 0, 1, 6);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnMinimumWidth(2, fontMetrics().averageCharWidth() * 2);
    setTabOrder(m_sender, m_recipient);
    setTabOrder(m_recipient, m_permit);
    setTabOrder(m_permit, m_block);
    validate();
}

QString SenderForm::sender() const
{
    return m_sender->text().trimmed();
}

QString SenderForm::recipient() const
{
    return m_recipient->text().trimmed();
}

bool SenderForm::isValid() const
{
    return address::checkEmailAddress(sender()).isEmpty() &&
           address::checkEmailAddress(recipient()).isEmpty();
}

void SenderForm::validate()
{
    for (auto [label, field, text] : {std::tuple{m_senderHint, tr("Sender"), sender()},
                                      std::tuple{m_recipientHint, tr("Recipient"), recipient()}}) {
        const QString hint = hintFor(field, text);
        label->setText(hint);
        label->setVisible(!hint.isEmpty());
    }
    const bool enabled = isValid() && !m_busy;
    m_permit->setEnabled(enabled);
    m_block->setEnabled(enabled);
}

void SenderForm::prefill(const QString &sender, const QString &recipient)
{
    m_sender->setText(sender.trimmed());
    m_recipient->setText(recipient.trimmed());
    m_result->hide();
    focusBlock();
}

void SenderForm::focusBlock()
{
    if (m_block->isEnabled())
        m_block->setFocus(Qt::OtherFocusReason);
    else if (!address::checkEmailAddress(sender()).isEmpty())
        m_sender->setFocus(Qt::OtherFocusReason);
    else
        m_recipient->setFocus(Qt::OtherFocusReason);
}

void SenderForm::setBusy(bool busy, senders::ManagedSender::Action action)
{
    m_busy = busy;
    m_sender->setReadOnly(busy);
    m_recipient->setReadOnly(busy);
    m_permit->setText(busy && action == Action::Permit ? tr("Permitting…") : tr("&Permit"));
    m_block->setText(busy && action == Action::Block ? tr("Blocking…") : tr("&Block"));
    validate();
}

void SenderForm::showResult(palette::Status status, const QString &text)
{
    QPalette p = m_result->palette();
    p.setColor(QPalette::WindowText, status == palette::Status::Neutral
                                         ? palette().color(QPalette::WindowText)
                                         : palette::statusColor(status, palette()));
    m_result->setPalette(p);
    m_result->setText(text);
    m_result->setVisible(!text.isEmpty());
}

} // namespace mcdesk::ui
