#pragma once

#include "core/archive/archivequery.h"
#include "core/archive/timeframe.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace mcdesk::archive {

// The seed's Simple Archive Search form (docs/contract.md, actions).
struct SimpleSearch
{
    QStringList fieldsToReturn;
    QStringList mailboxes;
    QStringList from; // addresses or bare domains
    QStringList to;
    QString subject;
    TimeFrame frame = TimeFrame::LastHour;
    QString startText; // Custom only, ISO 8601
    QString endText;   // Custom only; empty = now
    int limit = 50;    // "Max Emails To Return"
};

struct BuildResult
{
    ArchiveQuery query;
    QDateTime startUtc;
    QDateTime endUtc;
    int pageSize = 0; // min(limit, 500): never ask for more than the analyst wants
    QString error;    // names the field, e.g. `From: "bad@" is not a valid address or domain`
    bool ok() const { return error.isEmpty(); }
};

constexpr int kMaxSimpleSearchLimit = 100000;
constexpr int kMaxPageSize = 500;

// "a, b,,c " → {"a", "b", "c"}: split on commas, trimmed, empties dropped.
QStringList splitCommaList(const QString &text);

// The return fields Mimecast documents, and the set the GUI and CLI offer by default.
QStringList documentedReturnFields();
QStringList defaultReturnFields();

// Validates the form and builds the query: mailboxes (only when given), one <text> each for
// from / to / subject, <date select="between"> in UTC, <docs select="optional"/>, <route/>.
BuildResult build(const SimpleSearch &search, const QDateTime &nowUtc);

} // namespace mcdesk::archive
