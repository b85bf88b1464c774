#include "ui/builder/datefields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui::builder {

namespace {

using archive::DateSelect;

QDateTimeEdit *makeEdit(const QString &name, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(name);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    edit->setCalendarPopup(true);
    // An end that is not set shows as such rather than as some date.
    edit->setMinimumDateTime(QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC));
    edit->setSpecialValueText(DateFields::tr("not set"));
    return edit;
}

// The archive XML carries whole seconds; anything finer would not survive a round trip.
QDateTime wholeSeconds(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    return QDateTime(utc.date(), QTime(utc.time().hour(), utc.time().minute(), utc.time().second()),
                     Qt::UTC);
}

void removeAttribute(archive::Attributes *attributes, const QString &name)
{
    attributes->removeIf([&](const archive::Attribute &a) { return a.name == name; });
}

} // namespace

DateFields::DateFields(QWidget *parent)
    : QWidget(parent)
    , m_select(new QComboBox(this))
    , m_range(new QWidget(this))
    , m_fromOn(new QCheckBox(tr("From"), m_range))
    , m_from(makeEdit(u"dateFrom"_s, m_range))
    , m_toOn(new QCheckBox(tr("To"), m_range))
    , m_to(makeEdit(u"dateTo"_s, m_range))
    , m_zone(new QLabel(tr("UTC"), m_range))
{
    m_condition.kind = archive::Condition::Kind::Date;
    m_select->setObjectName(u"dateSelect"_s);
    m_fromOn->setObjectName(u"dateFromEnabled"_s);
    m_toOn->setObjectName(u"dateToEnabled"_s);
    const QList<QPair<QString, DateSelect>> items = {
        {tr("Today"), DateSelect::Today},        {tr("Yesterday"), DateSelect::Yesterday},
        {tr("Last week"), DateSelect::LastWeek}, {tr("Last month"), DateSelect::LastMonth},
        {tr("Last year"), DateSelect::LastYear}, {tr("Between…"), DateSelect::Between},
        {tr("Not set"), DateSelect::Unset}};
    for (const auto &[label, select] : items)
        m_select->addItem(label, int(select));
    m_select->setToolTip(tr("Mimecast's time frames are relative to when the search runs."));
    m_from->setToolTip(tr("Start of the range, in UTC"));
    m_to->setToolTip(tr("End of the range, in UTC"));
    m_zone->setForegroundRole(QPalette::PlaceholderText);

    // Start and end one above the other, so the row stays narrow.
    auto *range = new QGridLayout(m_range);
    range->setContentsMargins(0, 0, 0, 0);
    range->setVerticalSpacing(2);
    range->addWidget(m_fromOn, 0, 0);
    range->addWidget(m_from, 0, 1);
    range->addWidget(m_zone, 0, 2);
    range->addWidget(m_toOn, 1, 0);
    range->addWidget(m_to, 1, 1);
    range->setColumnStretch(3, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *top = new QHBoxLayout;
    top->addWidget(m_select);
    top->addStretch(1);
    layout->addLayout(top);
    layout->addWidget(m_range);

    connect(m_select, &QComboBox::activated, this, &DateFields::selectChosen);
    connect(m_fromOn, &QCheckBox::clicked, this, [this](bool on) { endToggled(true, on); });
    connect(m_toOn, &QCheckBox::clicked, this, [this](bool on) { endToggled(false, on); });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, [this] { endEdited(true); });
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, [this] { endEdited(false); });
    connect(m_from, &QDateTimeEdit::editingFinished, this, &DateFields::editFinished);
    connect(m_to, &QDateTimeEdit::editingFinished, this, &DateFields::editFinished);
    setCondition(m_condition);
}

void DateFields::setCondition(const archive::Condition &condition)
{
    m_condition = condition;
    const QSignalBlocker b1(m_select), b2(m_from), b3(m_to), b4(m_fromOn), b5(m_toOn);
    m_select->setCurrentIndex(m_select->findData(int(condition.dateSelect)));
    m_fromOn->setChecked(condition.from.isValid());
    m_toOn->setChecked(condition.to.isValid());
    const auto show = [](QDateTimeEdit *edit, const QDateTime &when) {
        const QDateTime shown = when.isValid() ? when.toUTC() : edit->minimumDateTime();
        if (edit->dateTime() != shown)
            edit->setDateTime(shown);
    };
    show(m_from, condition.from);
    show(m_to, condition.to);
    m_from->setEnabled(condition.from.isValid());
    m_to->setEnabled(condition.to.isValid());
    updateVisibility();
}

void DateFields::selectChosen()
{
    archive::Condition c = m_condition;
    c.dateSelect = DateSelect(m_select->currentData().toInt());
    if (c.dateSelect == m_condition.dateSelect)
        return;
    removeAttribute(&c.extraAttributes, u"select"_s);
    if (c.dateSelect == DateSelect::Between && !c.from.isValid() && !c.to.isValid()) {
        // A useful start: the last 24 hours, to the minute.
        const QDateTime now = wholeSeconds(QDateTime::currentDateTimeUtc());
        c.to = now.addSecs(-now.time().second());
        c.from = c.to.addDays(-1);
    } else if (c.dateSelect != DateSelect::Between) {
        c.from = {};
        c.to = {};
    }
    emit edited(c, u"select"_s);
    emit editFinished();
}

void DateFields::endToggled(bool from, bool on)
{
    archive::Condition c = m_condition;
    QDateTime &end = from ? c.from : c.to;
    if (on) {
        // Next to the other end when there is one; else the last 24 hours, to the minute.
        const QDateTime other = from ? c.to : c.from;
        QDateTime now = wholeSeconds(QDateTime::currentDateTimeUtc());
        now = now.addSecs(-now.time().second());
        end = other.isValid() ? other.addDays(from ? -1 : 1) : now.addDays(from ? -1 : 0);
        removeAttribute(&c.extraAttributes, from ? u"from"_s : u"to"_s);
    } else {
        end = {};
    }
    emit edited(c, from ? u"fromOn"_s : u"toOn"_s);
    emit editFinished();
}

void DateFields::endEdited(bool from)
{
    archive::Condition c = m_condition;
    (from ? c.from : c.to) = wholeSeconds((from ? m_from : m_to)->dateTime());
    emit edited(c, from ? u"from"_s : u"to"_s);
}

void DateFields::updateVisibility()
{
    const bool range = m_condition.dateSelect == DateSelect::Between ||
                       m_condition.from.isValid() || m_condition.to.isValid();
    m_range->setVisible(range);
}

} // namespace mcdesk::ui::builder
