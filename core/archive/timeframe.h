#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace mcdesk::archive {

// The seed's "Time Frame" choices. Presets are rolling windows ending now (the SOAR
// integration's calendar-week/month arithmetic on naive clocks is not repeated).
enum class TimeFrame { LastHour, Last6Hours, Last24Hours, LastWeek, LastMonth, Custom };

// "Last Hour", "Last 6 Hours", "Last 24 Hours", "Last Week", "Last Month", "Custom".
QString timeFrameLabel(TimeFrame frame);
QStringList timeFrameLabels();

// Case-insensitive, surrounding spaces ignored. On failure *error names the valid values.
std::optional<TimeFrame> parseTimeFrame(const QString &label, QString *error = nullptr);

// ISO 8601 date-time: `2026-03-29T10:00:00Z`, `…+02:00`, `…+0200`, `…-08`, optional seconds and
// fractional seconds, 'T' or a space between date and time, or a date alone (local midnight).
// Without an offset the time is local (the system time zone). Invalid on failure; *error then
// says why (e.g. a local time skipped by a daylight-saving change).
QDateTime parseIsoDateTime(const QString &text, QString *error = nullptr);

// `YYYY-MM-DDTHH:MM:SSZ`, the form the archive XML uses.
QString formatUtc(const QDateTime &when);

struct TimeRange
{
    QDateTime startUtc;
    QDateTime endUtc;
    QString error; // names the field ("Start Time", "End Time"); empty on success
    bool ok() const { return error.isEmpty(); }
};

// Presets: [now − span, now], Last Week = 7×24 h, Last Month = 30×24 h; startText/endText are
// ignored. Custom: start required, end defaults to now, end must be later than start. Both ends
// are cut to whole seconds, the precision of the archive XML.
TimeRange resolveTimeRange(TimeFrame frame, const QString &startText, const QString &endText,
                           const QDateTime &nowUtc);

} // namespace mcdesk::archive
