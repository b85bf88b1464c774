#pragma once

#include "core/api/batchwrite.h"
#include "core/audit/auditlog.h"

#include <QStringList>

// What an audit entry says happened, read back from its items: for the Activity page, the
// sender history and the CSV export alike, so they count and name outcomes the same way.
namespace mcdesk::audit {

// An item's outcome as the actions layer wrote it ("done", "failed", "unknown"; anything else
// is unknown: the analyst must check).
api::ItemOutcome::Status itemStatus(const QJsonObject &item);

struct ItemCounts
{
    int total = 0;
    int done = 0;
    int failed = 0;
    int unknown = 0;
};
ItemCounts countItems(const AuditEntry &entry);

// The entry as a whole: an unknown item makes it Unknown, since that needs checking first.
enum class EntryResult { Done, Partial, Failed, Unknown, Empty };
EntryResult resultOf(const AuditEntry &entry);
// Stable names for scripts and sheets, whatever the UI language: done, partial, failed,
// unknown, none.
QString resultKey(EntryResult result);

// The message ids or senders the entry's items are about, in order.
QStringList itemKeys(const AuditEntry &entry);

} // namespace mcdesk::audit
