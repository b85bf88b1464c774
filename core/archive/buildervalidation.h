#pragma once

#include "core/archive/archivequery.h"

#include <QList>
#include <QString>

namespace mcdesk::archive {

// One problem the builder found in a query, named the way the analyst sees it ("Row 3 (From):
// …"). Blocking problems keep Run disabled; the others are advice.
struct Issue
{
    enum class Section { Mailboxes, ReturnFields, Conditions, Options };
    Section section = Section::Conditions;
    int row = -1; // index of the mailbox or condition; -1 for the whole section
    QString message;
    bool blocking = true;
};

QList<Issue> validateQuery(const archive::ArchiveQuery &query);

// "Free text", "From", "Date", "Sent from", "Attachments", "Route", "Kept as written"…
QString conditionLabel(const archive::Condition &condition);

// Empty when `text` is an email address (or, with domainAllowed, a bare domain); else the
// reason. ASCII only, like the simple search: nothing that Mimecast's text query could read as
// syntax may pass.
QString checkAddress(const QString &text, bool domainAllowed);

} // namespace mcdesk::archive
