#pragma once

#include "core/simulator/simulatorhost.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVector>

namespace mcdesk::sim {

struct Person
{
    QString email;
    QString name;
};

struct Attachment
{
    QString filename;
    QString extension;
    QString contentType;
    QString category; // the archive <docs select> family: documents, spreadsheets, …
    qint64 size = 0;
    QString sha256;
};

struct HoldReason
{
    QString reason;     // "Message Hold Applied - Spam Signature policy"
    QString reasonCode; // lower-snake; reasonId is its upper-case form
    QString policyInfo; // the definition that held it
};

struct HeldMessage
{
    QString id;
    qint64 receivedMs = 0;
    int reason = 0; // index into holdReasons()
    Person from, fromHeader, to, toHeader;
    QString subject;
    QString route; // INBOUND, OUTBOUND, INTERNAL
    QString senderIp;
    QString messageId; // RFC 5322 Message-ID, as get-message-detail's headers show it
    qint64 size = 0;
    QList<Attachment> attachments;
    bool handled = false; // released or rejected: gone from the queue
    // Lower-case haystacks so a searchBy over thousands stays one cheap pass.
    QString lcSubject, lcSender, lcRecipient;
};

struct ArchiveMessage
{
    QString id;
    qint64 receivedMs = 0;
    Person from;
    QList<Person> to;
    QString subject;
    QString body;
    QString route;
    QString messageId; // RFC 5322 Message-ID
    qint64 size = 0;
    QList<Attachment> attachments;
    QString lcSubject, lcBody, lcFrom, lcTo;
};

struct ManagedSender
{
    QString id, sender, to, type;
};

struct ReleaseLogEntry
{
    QString id;
    QString operatorName;
    qint64 timeMs = 0;
    QString action; // release, release_to_sandbox, reject
    int heldIndex = 0;
    QString rejectReason;
};

// One row of Message Finder (tracking): an archived or held message, or a delivered copy of a
// held one (a phish campaign). Everything but the id and the remediation state is read from
// the source row, so the view costs little for 20,000 archive messages.
struct TrackedMessage
{
    enum class Kind { Archived, Held, Copy };
    QString id; // the opaque tracking id
    Kind kind = Kind::Archived;
    int source = 0;     // index into SimData::archive (Archived) or SimData::held (Held, Copy)
    int recipient = -1; // Copy: its recipient, an index into pools::internalUsers()
    qint64 receivedMs = 0;
    bool campaign = false; // held message with copies, or a copy: its body carries the URL
    // Threat Remediation: the incident that identified it (-1: none), when its outcome counts
    // and whether that outcome is a failure.
    int incident = -1;
    qint64 settledMs = 0;
    bool removalFails = false;
};

// A Threat Remediation incident. Seeded history has no rows and fixed counts; an incident
// created through the API counts its rows as they settle (see incidents.h).
struct Incident
{
    QString id, code, type, reason, remediatedBy;
    qint64 createMs = 0;
    QJsonObject searchCriteria;
    QVector<int> rows; // tracked rows identified, in the order they settle
    int identified = 0, successful = 0, failed = 0, restored = 0; // seeded history only
    bool seeded = false;
};

// One row of a TTP log (URL clicks, attachment scans, impersonation): its JSON as the
// get-logs endpoints answer it, with what their filters read kept alongside.
struct ThreatLog
{
    qint64 timeMs = 0;
    QString route;   // inbound, outbound, internal
    QString verdict; // clicks: clean|malicious; attachments: safe|malicious|timeout|…
    QJsonObject json;
};

// A TTP URL Protect managed URL (mimecast-respond.md §5.1).
struct ManagedUrl
{
    QString id, scheme, domain, path, queryString, matchType, action, comment;
    int port = -1;
    bool disableLogClick = false, disableRewrite = false, disableUserAwareness = false;
};

struct SimData
{
    QVector<HeldMessage> held; // newest first
    QHash<QString, int> heldIndex;
    int liveHeld = 0;
    QVector<ArchiveMessage> archive; // newest first
    QHash<QString, int> archiveIndex;
    QList<QJsonObject> policies; // blocked-sender policy items {id, option, policy}
    QList<ManagedSender> senders;
    QVector<ReleaseLogEntry> releaseLog; // oldest first
    QHash<QString, int> heldWrites;      // releases and rejects carried out or refused, per id
    QVector<TrackedMessage> tracked;     // newest first
    QHash<QString, int> trackedIndex;    // tracking id -> row
    QMultiHash<QString, int> trackedByMessageId; // lower-case Message-ID (with <>) -> rows
    QVector<Incident> incidents;                 // oldest first
    QHash<QString, int> incidentIndex;
    int nextIncidentSequence = 1; // the 5-digit part of incident codes
    QVector<ThreatLog> clickLogs, attachmentLogs, impersonationLogs; // newest first
    QList<ManagedUrl> managedUrls;                                   // in creation order
    quint64 nextId = 1; // for ids the simulator mints at run time
    quint32 seed = 1;

    QString mintId(const QString &kind);
};

const QVector<HoldReason> &holdReasons();
SimData generateData(const SimConfig &config, qint64 nowMs);
QString makeOpaqueId(const QString &prefix, quint32 seed, const QString &kind, quint64 index);

// The demo tenant's domain; discover-authentication knows it.
QString demoDomain();

} // namespace mcdesk::sim
