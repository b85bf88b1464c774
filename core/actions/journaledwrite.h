#pragma once

#include "core/actions/actioncontext.h"
#include "core/api/apiclient.h"
#include "core/api/batchwrite.h"
#include "core/jobs/jobjournal.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QTimer;

namespace mcdesk::jobs {
class JobClaim;
}

namespace mcdesk::actions {

struct ActionArgs;

// How bulk writes run (docs/jobs.md); how many batches are in flight at once is the
// connection's (api::ClientOptions::batchesInFlight).
struct JobSettings
{
    int maxPauseMs = 10 * 60 * 1000; // how long a job waits for the connection to return
    int firstRetryMs = 2000;         // the first wait before trying again; doubles to 30 s
    int reconcileRounds = 2;         // reads that may settle lost replies, per run
};

// One bulk write as a job of the journal: every batch is recorded as in flight before it is
// sent and settled when answered; items whose reply was lost are reconciled with a read before
// anything is sent again; a lost connection pauses the job until Mimecast answers. Used by
// ActionRunner for every write sent in batches (release, sandbox release, reject, report,
// permit, block, and the steps of the combined moves and the sender import).
class JournaledWrite : public QObject, private api::BatchLedger
{
    Q_OBJECT
public:
    JournaledWrite(api::ApiClient *client, jobs::JobJournal *journal, JobSettings settings,
                   QObject *parent = nullptr);
    ~JournaledWrite() override;

    // A new job: recorded, claimed, then sent.
    void start(ActionId action, const ActionArgs &args, const ActionContext &context);
    // An unfinished job of the journal, on the connection of `profile`. Discarding sends
    // nothing: what was not sent is failed as discarded, what was in flight stays unknown, and
    // the job is audited and closed.
    void resume(qint64 job, const QString &profile, bool discard = false);
    void cancel();

    qint64 job() const { return m_job; }
    ActionId action() const { return m_action; }
    const ActionContext &context() const { return m_context; }
    // Every item of the job, in the order given, with where it stands now.
    const QList<jobs::JobItem> &items() const { return m_items; }
    // A failure of the job as a whole (journal, claim, profile): nothing more was sent.
    const api::ApiError &error() const { return m_error; }
    bool isOpen() const; // items remain to send, or to learn
    int requestsSent() const { return m_requests; }
    int mostInFlight() const { return m_mostInFlight; }
    // After the audit entry for `seqs` is on disk; closes the job when nothing remains. A
    // combined move's message step is then followed by its sender step: recorded as the next
    // job in the transaction that closes this one.
    QString recordAudited(const QList<int> &seqs);
    qint64 nextJob() const { return m_nextJob; }
    // The sender step's entries Mimecast would refuse: not sent, not recorded.
    const QList<api::ItemOutcome> &senderRefusals() const { return m_senderRefusals; }
    bool isMoveStep() const; // the message step of a combined move

    static QStringList keysFor(ActionId action, const ActionArgs &args);
    static QJsonObject argsJson(const ActionArgs &args);
    static void argsFromJson(const QJsonObject &json, ActionArgs &args);

signals:
    void progress(int done, int total);
    // The job waits: "Paused: no connection since 10:42 — 335 left", or Mimecast's rate limit.
    void paused(const QString &why);
    void unpaused();
    void finished();

private:
    QString aboutToSend(const QStringList &keys) override;
    QString settled(const QList<api::ItemOutcome> &outcomes) override;

    void claimAndRun();
    void discardRest();
    void sendRound();
    void onRoundFinished(api::BatchWrite *write);
    void reconcile(const QList<int> &seqs);
    // Managed-URL writes: the list says whether a lost create or delete took effect.
    void reconcileManagedUrls(const QList<int> &seqs);
    void afterReconcileRead(const QList<jobs::JobItem> &settledNow, const api::ApiError &error);
    void settleLocally(const QList<jobs::JobItem> &changed);
    void pauseForConnection(const api::ApiError &why, const std::function<void()> &retry);
    void failJob(const api::ApiError &error);
    QString recordSenderStep();
    void done();
    QList<int> seqsIn(jobs::ItemState state) const;
    int remaining() const;

    api::ApiClient *m_client;
    jobs::JobJournal *m_journal;
    JobSettings m_settings;
    ActionId m_action = ActionId::ReleaseMessage;
    std::unique_ptr<ActionArgs> m_args;
    ActionContext m_context;
    qint64 m_job = 0;
    std::unique_ptr<jobs::JobClaim> m_claim;
    QList<jobs::JobItem> m_items;
    QHash<QString, int> m_indexOfKey;
    QPointer<QObject> m_step; // the batch write or the reconciling read in progress
    QTimer *m_retry;
    QDateTime m_pausedSince;
    int m_pausedMs = 0;
    int m_nextWaitMs = 0;
    int m_reconcileRounds = 0;
    int m_requests = 0;
    int m_mostInFlight = 0;
    bool m_cancelled = false;
    bool m_discarded = false;
    bool m_finished = false;
    qint64 m_nextJob = 0;
    QList<api::ItemOutcome> m_senderRefusals;
    api::ApiError m_error;
};

} // namespace mcdesk::actions
