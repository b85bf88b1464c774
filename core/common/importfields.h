#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace mcdesk::common {

// The delimiter of one pasted or CSV line: the first of `candidates` the line holds (a
// spreadsheet pastes tabs; a CSV file has commas; some locales export semicolons), else the
// first candidate.
QChar importDelimiter(const QString &line, QStringView candidates);
// One line split into trimmed fields; "quoted" fields may hold the delimiter and "" for a quote.
// Trailing empty fields beyond `fields` are dropped (a spreadsheet row often ends in empty cells).
QStringList splitImportFields(const QString &line, QChar delimiter, int fields);

} // namespace mcdesk::common
