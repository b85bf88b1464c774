#pragma once

#include "core/actions/actioncontext.h"
#include "core/actions/journaledwrite.h"
#include "core/api/apiclient.h"
#include "core/api/batchwrite.h"
#include "core/held/heldoperations.h"
#include "core/held/permittrap.h"
#include "core/respond/remediation.h"
#include "core/respond/trackedmessage.h"
#include "core/respond/trackingquery.h"
#include "core/senders/blockedsenderpolicy.h"
#include "core/senders/managedsender.h"
#include "core/senders/senderimport.h"
#include "core/threats/managedurl.h"
#include "core/threats/threatlogs.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace mcdesk::audit {
class AuditTrail;
}

namespace mcdesk::actions {

// Everything any action may take; validate() checks what the chosen action needs.
struct ActionArgs
{
    // simple-archive-search
    QString fieldsToReturn;
    QString timeFrame = QStringLiteral("Last Hour");
    QString mailboxes;
    QString from;
    QString to;
    QString subject;
    QString startTime;
    QString endTime;
    QString maxEmails = QStringLiteral("50");
    // advanced-archive-search
    QString xmlQuery;
    QString maxResults = QStringLiteral("1000");
    // release / reject / report; the combined moves (release-and-permit, reject-and-block)
    QStringList messageIds;
    // The combined moves: the messages with their senders when the caller has them (the held
    // queue page); otherwise they are looked up in the held queue before anything is sent.
    QList<held::HeldMessage> heldMessages;
    // Set by a combined move on its message step: once the messages are written, the senders
    // of those done (args.heldMessages) are permitted or blocked, as a job that follows this one.
    std::optional<senders::ManagedSender::Action> thenSenders;
    // release-and-permit: which address to permit. Unset, a message whose envelope sender is a
    // per-message bounce address (held::permitTrap) refuses the whole move, nothing sent, so
    // the caller chooses (the GUI's confirmation, the CLI's --permit header|envelope).
    std::optional<held::PermitAddress> permitAddress;
    bool releaseToSandbox = false;
    QString note;
    QString reason;
    bool notifySender = false;
    QString comment;
    QString reportAs = QStringLiteral("spam");
    // permit / block: one sender and recipient, or many entries (a bulk import); the entries
    // are sent in batches of 100 and audited as one action.
    QString sender;
    QString recipient;
    QList<senders::ManagedSender> senderEntries;
    // import-senders: a parsed bulk import (senders::parseSenderImport). Only Ready entries
    // are sent, permits first, then blocks. An invalid entry refuses the whole import unless
    // skipInvalid: the GUI sets it because its preview showed them; the CLI has --skip-invalid.
    QList<senders::ImportEntry> importEntries;
    bool skipInvalid = false;
    // list-held
    held::HeldQuery heldQuery;
    QString heldStart;
    QString heldEnd;
    QString heldLimit = QStringLiteral("1000");
    // create-blocked-sender-policy: the policy; its dates come from policyStart / policyEnd
    // (ISO 8601, empty = from now / for ever) when those are given, as on the command line.
    senders::BlockedSenderPolicy policy;
    QString policyStart;
    QString policyEnd;
    // delete-blocked-sender-policy
    QString policyId;
    // resume: the job; empty = the newest unfinished job of this connection that no process
    // is running.
    QString jobId;
    bool discardJob = false; // resume --discard
    // The incident-response actions. periodStart / periodEnd are their --start / --end as typed
    // (ISO 8601); validate() turns them into the query's dates, with each action's default.
    QString periodStart;
    QString periodEnd;
    QString rowLimit = QStringLiteral("500"); // track-message, list-incidents: --limit
    respond::TrackingQuery tracking;          // track-message
    QString trackingId;                       // message-info
    respond::RemediationRequest remediation;  // remediate
    QString incidentId;                       // get-incident
    respond::IncidentQuery incidentQuery;     // list-incidents
    QStringList hashes;                       // search-hash
    // The threat logs: the query without its dates, which come from periodStart / periodEnd
    // (default the last 24 hours) and its limit from rowLimit; validate() sets the log.
    threats::ThreatLogQuery threatQuery;
    // block-url / permit-url: the entries (validate() sets each one's action from the action
    // run); several make one job, one request each. delete-managed-url: the ids.
    QList<threats::ManagedUrl> managedUrls;
    QStringList managedUrlIds;
    QString managedUrlFilter;  // list-managed-urls: domain or URL contains
    QStringList rewrittenUrls; // decode-url
};

// What a read action found, typed; the JSON `result` the CLI prints says the same.
struct AccountCheck // ping
{
    QString accountName;
    QString region;
    qint64 roundTripMs = 0;
    qint64 clockSkewSeconds = 0; // server minus local, 0 when the server sent no Date
};

struct ArchiveFound // simple-archive-search, advanced-archive-search
{
    QString queryXml;   // as sent
    QStringList fields; // the returned fields, in the order the CSV has them
    // Each email is the record of the fields the query asked for (open-ended, so kept as the
    // server's key/value object); cells in the CSV come from the same values.
    QList<QJsonObject> emails;
    int pages = 0;
    qint64 queryDurationMs = 0;
    QDateTime startUtc; // the time range a simple search computed; invalid for advanced
    QDateTime endUtc;
};

// The result every action prints and the exit status that goes with it (docs/contract.md,
// CLI contract).
struct ActionOutcome
{
    ActionOutcome() = default;
    ActionOutcome(bool success, QString message, QJsonObject result, ExitCode exitCode)
        : success(success)
        , message(std::move(message))
        , result(std::move(result))
        , exitCode(exitCode)
    {}

    bool success = false;
    QString message;
    QJsonObject result; // what the CLI prints; the typed fields below are for the GUI
    ExitCode exitCode = ExitCode::Refused;
    // Typed results. The failure, when the action as a whole failed:
    api::ApiError error;
    // Writes sent in batches: every item's outcome, in the order given (keys: the message id,
    // or senders::ManagedSender::key()).
    QList<api::ItemOutcome> items;
    // Policy actions: every policy listed; the policy created; the policy deleted.
    QList<senders::BlockedSenderPolicy> policies;
    // A read that succeeded with something to say: items skipped, paging ended early.
    QStringList notes;
    // Read actions, each its own answer:
    std::optional<AccountCheck> account;     // ping
    std::optional<ArchiveFound> archive;     // the archive searches (also when cut short)
    QList<held::HeldMessage> heldMessages;   // list-held, in the server's order
    int heldTotal = -1;                      // list-held: the server's totalCount, -1 if none
    QList<held::PolicyHoldCount> holdCounts; // get-hold-summary-list
    QList<jobs::JobRecord> jobs;             // jobs: the unfinished jobs, newest first
    QList<respond::TrackedMessage> tracked;  // track-message, newest first
    std::optional<respond::MessageInfo> messageInfo; // message-info
    QList<respond::RemediationIncident> incidents;   // remediate (the one created),
                                                     // get-incident, list-incidents
    QList<respond::HashStatus> hashStatus;           // search-hash
    QStringList failedHashes;                        // search-hash: refused as malformed
    threats::ThreatLogRows threatRows;               // the threat logs: the rows that matched
    int threatScanned = 0;                           // … and how many were read to find them
    // list-managed-urls: the list; block-url / permit-url: the entries created (with their
    // ids); delete-managed-url: the entries deleted (id only when not listed before).
    QList<threats::ManagedUrl> managedUrls;
    QList<threats::DecodedUrl> decodedUrls; // decode-url, in the order given
};

// Runs one of the seed's actions through the core operations, audits state changes before
// reporting success, and produces the JSON result. The CLI and the GUI share it.
class ActionRunner : public QObject
{
    Q_OBJECT
public:
    ActionRunner(api::ApiClient *client, audit::AuditTrail *auditTrail, ActionContext context,
                 QObject *parent = nullptr);

    // Checks and normalises the arguments (reason aliases, number parsing, XML well-formedness,
    // time frame). Returns the problem, naming the field and the fix, or an empty string.
    static QString validate(ActionId id, ActionArgs &args, const QDateTime &nowUtc);
    // The archive query XML a simple search would send (after validate()).
    static QString simpleSearchXml(const ActionArgs &args, const QDateTime &nowUtc, QString *error);

    void run(ActionId id, ActionArgs args);
    // Continues an unfinished job of the journal (docs/jobs.md): reconciles what was in flight,
    // sends what was not, audits the rest of it. The outcome reads as the action's own.
    void resume(qint64 job);
    // Ends an unfinished job without sending anything (see JournaledWrite::resume); audited.
    void discard(qint64 job);
    void cancel();

    // Bulk writes are recorded in this journal (the caller keeps it open for the runner's
    // life); without one, the runner opens the journal beside its audit log.
    void setJournal(jobs::JobJournal *journal) { m_journal = journal; }
    void setJobSettings(const JobSettings &settings) { m_jobSettings = settings; }
    // The job of the last bulk write (0: none).
    qint64 job() const { return m_job; }

    const ActionOutcome &outcome() const { return m_outcome; }
    // {"success","action","message","case_id",…,"result"}
    QJsonObject output() const;
    // Rows for --csv: header first.
    const QList<QStringList> &table() const { return m_table; }

signals:
    void progress(int done, int total);
    // A bulk write waits for the connection or for Mimecast's rate limit, and says why.
    void paused(const QString &why);
    void unpaused();
    void finished();

private:
    void runPing();
    void runSimpleSearch(const ActionArgs &args);
    void runAdvancedSearch(const ActionArgs &args);
    void runArchiveQuery(ArchiveFound found, int limit);
    void runListHeld(const ActionArgs &args);
    void runHeldSummary();
    // The writes sent in batches, as jobs of the journal (journaledwrite.cpp).
    void runJournaled(ActionId id, const ActionArgs &args, qint64 resumeJob, bool discard = false);
    void runListJobs();
    void runResume(const QString &jobId, bool discard);
    void finishJournaled(JournaledWrite *write);
    jobs::JobJournal *journal(QString *problem);
    // A runner for one step of a multi-step action, sharing this one's journal and signals.
    ActionRunner *makeStep();
    // Blocked-sender policies (policyactions.cpp).
    void runListPolicies();
    void runCreatePolicy(const senders::BlockedSenderPolicy &policy);
    void runDeletePolicy(const QString &id);
    void deleteKnownPolicy(const senders::BlockedSenderPolicy &policy);
    // Policy changes as jobs of one item (policyjob.cpp).
    void runPolicyJob(ActionId id, const senders::BlockedSenderPolicy &policy);
    void sendPolicyChange(ActionId id, const senders::BlockedSenderPolicy &policy,
                          const QString &key);
    void settlePolicyChange(ActionId id, const api::ApiError &error,
                            const senders::BlockedSenderPolicy &asked,
                            const senders::BlockedSenderPolicy &changed, const QString &key,
                            const QString &note);
    void resumePolicyJob(qint64 job, bool discard);
    // A write of one item as a job of the journal (policy changes, remediations): recorded and
    // claimed before anything is sent; settled by its answer; closed once audited unless the
    // answer was lost, so `resume` can look it up first (oneitemjob.cpp).
    bool beginOneItemJob(ActionId id, const QJsonObject &args, const QString &key);
    std::optional<jobs::JobRecord> claimOneItemJob(qint64 job);
    bool settleOneItem(const api::ApiError &error, const QString &key, const QJsonObject &detail,
                       const QString &note);
    std::function<QString()> closeOneItemJob(const api::ApiError &error);
    // Incident response (respondactions.cpp, remediationjob.cpp).
    void runTrackMessage(const ActionArgs &args);
    void runMessageInfo(const QString &trackingId);
    void runGetIncident(const QString &id);
    void runListIncidents(const respond::IncidentQuery &query);
    void runSearchHash(const QStringList &hashes);
    struct HashRun;
    void searchHashBatch(const std::shared_ptr<HashRun> &run);
    void finishHashSearch(const HashRun &run);
    void runRemediate(const respond::RemediationRequest &request);
    void sendRemediation(const respond::RemediationRequest &request, const QString &key);
    void settleRemediation(const respond::RemediationRequest &request, const api::ApiError &error,
                           const respond::RemediationIncident &incident, const QString &key,
                           const QString &note);
    void resumeRemediationJob(qint64 job, bool discard);
    // Who clicked, and block the link (threatactions.cpp); the managed-URL writes are journaled
    // writes (journaledwrite.cpp).
    void runThreatLogs(const threats::ThreatLogQuery &query);
    void runListManagedUrls(const QString &filter);
    void runDecodeUrls(const QStringList &urls);
    // The combined moves (heldmoves.cpp): look up, first step, second step.
    void runHeldMove(ActionId id, const ActionArgs &args);
    void moveFirstStep(ActionId id, ActionArgs args, const QList<held::HeldMessage> &messages,
                       const QStringList &notHeld);
    // After a move's message step (run or resumed): its sender step, then the move's outcome.
    void moveSecondStep(ActionId id, ActionRunner *first, QList<api::ItemOutcome> notSent);
    void finishMove(ActionId id, const ActionOutcome &first, const ActionOutcome *second,
                    const QList<api::ItemOutcome> &notSent);
    // The bulk sender import (importsenders.cpp): one step per action, then the summary.
    struct ImportRun;
    static QString validateImport(const ActionArgs &args);
    void runImport(const ActionArgs &args);
    void importNext(const std::shared_ptr<ImportRun> &run);
    void finishImport(const ImportRun &run);
    // The outcome of a write that ran: reported (success or not) only once its audit entry is
    // on disk; the write itself runs on the trail's worker thread.
    // `onAudited` runs once the entry is on disk; a problem it returns is added to the message.
    void finishAudited(ActionOutcome outcome, const QJsonArray &items, const QString &summary,
                       std::function<QString()> onAudited = {});
    void finishWith(ActionOutcome outcome);
    void failWith(const api::ApiError &error);

    api::ApiClient *m_client;
    audit::AuditTrail *m_audit;
    ActionContext m_context;
    ActionId m_action = ActionId::Ping;
    ActionOutcome m_outcome;
    QList<QStringList> m_table;
    QPointer<QObject> m_operation;
    jobs::JobJournal *m_journal = nullptr;
    std::unique_ptr<jobs::JobJournal> m_ownJournal;
    JobSettings m_jobSettings;
    qint64 m_job = 0;
    // A combined move's message step: the sender step recorded to follow it (0: none), and
    // the senders that could not be sent.
    std::shared_ptr<jobs::JobClaim> m_claim; // a policy change's job (shared: JobClaim is
                                             // only declared here)
    bool m_moveStep = false;
    qint64 m_nextJob = 0;
    QList<api::ItemOutcome> m_senderRefusals;
    bool m_finished = false;
    bool m_cancelled = false; // a multi-step action starts no further step
};

ExitCode exitCodeFor(const api::ApiError &error);
// Blocked-sender policy create / delete: jobs of one item, resumed by policyjob.cpp.
bool isPolicyChange(ActionId id);
// The audit item of a one-item job: `item` with its "outcome" and, on failure, its "error".
QJsonObject withOutcome(QJsonObject item, const api::ApiError &error);
// Why a one-item job was discarded: before it was sent (nothing changed), or after (it may have
// taken effect: `whereToCheck` says where to look).
api::ApiError discardedOneItem(jobs::ItemState state, const QString &whereToCheck);
// What validate() checks for the incident-response actions (respondactions.cpp).
QString validateRespond(ActionId id, ActionArgs &args, const QDateTime &nowUtc);
// … and for the threat logs and managed URLs (threatactions.cpp).
QString validateThreats(ActionId id, ActionArgs &args, const QDateTime &nowUtc);
bool isManagedUrlWrite(ActionId id); // block-url, permit-url, delete-managed-url
// {"kind","code","http_status","message"}: how a failure reads in the CLI's JSON.
QJsonObject errorJson(const api::ApiError &error);

} // namespace mcdesk::actions
