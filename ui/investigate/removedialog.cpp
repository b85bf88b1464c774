#include "ui/investigate/removedialog.h"

#include "ui/common/widgets.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
// Mimecast searches the last month when no range is given (reference §4.2); the form starts
// there so the analyst sees the range that will be used.
constexpr int kDefaultDaysBack = 30;

} // namespace

RemoveDialog::RemoveDialog(const respond::RemediationRequest &request, const QString &scope,
                           const QDateTime &nowUtc, QWidget *parent)
    : QDialog(parent)
    , m_request(request)
    , m_now(nowUtc)
    , m_reason(new QLineEdit(this))
    , m_start(widgets::dateTimeEdit(
          u"removeStart"_s,
          request.start.isValid() ? request.start : nowUtc.addDays(-kDefaultDaysBack), this))
    , m_end(
          widgets::dateTimeEdit(u"removeEnd"_s, request.end.isValid() ? request.end : nowUtc, this))
    , m_what(new QLabel(this))
    , m_error(widgets::hintLabel(u"removeError"_s, this))
{
    setObjectName(u"removeDialog"_s);
    setWindowTitle(tr("Remove from all mailboxes"));
    using Target = respond::RemediationRequest::Target;

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    m_what->setObjectName(u"removeWhat"_s);
    m_what->setTextFormat(Qt::PlainText);
    m_what->setWordWrap(true);
    QFont bold = m_what->font();
    bold.setBold(true);
    m_what->setFont(bold);
    switch (request.target) {
    case Target::MessageIds:
        m_what->setText(tr("Mimecast will search every mailbox for %1 and remove what it "
                           "finds.")
                            .arg(scope));
        break;
    case Target::Hash:
        m_what->setText(tr("Mimecast will search every mailbox for messages carrying the "
                           "attachment with SHA-256 %1 and remove them.")
                            .arg(request.hash));
        break;
    case Target::Url:
        m_what->setText(tr("Mimecast will search every mailbox for messages containing the "
                           "URL below and remove them."));
        break;
    }
    auto *explain = new QLabel(tr("Removed messages can be restored only in the Mimecast "
                                  "console (Threat Remediation, the incident's Restore): "
                                  "Mimecast offers no API for it."),
                               this);
    explain->setTextFormat(Qt::PlainText);
    explain->setWordWrap(true);

    m_reason->setObjectName(u"removeReason"_s);
    m_reason->setPlaceholderText(tr("Required; kept with the incident (e.g. the case number)"));
    m_reason->setText(request.reason);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Reason:"), m_reason);
    if (request.target == Target::Url) {
        m_url = new QLineEdit(request.url, this);
        m_url->setObjectName(u"removeUrl"_s);
        m_url->setPlaceholderText(u"https://…"_s);
        form->addRow(tr("&URL:"), m_url);
        connect(m_url, &QLineEdit::textChanged, this, &RemoveDialog::updateConfirm);
    }
    form->addRow(tr("Received &from:"), m_start);
    form->addRow(tr("&Until:"), m_end);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(tr("Remove…"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(u"removeConfirm"_s);
    m_confirm->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &RemoveDialog::updateConfirm);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_what);
    texts->addWidget(explain);
    top->addLayout(texts, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
    updateConfirm();
}

void RemoveDialog::updateConfirm()
{
    m_confirm->setEnabled(!m_reason->text().trimmed().isEmpty() &&
                          (!m_url || !m_url->text().trimmed().isEmpty()));
    m_error->hide();
}

void RemoveDialog::accept()
{
    respond::RemediationRequest r = m_request;
    r.reason = m_reason->text().trimmed();
    if (m_url)
        r.url = m_url->text().trimmed();
    r.start = m_start->dateTime().toUTC();
    r.end = m_end->dateTime().toUTC();
    QString problem;
    if (r.reason.isEmpty())
        problem = tr("Reason: give why these messages are removed (the case number will do).");
    else if (r.start >= r.end)
        problem = tr("Received from: the start must be before the end.");
    else if (const QString bad = r.validate(m_now.addSecs(60)); !bad.isEmpty())
        problem = bad;
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    m_request = r;
    QDialog::accept();
}

} // namespace mcdesk::ui
