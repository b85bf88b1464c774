#include "core/archive/timeframe.h"

#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace mcdesk::archive {

namespace {

const QStringList kLabels = {u"Last Hour"_s, u"Last 6 Hours"_s, u"Last 24 Hours"_s,
                             u"Last Week"_s, u"Last Month"_s,   u"Custom"_s};

constexpr qint64 kHour = 3600;

qint64 presetSeconds(TimeFrame frame)
{
    switch (frame) {
    case TimeFrame::LastHour:
        return kHour;
    case TimeFrame::Last6Hours:
        return 6 * kHour;
    case TimeFrame::Last24Hours:
        return 24 * kHour;
    case TimeFrame::LastWeek:
        return 7 * 24 * kHour;
    case TimeFrame::LastMonth:
        return 30 * 24 * kHour;
    case TimeFrame::Custom:
        break;
    }
    return 0;
}

QDateTime wholeSecondsUtc(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    return utc.addMSecs(-utc.time().msec());
}

const QString kExamples =
    u"e.g. 2026-03-29T10:00:00Z, 2026-03-29T12:00:00+02:00, or 2026-03-29 for local midnight"_s;

// Parses one of the two text fields; on failure the error starts with the field's name.
QDateTime parseField(const QString &field, const QString &text, QString *error)
{
    QString why;
    const QDateTime when = parseIsoDateTime(text, &why);
    if (!when.isValid())
        *error = u"%1 \"%2\" %3"_s.arg(field, text.trimmed(), why);
    return when;
}

} // namespace

QString timeFrameLabel(TimeFrame frame)
{
    return kLabels.value(int(frame));
}

QStringList timeFrameLabels()
{
    return kLabels;
}

std::optional<TimeFrame> parseTimeFrame(const QString &label, QString *error)
{
    const QString wanted = label.simplified();
    for (int i = 0; i < kLabels.size(); ++i) {
        if (wanted.compare(kLabels.at(i), Qt::CaseInsensitive) == 0)
            return static_cast<TimeFrame>(i);
    }
    if (error)
        *error =
            u"Time Frame \"%1\" is not valid; use one of: %2"_s.arg(label, kLabels.join(u", "_s));
    return std::nullopt;
}

QDateTime parseIsoDateTime(const QString &text, QString *error)
{
    static const QRegularExpression re(
        u"^([0-9]{4})-([0-9]{2})-([0-9]{2})"
        u"(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?"
        u" ?([Zz]|([+-])([0-9]{2})(?::?([0-9]{2}))?)?)?$"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return QDateTime();
    };
    if (!m.hasMatch())
        return fail(u"is not an ISO 8601 date-time (%1)"_s.arg(kExamples));

    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int msec =
        QString(m.captured(7) + u"00"_s).left(3).toInt(); // fraction cut to milliseconds
    const QTime time =
        m.capturedLength(4) == 0
            ? QTime(0, 0)
            : QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), msec);
    if (!date.isValid() || !time.isValid())
        return fail(u"is not a real date and time (%1)"_s.arg(kExamples));

    const QString zone = m.captured(8);
    if (zone.compare(u"Z"_s, Qt::CaseInsensitive) == 0)
        return QDateTime(date, time, Qt::UTC);
    if (!zone.isEmpty()) {
        const int minutes = m.captured(10).toInt() * 60 + m.captured(11).toInt();
        const int seconds = (m.captured(9) == u"-"_s ? -60 : 60) * minutes;
        if (m.captured(11).toInt() > 59 || !QTimeZone(seconds).isValid())
            return fail(u"has an impossible UTC offset \"%1\""_s.arg(zone));
        return QDateTime(date, time, QTimeZone(seconds)).toUTC();
    }
    // No offset: the analyst's own clock. Qt::LocalTime applies the DST rules in force on
    // that date, not today's offset.
    const QDateTime local(date, time, Qt::LocalTime);
    if (!local.isValid())
        return fail(u"does not exist in local time (a daylight-saving change skips it); "
                    u"add a UTC offset such as +01:00"_s);
    return local.toUTC();
}

QString formatUtc(const QDateTime &when)
{
    return when.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

TimeRange resolveTimeRange(TimeFrame frame, const QString &startText, const QString &endText,
                           const QDateTime &nowUtc)
{
    TimeRange range;
    const QDateTime now =
        wholeSecondsUtc(nowUtc.isValid() ? nowUtc : QDateTime::currentDateTimeUtc());
    if (frame != TimeFrame::Custom) {
        range.startUtc = now.addSecs(-presetSeconds(frame));
        range.endUtc = now;
        return range;
    }
    if (startText.trimmed().isEmpty()) {
        range.error = u"Start Time is required when Time Frame is Custom"_s;
        return range;
    }
    const QDateTime start = parseField(u"Start Time"_s, startText, &range.error);
    if (!range.ok())
        return range;
    QDateTime end = now;
    if (!endText.trimmed().isEmpty()) {
        end = parseField(u"End Time"_s, endText, &range.error);
        if (!range.ok())
            return range;
    }
    range.startUtc = wholeSecondsUtc(start);
    range.endUtc = wholeSecondsUtc(end);
    if (range.endUtc <= range.startUtc) {
        range.error = u"End Time must be later than Start Time (start %1, end %2)"_s.arg(
            formatUtc(range.startUtc), formatUtc(range.endUtc));
        range.startUtc = range.endUtc = QDateTime();
    }
    return range;
}

} // namespace mcdesk::archive
