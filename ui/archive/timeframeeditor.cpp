#include "ui/archive/timeframeeditor.h"

#include "ui/common/palette.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
QDateTimeEdit *picker(const QString &name, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setTimeSpec(Qt::LocalTime);
    // 't' shows the zone abbreviation (CET, UTC…), so nobody wonders which clock this is.
    edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss t"_s);
    return edit;
}

QString humanSpan(qint64 seconds)
{
    const auto count = [](qint64 n, const QString &one, const QString &many) {
        return n == 1 ? one : many.arg(n);
    };
    if (seconds % 86400 == 0)
        return count(seconds / 86400, TimeFrameEditor::tr("1 day"),
                     TimeFrameEditor::tr("%L1 days"));
    if (seconds % 3600 == 0)
        return count(seconds / 3600, TimeFrameEditor::tr("1 hour"),
                     TimeFrameEditor::tr("%L1 hours"));
    if (seconds < 3600)
        return count(seconds / 60, TimeFrameEditor::tr("1 minute"),
                     TimeFrameEditor::tr("%L1 minutes"));
    return TimeFrameEditor::tr("%L1 h %L2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}
} // namespace

TimeFrameEditor::TimeFrameEditor(QWidget *parent)
    : QWidget(parent)
    , m_frame(new QComboBox(this))
    , m_custom(new QWidget(this))
    , m_start(picker(u"customStart"_s, m_custom))
    , m_end(picker(u"customEnd"_s, m_custom))
    , m_range(new QLabel(this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_frame->setObjectName(u"timeFrame"_s);
    const QList<archive::TimeFrame> frames{
        archive::TimeFrame::LastHour,    archive::TimeFrame::Last6Hours,
        archive::TimeFrame::Last24Hours, archive::TimeFrame::LastWeek,
        archive::TimeFrame::LastMonth,   archive::TimeFrame::Custom};
    for (archive::TimeFrame f : frames)
        m_frame->addItem(archive::timeFrameLabel(f), int(f));

    const QDateTime now = QDateTime::currentDateTime();
    m_start->setDateTime(now.addDays(-1));
    m_end->setDateTime(now);
    auto *customLayout = new QFormLayout(m_custom);
    customLayout->setContentsMargins(0, 0, 0, 0);
    customLayout->addRow(tr("From"), m_start);
    customLayout->addRow(tr("To"), m_end);
    m_custom->setToolTip(tr("Local time (%1); sent to Mimecast in UTC.")
                             .arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())));

    m_range->setObjectName(u"resolvedRange"_s);
    m_range->setTextFormat(Qt::PlainText);
    m_range->setWordWrap(true);
    m_range->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_frame);
    layout->addWidget(m_custom);
    layout->addWidget(m_range);

    connect(m_frame, &QComboBox::currentIndexChanged, this, [this] {
        m_custom->setVisible(frame() == archive::TimeFrame::Custom);
        updateRange();
    });
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &TimeFrameEditor::updateRange);
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, &TimeFrameEditor::updateRange);
    // The presets roll with the clock; keep the shown range honest.
    m_tick.setInterval(15000);
    connect(&m_tick, &QTimer::timeout, this, &TimeFrameEditor::updateRange);
    m_tick.start();
    m_custom->setVisible(false);
    updateRange();
}

archive::TimeFrame TimeFrameEditor::frame() const
{
    return archive::TimeFrame(m_frame->currentData().toInt());
}

void TimeFrameEditor::setFrame(archive::TimeFrame frame)
{
    m_frame->setCurrentIndex(m_frame->findData(int(frame)));
}

QString TimeFrameEditor::startText() const
{
    return archive::formatUtc(m_start->dateTime());
}

QString TimeFrameEditor::endText() const
{
    return archive::formatUtc(m_end->dateTime());
}

void TimeFrameEditor::setCustomRange(const QDateTime &start, const QDateTime &end)
{
    m_start->setDateTime(start.toLocalTime());
    m_end->setDateTime(end.toLocalTime());
}

void TimeFrameEditor::setClock(Clock clock)
{
    m_clock = std::move(clock);
    updateRange();
}

QDateTime TimeFrameEditor::now() const
{
    return m_clock().toUTC();
}

archive::TimeRange TimeFrameEditor::resolve() const
{
    const bool custom = frame() == archive::TimeFrame::Custom;
    return archive::resolveTimeRange(frame(), custom ? startText() : QString(),
                                     custom ? endText() : QString(), now());
}

void TimeFrameEditor::updateRange()
{
    const archive::TimeRange range = resolve();
    QPalette colours = palette();
    if (!range.ok()) {
        colours.setColor(QPalette::WindowText,
                         palette::statusColor(palette::Status::Bad, palette()));
        m_range->setText(range.error);
    } else {
        const QString format = u"yyyy-MM-dd HH:mm:ss"_s;
        m_range->setText(tr("Sent as UTC, %1:\n%2 → %3")
                             .arg(humanSpan(range.startUtc.secsTo(range.endUtc)),
                                  range.startUtc.toString(format), range.endUtc.toString(format)));
        m_range->setToolTip(tr("Local time: %1 → %2")
                                .arg(range.startUtc.toLocalTime().toString(format),
                                     range.endUtc.toLocalTime().toString(format)));
        colours.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    }
    m_range->setPalette(colours);
    emit changed();
}

} // namespace mcdesk::ui
