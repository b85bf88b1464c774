#include "ui/investigate/trackingform.h"

#include "ui/common/widgets.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
const QString kDateFormat = u"yyyy-MM-dd HH:mm"_s;

} // namespace

TrackingForm::TrackingForm(QWidget *parent)
    : QWidget(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_messageId(addLine(u"investigateMessageId"_s, tr("<local@host>")))
    , m_from(addLine(u"investigateFrom"_s, tr("address or domain")))
    , m_to(addLine(u"investigateTo"_s, tr("address or domain")))
    , m_subject(addLine(u"investigateSubject"_s, {}))
    , m_senderIp(addLine(u"investigateSenderIp"_s, tr("IPv4 or IPv6")))
    , m_route(new QComboBox(this))
    , m_start(widgets::dateTimeEdit(u"investigateStart"_s, {}, this))
    , m_end(widgets::dateTimeEdit(u"investigateEnd"_s, {}, this))
    , m_reason(addLine(u"investigateReason"_s, tr("kept in Mimecast's audit trail")))
    , m_search(new QPushButton(tr("&Search"), this))
    , m_clampNote(new QLabel(this))
    , m_error(widgets::hintLabel(u"investigateError"_s, this))
{
    setObjectName(u"investigateForm"_s);
    m_route->setObjectName(u"investigateRoute"_s);
    m_route->addItem(tr("Any"), QString());
    m_route->addItem(tr("Inbound"), u"inbound"_s);
    m_route->addItem(tr("Outbound"), u"outbound"_s);
    m_route->addItem(tr("Internal"), u"internal"_s);
    m_route->addItem(tr("External"), u"external"_s);
    m_search->setObjectName(u"investigateSearch"_s);
    m_search->setDefault(true);
    m_clampNote->setObjectName(u"investigateClampNote"_s);
    m_clampNote->setTextFormat(Qt::PlainText);
    m_clampNote->setWordWrap(true);
    m_clampNote->setForegroundRole(QPalette::PlaceholderText);
    m_clampNote->hide();

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto row = [this, form](const QString &label, QWidget *field) {
        auto *name = new QLabel(label, this);
        name->setBuddy(field);
        form->addRow(name, field);
    };
    row(tr("&Message-ID:"), m_messageId);
    auto *or_ = widgets::sectionTitle(tr("or any of"), this);
    form->addRow(or_);
    row(tr("&From:"), m_from);
    row(tr("&To:"), m_to);
    row(tr("Su&bject:"), m_subject);
    row(tr("Sender &IP:"), m_senderIp);
    form->addRow(widgets::sectionTitle(tr("Where and when"), this));
    row(tr("R&oute:"), m_route);
    row(tr("F&rom date:"), m_start);
    row(tr("U&ntil:"), m_end);
    form->addRow(QString(), m_clampNote);
    row(tr("Search r&eason:"), m_reason);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_search, 0, Qt::AlignRight);
    layout->addWidget(m_error);

    for (QLineEdit *edit : {m_messageId, m_from, m_to, m_subject, m_senderIp, m_reason})
        connect(edit, &QLineEdit::returnPressed, this, &TrackingForm::searchRequested);
    connect(m_search, &QPushButton::clicked, this, &TrackingForm::searchRequested);
    connect(m_start, &QDateTimeEdit::editingFinished, this, &TrackingForm::keepInWindow);
    resetDates();
}

QLineEdit *TrackingForm::addLine(const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

void TrackingForm::setClock(Clock clock)
{
    m_clock = std::move(clock);
    resetDates();
}

QDateTime TrackingForm::now() const
{
    return m_clock().toUTC();
}

void TrackingForm::resetDates()
{
    const QDateTime now = this->now();
    m_end->setDateTime(now.toLocalTime());
    m_start->setDateTime(now.addSecs(-3600 * respond::TrackingQuery::kDefaultHours).toLocalTime());
    m_clampNote->hide();
}

void TrackingForm::useWholeWindow()
{
    const QDateTime now = this->now();
    m_end->setDateTime(now.toLocalTime());
    // A day inside the window, so the minutes until the send cannot push it out.
    m_start->setDateTime(now.addDays(-(respond::TrackingQuery::kWindowDays - 1)).toLocalTime());
    m_clampNote->hide();
}

QString TrackingForm::inFormWords(const QString &problem)
{
    return widgets::inFormWords(problem, {{u"--search-reason"_s, tr("Search reason")},
                                          {u"--message-id"_s, tr("Message-ID")},
                                          {u"--sender-ip"_s, tr("Sender IP")},
                                          {u"--subject"_s, tr("Subject")},
                                          {u"--route"_s, tr("Route")},
                                          {u"--start"_s, tr("From date")},
                                          {u"--limit"_s, tr("At most")},
                                          {u"--from"_s, tr("From")},
                                          {u"--end"_s, tr("Until")},
                                          {u"--to"_s, tr("To")}});
}

respond::TrackingQuery TrackingForm::query() const
{
    respond::TrackingQuery q;
    q.messageId = m_messageId->text().trimmed();
    q.from = m_from->text().trimmed();
    q.to = m_to->text().trimmed();
    q.subject = m_subject->text().trimmed();
    q.senderIp = m_senderIp->text().trimmed();
    if (const QString route = m_route->currentData().toString(); !route.isEmpty())
        q.routes = {route};
    q.start = m_start->dateTime().toUTC();
    q.end = m_end->dateTime().toUTC();
    q.searchReason = m_reason->text().trimmed();
    return q;
}

bool TrackingForm::keepInWindow()
{
    respond::TrackingQuery q = query();
    // Five minutes inside the window, so the time until the send (and the minute the date
    // field shows) cannot push it out.
    const QDateTime now = this->now().addSecs(300);
    if (!q.clampToWindow(now))
        return false;
    m_start->setDateTime(q.start.toLocalTime());
    m_end->setDateTime(q.end.toLocalTime());
    m_clampNote->setText(tr("The start was moved to %1: Message Finder tracks only the last %2 "
                            "days. Search the archive for older mail.")
                             .arg(m_start->dateTime().toString(kDateFormat))
                             .arg(respond::TrackingQuery::kWindowDays));
    m_clampNote->show();
    return true;
}

void TrackingForm::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void TrackingForm::prefillMessageId(const QString &messageId)
{
    for (QLineEdit *edit : {m_from, m_to, m_subject, m_senderIp})
        edit->clear();
    m_messageId->setText(messageId.trimmed());
}

void TrackingForm::prefillSenderSubject(const QString &sender, const QString &subject)
{
    for (QLineEdit *edit : {m_messageId, m_to, m_senderIp})
        edit->clear();
    m_from->setText(sender.trimmed());
    m_subject->setText(subject.trimmed());
}

} // namespace mcdesk::ui
