#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mcdesk::actions {

// The seed's execution context: accepted by every action, echoed in its result and written
// to the audit log.
struct TargetEntity
{
    QString identifier;
    QString type;
};

struct ActionContext
{
    QString caseId;
    QStringList alertGroups;
    QList<TargetEntity> targets;
    QString scope = QStringLiteral("All entities");
    QString profile; // connection profile name, or "environment" / "demo"

    QJsonArray targetsJson() const;

    // "ID[:TYPE]" as given on the command line.
    static TargetEntity parseTarget(const QString &text);
};

// How a job of the journal keeps a context (case_id, alert_group_identifiers, target_entities,
// scope; the profile is kept beside it).
QJsonObject contextJson(const ActionContext &context);
ActionContext contextFromJson(const QJsonObject &json);

enum class ActionId {
    Ping,
    SimpleArchiveSearch,
    AdvancedArchiveSearch,
    ReleaseMessage,
    RejectMessage,
    PermitSender,
    BlockSender,
    ReportMessage,
    ListHeld,
    HeldSummary,
    ListBlockedSenderPolicies,
    CreateBlockedSenderPolicy,
    DeleteBlockedSenderPolicy,
    ReleaseAndPermit, // release, then permit the senders of the released messages
    RejectAndBlock,   // reject, then block the senders of the rejected messages
    // A bulk sender import: its permits, then its blocks, each step audited as itself
    // (permit-sender, block-sender), exactly as single permits and blocks are.
    ImportManagedSenders,
    // The job journal (docs/jobs.md): the unfinished bulk writes, and resuming one. A resumed
    // job is audited under its own action (release-message…), never as "resume".
    ListJobs,
    ResumeJob,
    // Incident response (docs/respond.md): who received it, the detail of one copy, removing
    // it from every mailbox (a write, journaled and audited), the incidents, hash search.
    TrackMessage,
    MessageInfo,
    Remediate,
    GetIncident,
    ListIncidents,
    SearchHash,
    // Who clicked, and block the link (docs/respond.md): the three Targeted Threat Protection
    // logs, the managed URLs (block, permit, delete: journaled writes, audited) and URL decode.
    UrlLogs,
    AttachmentLogs,
    ImpersonationLogs,
    ListManagedUrls,
    BlockUrl,
    PermitUrl,
    DeleteManagedUrl,
    DecodeUrl,
};

// The exit status of an action, for the CLI and for anyone judging an outcome: one meaning
// everywhere (docs/cli.md).
enum class ExitCode : int {
    Success = 0,           // everything done
    Refused = 1,           // Mimecast refused, or some items failed
    InvalidInput = 2,      // nothing was sent
    ConnectionFailure = 3, // connection, TLS or authentication failure
};

QString actionName(ActionId id);
std::optional<ActionId> actionFromName(const QString &name);
QStringList actionNames();
bool changesState(ActionId id);

} // namespace mcdesk::actions
