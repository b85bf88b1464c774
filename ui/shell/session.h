#pragma once

#include "core/actions/actioncontext.h"
#include "core/actions/actionrunner.h"
#include "core/audit/audittrail.h"
#include "core/common/latestrequest.h"
#include "core/jobs/jobjournal.h"
#include "ui/shell/connectionstatus.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QAction;

namespace mcdesk::api {
class ApiClient;
struct Credentials;
struct ClientOptions;
} // namespace mcdesk::api

namespace mcdesk::ui {

class NetworkLogModel;

// One piece of long work shown in the status bar (progress bar and Cancel).
struct TaskInfo
{
    int id = 0;
    QString label;
    qint64 done = 0;
    qint64 total = 0; // 0 = unknown: the bar is busy rather than a fraction
    bool cancellable = false;
};

// What every page shares: the client for the current connection, the Case and Alert group of
// the toolbar, the audit log, the network log, long-running tasks and error reporting.
//
// Pages run actions only through runAction(), so every state-changing action is audited with
// the toolbar's Case and Alert group. A page keeps no ApiClient pointer across clientChanged():
// switching profiles replaces the client (the old one lives on until its actions finish, so a
// release in flight is still audited).
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(const QString &auditLogPath = audit::AuditLog::defaultPath(),
                     QObject *parent = nullptr);
    ~Session() override;

    // --- connection ---
    api::ApiClient *client() const { return m_client; } // null while not connected
    QString profileName() const { return m_profile; }
    const ConnectionStatus &connectionStatus() const { return m_status; }
    // Replaces the client with one for baseUrl/credentials and pings it. Returns the problem
    // (bad URL, missing secret) or an empty string; on a problem the session is disconnected.
    QString connectTo(const QString &profile, const QUrl &baseUrl,
                      const api::Credentials &credentials, const api::ClientOptions &options);
    // No client; the indicator shows `status` (Checking while credentials load, Failed with
    // the reason, or None).
    void disconnectClient(const ConnectionStatus &status);
    // Pings the current client again (Refresh); the indicator follows.
    void checkConnection();

    // --- the toolbar's context, passed to every action ---
    void setCaseId(const QString &caseId);
    void setAlertGroups(const QStringList &groups);
    static QStringList parseAlertGroups(const QString &commaSeparated);
    QString caseId() const { return m_caseId; }
    QStringList alertGroups() const { return m_alertGroups; }
    actions::ActionContext context() const;

    // --- actions ---
    // Runs `id` through an ActionRunner with context(). With a non-empty taskLabel the work is
    // shown in the status bar with progress and Cancel. Connect to the returned runner's
    // finished() for outcome()/output(); it deletes itself afterwards. Returns null (and
    // reports why) when there is no connection.
    actions::ActionRunner *runAction(actions::ActionId id, actions::ActionArgs args,
                                     const QString &taskLabel = {});
    // --- the job journal (docs/jobs.md), beside the audit log ---
    // Unfinished bulk writes that no process is running now, newest first; *problem says why
    // the journal could not be read.
    QList<jobs::JobRecord> unfinishedJobs(QString *problem) const;
    // Resumes (or, with discard, ends without sending) a job as an action: progress and Cancel
    // in the status bar, outcome through actionFinished(). Null when there is no connection.
    // Resumes (or discards) an unfinished job; jobResumed() lets the page of its action show
    // the outcome list, continued.
    actions::ActionRunner *resumeJob(const jobs::JobRecord &job, bool discard = false);
    QString journalNotice() const { return m_journal->notice(); }

    // The one audit writer: pages load it with read() and add each appended() entry.
    audit::AuditTrail *auditTrail() const { return m_audit; }
    NetworkLogModel *networkLog() const { return m_networkLog; }

    // --- long work in the status bar ---
    int beginTask(const QString &label, std::function<void()> cancel = {});
    void progress(int taskId, qint64 done, qint64 total);
    void endTask(int taskId);
    void cancelTask(int taskId);
    std::optional<TaskInfo> currentTask() const; // the most recently started unfinished task

    // --- errors, shown in the message bar ---
    void reportError(const QString &text, const QString &details = {});
    void reportApiError(const QString &what, const api::ApiError &error);
    // A short note for the status bar ("Exported 12 actions to …").
    void showStatus(const QString &text);
    // A status line with a button for `action` beside it ("Show outcomes"), until the next.
    void showStatus(const QString &text, QAction *action);
    // "Who clicked this?" from wherever a message or link is shown: the window opens the click
    // log filtered to the URL and/or Message-ID.
    void requestWhoClicked(const QString &url, const QString &messageId);

signals:
    void jobResumed(const mcdesk::jobs::JobRecord &job, mcdesk::actions::ActionRunner *runner);
    void clientChanged();
    void connectionStatusChanged(const mcdesk::ui::ConnectionStatus &status);
    void contextChanged();
    void actionFinished(mcdesk::actions::ActionId id,
                        const mcdesk::actions::ActionOutcome &outcome);
    void tasksChanged();
    void errorReported(const QString &text, const QString &details);
    void statusMessage(const QString &text);
    void statusMessageWithAction(const QString &text, QAction *action);
    void whoClickedRequested(const QString &url, const QString &messageId);
    // A bulk write waits ("Paused: no connection since 10:42 — 335 left"); empty: it goes on.
    void jobPauseChanged(const QString &why);

private:
    void setStatus(const ConnectionStatus &status);
    void retire(api::ApiClient *client);
    void releaseClient(api::ApiClient *client);
    actions::ActionRunner *startRunner(actions::ActionId id, const QString &taskLabel,
                                       const std::function<void(actions::ActionRunner *)> &start);

    struct Task
    {
        TaskInfo info;
        std::function<void()> cancel;
    };

    api::ApiClient *m_client = nullptr;
    QList<api::ApiClient *> m_retired;      // replaced, waiting for their actions to finish
    QHash<api::ApiClient *, int> m_running; // actions in flight per client
    QString m_profile;
    ConnectionStatus m_status;
    common::LatestRequest m_ping; // only the newest ping speaks for the indicator
    QString m_caseId;
    QStringList m_alertGroups;
    audit::AuditTrail *m_audit;
    std::unique_ptr<jobs::JobJournal> m_journal;
    NetworkLogModel *m_networkLog;
    QList<Task> m_tasks;
    int m_nextTaskId = 1;
};

} // namespace mcdesk::ui
