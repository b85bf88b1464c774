#include "ui/held/applydecisionsdialog.h"

#include "core/held/heldformat.h"
#include "core/held/heldoperations.h"
#include "core/held/permittrap.h"
#include "ui/held/rejectdialog.h"
#include "ui/held/triagemarks.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

bool hasSenderStep(HeldAction action)
{
    return action == HeldAction::ReleaseAndPermit || action == HeldAction::RejectAndBlock;
}

} // namespace

QStringList ApplyDecisionsDialog::countLines(const QList<HeldActionRequest> &requests)
{
    QStringList lines;
    for (const HeldActionRequest &r : requests) {
        QString line = u"%1 %2"_s.arg(r.messages.size()).arg(triage::phrase(r.action));
        if (hasSenderStep(r.action)) {
            const int pairs = HeldActionJob::senderPairs(
                r.messages, r.permitAddress.value_or(held::PermitAddress::Envelope));
            line += heldformat::plural(pairs, tr(" (1 sender)"), tr(" (%1 senders)"));
        }
        lines << line;
    }
    return lines;
}

ApplyDecisionsDialog::ApplyDecisionsDialog(QList<HeldActionRequest> requests,
                                           const QString &lastReason, QWidget *parent)
    : QDialog(parent)
    , m_requests(std::move(requests))
{
    setObjectName(u"applyDecisionsDialog"_s);
    int total = 0;
    bool rejects = false;
    QStringList trapLines;
    for (const HeldActionRequest &r : std::as_const(m_requests)) {
        total += int(r.messages.size());
        rejects =
            rejects || r.action == HeldAction::Reject || r.action == HeldAction::RejectAndBlock;
        if (r.action != HeldAction::ReleaseAndPermit)
            continue;
        for (const held::HeldMessage &m : r.messages) {
            if (const auto trap = held::permitTrap(m)) {
                ++m_trapped;
                if (trapLines.size() < 4)
                    trapLines << u"• "_s + trap->why;
            }
        }
    }
    const bool single = m_requests.size() == 1;
    setWindowTitle(single ? HeldActionJob::actionTitle(m_requests.first().action)
                          : tr("Apply marks"));

    auto *headline = plainLabel(
        single ? heldformat::plural(total, tr("%1: 1 held message?"), tr("%2: %1 held messages?"))
                     .arg(HeldActionJob::actionTitle(m_requests.first().action))
               : heldformat::plural(total, tr("Apply 1 decision?"), tr("Apply %1 decisions?")),
        this);
    headline->setObjectName(u"applyDecisionsHeadline"_s);
    QFont bold = headline->font();
    bold.setBold(true);
    headline->setFont(bold);
    auto *counts = plainLabel(countLines(m_requests).join(u'\n'), this);
    counts->setObjectName(u"applyDecisionsCounts"_s);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headline);
    layout->addWidget(counts);
    layout->addWidget(plainLabel(tr("Each action is sent as one batch and audited under the "
                                    "toolbar's case. Released and rejected messages leave the "
                                    "queue; this cannot be undone."),
                                 this));

    if (m_trapped > 0) {
        auto *warning = new QWidget(this);
        warning->setObjectName(u"permitTrapWarning"_s);
        auto *box = new QVBoxLayout(warning);
        box->setContentsMargins(0, 6, 0, 0);
        auto *icon = new QLabel(warning);
        icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
        auto *title =
            plainLabel(heldformat::plural(
                           m_trapped, tr("1 sender to permit uses a per-message bounce address"),
                           tr("%1 senders to permit use per-message bounce addresses")),
                       warning);
        title->setFont(bold);
        auto *head = new QHBoxLayout;
        head->addWidget(icon);
        head->addWidget(title, 1);
        box->addLayout(head);
        auto *why = plainLabel(
            trapLines.join(u'\n') + (m_trapped > trapLines.size() ? u"\n…"_s : QString()), warning);
        why->setObjectName(u"permitTrapReasons"_s);
        box->addWidget(why);
        box->addWidget(plainLabel(tr("Mail sent through shared infrastructure gets a new envelope "
                                     "address for every message, so a permit for it never "
                                     "matches the next one and the sender keeps getting held."),
                                  warning));
        m_permitHeader =
            new QRadioButton(tr("Permit the From &header address instead (recommended)"), warning);
        m_permitHeader->setObjectName(u"permitHeaderChoice"_s);
        m_permitHeader->setChecked(true);
        auto *envelope = new QRadioButton(tr("Permit the &envelope address anyway"), warning);
        envelope->setObjectName(u"permitEnvelopeChoice"_s);
        box->addWidget(m_permitHeader);
        box->addWidget(envelope);
        layout->addWidget(warning);
    }

    if (rejects) {
        auto *form = new QFormLayout;
        m_reason = new QComboBox(this);
        m_reason->setObjectName(u"applyRejectReason"_s);
        m_reason->addItem(tr("No reason"), QString());
        for (const QString &value : held::RejectReason::values())
            m_reason->addItem(RejectDialog::reasonLabel(value), value);
        m_reason->setCurrentIndex(qMax(0, m_reason->findData(lastReason)));
        m_reason->setToolTip(tr("Sent with every rejection as the documented reasonType"));
        m_notify = new QCheckBox(tr("&Notify the senders of rejected messages"), this);
        m_notify->setObjectName(u"applyRejectNotify"_s);
        form->addRow(tr("Rejection &reason:"), m_reason);
        form->addRow(QString(), m_notify);
        layout->addLayout(form);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *apply = buttons->addButton(
        // Button text is a mnemonic string: the action title's "&" must stay literal.
        single ? HeldActionJob::actionTitle(m_requests.first().action).replace(u'&', u"&&"_s)
               : heldformat::plural(total, tr("Apply 1 decision"), tr("Apply %1 decisions")),
        QDialogButtonBox::AcceptRole);
    apply->setObjectName(u"applyDecisionsConfirm"_s);
    apply->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"applyDecisionsCancel"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    apply->setFocus();
}

QString ApplyDecisionsDialog::reason() const
{
    return m_reason ? m_reason->currentData().toString() : QString();
}

QList<HeldActionRequest> ApplyDecisionsDialog::requests() const
{
    QList<HeldActionRequest> out = m_requests;
    for (HeldActionRequest &r : out) {
        if (r.action == HeldAction::Reject || r.action == HeldAction::RejectAndBlock) {
            r.reason = reason();
            r.notifySender = m_notify && m_notify->isChecked();
        }
        if (r.action == HeldAction::ReleaseAndPermit)
            r.permitAddress = m_permitHeader && m_permitHeader->isChecked()
                                  ? held::PermitAddress::Header
                                  : held::PermitAddress::Envelope;
    }
    return out;
}

} // namespace mcdesk::ui
