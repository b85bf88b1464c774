#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// What the runner's files share: reading argument text (as typed on the command line or in a
// form), and notes on a read that succeeded.
namespace mcdesk::actions {

struct ActionOutcome;

// A whole number from 1 to max, or nothing.
std::optional<int> positiveNumber(const QString &text, int max);
// An optional ISO 8601 option: left alone when empty; otherwise set in UTC, or the problem
// named with the option and an example.
QString parseTimeArgument(const QString &name, const QString &text, QDateTime *target);
// --start / --end as typed (ActionArgs::periodStart / periodEnd), with the action's default
// when one is absent.
struct ActionArgs;
QString readPeriod(const ActionArgs &args, QDateTime *start, QDateTime *end,
                   const QDateTime &defaultStart, const QDateTime &defaultEnd);
// What the analyst should know of a read that still succeeded (skipped records, paging cut
// short): in the message, the notes and the JSON result.
void addNotes(ActionOutcome &out, const QStringList &notes, int skipped);

} // namespace mcdesk::actions
