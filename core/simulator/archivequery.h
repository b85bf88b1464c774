#pragma once

#include "core/simulator/simdata.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>

#include <optional>

namespace mcdesk::sim {

// The archive XML query (docs/contract.md, archive query XML) reduced to what the simulator filters
// on. Unknown elements are ignored, as Mimecast silently ignores <to> or <recipient>.
struct ArchiveQuery
{
    enum class Field { Any, From, To, Subject, Body };
    struct Term
    {
        Field field = Field::Any;
        QString word; // lower case; a quoted phrase stays one word
    };
    // One entry per <text> element, all of which must match; inside one, clauses are joined by
    // " or " and every term of a clause is required.
    QList<QList<QList<Term>>> texts;
    QSet<QString> mailboxes; // lower case
    std::optional<qint64> fromMs, toMs;
    QStringList sentFrom, sentTo; // addresses or bare domains, lower case
    QString docs;                 // <docs select>, empty = optional
    QString docsText;
    QString route; // empty or all = every route
    QStringList returnFields;
    int pageSize = 0; // metadata@page-size, 0 = not given
    int startRow = 0;

    bool matches(const ArchiveMessage &m) const;
};

// nullopt and a message naming line and column when the XML is not a valid query.
std::optional<ArchiveQuery> parseArchiveQuery(const QString &xml, qint64 nowMs, QString *error);

// The documented return fields; a query without <return-fields> gets all of them.
const QStringList &archiveReturnFields();
QJsonObject archiveItem(const ArchiveMessage &m, const QStringList &fields);

} // namespace mcdesk::sim
