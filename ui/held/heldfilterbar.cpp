#include "ui/held/heldfilterbar.h"
#include "core/held/heldformat.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr int kCustomRange = -1;

template<typename W> W *named(W *widget, const QString &name)
{
    widget->setObjectName(name);
    return widget;
}
} // namespace

HeldFilterBar::HeldFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_searchField(named(new QComboBox(this), u"heldSearchField"_s))
    , m_searchValue(named(new QLineEdit(this), u"heldSearchValue"_s))
    , m_datePreset(named(new QComboBox(this), u"heldDatePreset"_s))
    , m_from(named(new QDateTimeEdit(this), u"heldFrom"_s))
    , m_to(named(new QDateTimeEdit(this), u"heldTo"_s))
    , m_route(named(new QComboBox(this), u"heldRoute"_s))
    , m_autoRefresh(named(new QComboBox(this), u"heldAutoRefresh"_s))
    , m_searchButton(named(new QPushButton(tr("Search"), this), u"heldSearchButton"_s))
    , m_quickFilter(named(new QLineEdit(this), u"heldQuickFilter"_s))
    , m_policyChip(named(new QToolButton(this), u"heldPolicyFilter"_s))
    , m_showing(named(new QLabel(this), u"heldShowing"_s))
    , m_refreshTimer(new QTimer(this))
{
    m_searchField->addItem(tr("All fields"), u"all"_s);
    m_searchField->addItem(tr("Subject"), u"subject"_s);
    m_searchField->addItem(tr("Sender"), u"sender"_s);
    m_searchField->addItem(tr("Recipient"), u"recipient"_s);
    m_searchField->addItem(tr("Reason code"), u"reason_code"_s);
    m_searchField->setToolTip(tr("Which field Mimecast searches for the value"));
    m_searchValue->setPlaceholderText(tr("Search the held queue…"));
    m_searchValue->setClearButtonEnabled(true);
    m_searchValue->setMinimumWidth(fontMetrics().averageCharWidth() * 28);

    m_datePreset->addItem(tr("Last 24 hours"), 1);
    m_datePreset->addItem(tr("Last 3 days"), 3);
    m_datePreset->addItem(tr("Last 7 days"), 7);
    m_datePreset->addItem(tr("Last 14 days"), 14);
    m_datePreset->addItem(tr("Custom range…"), kCustomRange);
    m_datePreset->setCurrentIndex(3); // Mimecast keeps held mail for 14 days
    m_datePreset->setToolTip(tr("When the messages were held"));
    const QDateTime now = QDateTime::currentDateTime();
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        edit->setVisible(false);
    }
    m_from->setDateTime(now.addDays(-1));
    m_to->setDateTime(now);
    m_from->setToolTip(tr("From (your local time)"));
    m_to->setToolTip(tr("To (your local time)"));

    m_route->addItem(tr("All routes"), QString());
    m_route->addItem(tr("Inbound"), u"inbound"_s);
    m_route->addItem(tr("Outbound"), u"outbound"_s);
    m_route->addItem(tr("Internal"), u"internal"_s);
    m_route->addItem(tr("External"), u"external"_s);

    m_autoRefresh->addItem(tr("Auto-refresh off"), 0);
    for (int minutes : {1, 2, 5, 10, 15, 30})
        m_autoRefresh->addItem(
            heldformat::plural(minutes, tr("Every minute"), tr("Every %1 minutes")), minutes);
    m_autoRefresh->setToolTip(tr("Reload the queue on this interval (keeps your selection)"));
    m_searchButton->setDefault(true);
    m_searchButton->setToolTip(tr("Ask Mimecast for the held messages matching these filters"));

    m_quickFilter->setPlaceholderText(tr("Filter loaded rows…"));
    m_quickFilter->setClearButtonEnabled(true);
    m_quickFilter->setToolTip(tr("Narrows the loaded messages at once, without asking Mimecast"));
    m_quickFilter->setMinimumWidth(fontMetrics().averageCharWidth() * 28);
    m_policyChip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_policyChip->setAutoRaise(true);
    m_policyChip->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_policyChip->setToolTip(tr("Show every policy again"));
    m_policyChip->setVisible(false);
    m_showing->setTextFormat(Qt::PlainText);
    m_showing->setForegroundRole(QPalette::PlaceholderText);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_searchField);
    top->addWidget(m_searchValue, 2);
    top->addWidget(m_datePreset);
    top->addWidget(m_from);
    top->addWidget(m_to);
    top->addWidget(m_route);
    top->addWidget(m_searchButton);
    top->addStretch(1);
    top->addWidget(m_autoRefresh);
    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    bottom->addWidget(m_quickFilter, 1);
    bottom->addWidget(m_policyChip);
    bottom->addStretch(2);
    bottom->addWidget(m_showing);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(bottom);

    connect(m_searchButton, &QPushButton::clicked, this, &HeldFilterBar::searchRequested);
    connect(m_searchValue, &QLineEdit::returnPressed, this, &HeldFilterBar::searchRequested);
    connect(m_datePreset, &QComboBox::activated, this, &HeldFilterBar::presetChanged);
    connect(m_route, &QComboBox::activated, this, &HeldFilterBar::searchRequested);
    connect(m_quickFilter, &QLineEdit::textChanged, this, &HeldFilterBar::quickFilterChanged);
    connect(m_policyChip, &QToolButton::clicked, this, &HeldFilterBar::policyCleared);
    connect(m_autoRefresh, &QComboBox::currentIndexChanged, this,
            &HeldFilterBar::updateAutoRefresh);
    connect(m_refreshTimer, &QTimer::timeout, this, &HeldFilterBar::autoRefreshDue);
}

void HeldFilterBar::presetChanged()
{
    const bool custom = m_datePreset->currentData().toInt() == kCustomRange;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    if (!custom)
        emit searchRequested();
}

held::HeldQuery HeldFilterBar::query(const QDateTime &nowUtc) const
{
    held::HeldQuery q;
    const QString value = m_searchValue->text().trimmed();
    if (!value.isEmpty()) {
        q.searchBy = m_searchField->currentData().toString();
        q.value = value;
    }
    const int days = m_datePreset->currentData().toInt();
    if (days == kCustomRange) {
        q.start = m_from->dateTime().toUTC();
        q.end = m_to->dateTime().toUTC();
    } else {
        q.start = nowUtc.addDays(-days);
        // Mimecast dates have whole seconds: a minute of slack keeps what was held just now.
        q.end = nowUtc.addSecs(60);
    }
    q.route = m_route->currentData().toString();
    return q;
}

void HeldFilterBar::setSenderSearch(const QString &address)
{
    m_searchField->setCurrentIndex(m_searchField->findData(u"sender"_s));
    m_searchValue->setText(address.trimmed());
    m_datePreset->setCurrentIndex(m_datePreset->findData(14));
    m_route->setCurrentIndex(0);
    m_from->setVisible(false);
    m_to->setVisible(false);
}

void HeldFilterBar::setPolicy(const QString &policy)
{
    m_policyChip->setText(tr("Policy: %1").arg(policy));
    m_policyChip->setVisible(!policy.isEmpty());
}

void HeldFilterBar::setShowing(int shown, int loaded, int total, bool loading)
{
    const QLocale locale;
    total = qMax(total, loaded);
    QString text =
        tr("Showing %1 of %2 held messages").arg(locale.toString(shown), locale.toString(total));
    if (shown < loaded)
        text += tr(" · %1 loaded, filtered here").arg(locale.toString(loaded));
    else if (!loading && loaded < total)
        text += tr(" · narrow the search to see the rest");
    if (loading)
        text += tr(" · loading…");
    m_showing->setText(text);
}

QString HeldFilterBar::quickFilterText() const
{
    return m_quickFilter->text();
}

int HeldFilterBar::autoRefreshMinutes() const
{
    return m_autoRefresh->currentData().toInt();
}

void HeldFilterBar::updateAutoRefresh()
{
    const int minutes = autoRefreshMinutes();
    if (minutes <= 0)
        m_refreshTimer->stop();
    else
        m_refreshTimer->start(minutes * 60 * 1000);
}

} // namespace mcdesk::ui
