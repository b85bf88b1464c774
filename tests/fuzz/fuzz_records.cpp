// Each typed record read from JSON. The first byte picks the record; the rest is a reply body
// whose data[] items are read as that record, as the operations do, or for the audit entry
// the lines of an audit log, as AuditLog::readAll() reads them.
#include "core/account/account.h"
#include "core/api/replyhandling.h"
#include "core/audit/auditlog.h"
#include "core/held/heldmessage.h"
#include "core/held/releaselog.h"
#include "core/senders/blockedsenderpolicy.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QJsonDocument>

using namespace mcdesk;

namespace {

enum class Record {
    HeldMessage,
    MessageDetail,
    ReleaseLogEntry,
    BlockedSenderPolicy,
    AuditEntry,
    Account
};
constexpr int kRecords = 6;

// A letter keeps the seeds readable; any other byte picks a record as well.
Record recordOf(uint8_t selector)
{
    switch (selector) {
    case 'h':
        return Record::HeldMessage;
    case 'd':
        return Record::MessageDetail;
    case 'r':
        return Record::ReleaseLogEntry;
    case 'p':
        return Record::BlockedSenderPolicy;
    case 'a':
        return Record::AuditEntry;
    case 'c':
        return Record::Account;
    default:
        return static_cast<Record>(selector % kRecords);
    }
}

// The record and what the app computes from it next.
void readRecord(Record record, const QJsonObject &json)
{
    switch (record) {
    case Record::HeldMessage: {
        const held::HeldMessage message = held::HeldMessage::fromJson(json);
        (void)message.sender();
        (void)held::HeldMessage::fromJson(message.toJson());
        break;
    }
    case Record::MessageDetail:
        (void)held::MessageDetail::fromJson(json);
        break;
    case Record::ReleaseLogEntry:
        (void)held::ReleaseLogEntry::fromJson(json);
        break;
    case Record::BlockedSenderPolicy: {
        const senders::BlockedSenderPolicy policy = senders::BlockedSenderPolicy::fromJson(json);
        (void)policy.validate();
        (void)policy.toCreateItem();
        (void)policy.from.describe();
        (void)policy.to.describe();
        break;
    }
    case Record::AuditEntry: {
        const audit::AuditEntry entry = audit::AuditEntry::fromJson(json);
        (void)entry.toJson();
        (void)audit::AuditFilter{entry.caseId, entry.action, entry.timeUtc, entry.timeUtc}.matches(
            entry);
        break;
    }
    case Record::Account:
        // Whatever the reply holds, the support passphrase never survives the reading.
        if (account::accountRecord(json).contains(QStringLiteral("passphrase")))
            fuzz::fail("the account record kept the support passphrase");
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const Record record = recordOf(data[0]);
    const QByteArray body = fuzz::bytes(data + 1, size - 1);
    if (record == Record::AuditEntry) {
        for (const QByteArray &raw : body.split('\n')) {
            const QByteArray line = raw.trimmed();
            if (line.isEmpty())
                continue;
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (error.error == QJsonParseError::NoError && doc.isObject())
                readRecord(record, doc.object());
        }
        return 0;
    }
    // Items that are not objects are read as empty objects, as the operations do.
    for (const QJsonValue &item : api::replies::parseEnvelope(body).data)
        readRecord(record, item.toObject());
    return 0;
}
