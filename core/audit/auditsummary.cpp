#include "core/audit/auditsummary.h"

using namespace Qt::StringLiterals;

namespace mcdesk::audit {

api::ItemOutcome::Status itemStatus(const QJsonObject &item)
{
    return api::ItemOutcome::statusFromName(item.value(u"outcome"_s).toString());
}

ItemCounts countItems(const AuditEntry &entry)
{
    ItemCounts counts;
    for (const QJsonValue &value : entry.items) {
        ++counts.total;
        switch (itemStatus(value.toObject())) {
        case api::ItemOutcome::Status::Done:
            ++counts.done;
            break;
        case api::ItemOutcome::Status::Failed:
            ++counts.failed;
            break;
        case api::ItemOutcome::Status::Unknown:
            ++counts.unknown;
            break;
        }
    }
    return counts;
}

EntryResult resultOf(const AuditEntry &entry)
{
    const ItemCounts c = countItems(entry);
    if (c.total == 0)
        return EntryResult::Empty;
    if (c.unknown > 0)
        return EntryResult::Unknown;
    if (c.done == c.total)
        return EntryResult::Done;
    return c.done == 0 ? EntryResult::Failed : EntryResult::Partial;
}

QString resultKey(EntryResult result)
{
    switch (result) {
    case EntryResult::Done:
        return api::ItemOutcome::statusName(api::ItemOutcome::Status::Done);
    case EntryResult::Partial:
        return u"partial"_s;
    case EntryResult::Failed:
        return api::ItemOutcome::statusName(api::ItemOutcome::Status::Failed);
    case EntryResult::Unknown:
        return api::ItemOutcome::statusName(api::ItemOutcome::Status::Unknown);
    case EntryResult::Empty:
        break;
    }
    return u"none"_s;
}

QStringList itemKeys(const AuditEntry &entry)
{
    QStringList keys;
    for (const QJsonValue &value : entry.items) {
        const QJsonObject item = value.toObject();
        keys << (item.contains(u"sender"_s) ? item.value(u"sender"_s).toString()
                                            : item.value(u"id"_s).toString());
    }
    return keys;
}

} // namespace mcdesk::audit
