#include "ui/shell/session.h"

#include "core/account/account.h"
#include "core/api/apiclient.h"
#include "core/jobs/jobclaim.h"
#include "ui/activity/networklogmodel.h"
#include "ui/common/uilogging.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

Session::Session(const QString &auditLogPath, QObject *parent)
    : QObject(parent)
    , m_audit(new audit::AuditTrail(auditLogPath, this))
    , m_journal(std::make_unique<jobs::JobJournal>(
          QFileInfo(auditLogPath).dir().filePath(QStringLiteral("jobs.sqlite"))))
    , m_networkLog(new NetworkLogModel(2000, this))
{
    // A journal that cannot open is reported when a write needs it (the write is refused).
    if (const QString problem = m_journal->open(); !problem.isEmpty())
        qCWarning(lcUi).noquote() << problem;
}

Session::~Session()
{
    // Clients own their calls; delete them before the model their log feeds.
    delete m_client;
    qDeleteAll(m_retired);
}

QString Session::connectTo(const QString &profile, const QUrl &baseUrl,
                           const api::Credentials &credentials, const api::ClientOptions &options)
{
    auto *client = new api::ApiClient(this);
    const QString problem = client->configure(baseUrl, credentials, options);
    if (!problem.isEmpty()) {
        delete client;
        ConnectionStatus failed;
        failed.state = ConnectionStatus::State::Failed;
        failed.profile = profile;
        failed.error = {api::ApiError::Kind::InvalidInput, 0, u"mcdesk_invalid_connection"_s,
                        problem, false};
        disconnectClient(failed);
        return problem;
    }
    connect(client, &api::ApiClient::requestLogged, m_networkLog, &NetworkLogModel::append);
    retire(m_client);
    m_client = client;
    m_profile = profile;
    qCInfo(lcUi) << "connected profile" << profile << "to" << baseUrl.host();
    emit clientChanged();
    emit contextChanged();
    checkConnection();
    return {};
}

void Session::disconnectClient(const ConnectionStatus &status)
{
    const bool hadClient = m_client != nullptr;
    retire(m_client);
    m_client = nullptr;
    const bool profileChanged = m_profile != status.profile;
    m_profile = status.profile;
    m_ping.invalidate(); // a ping still in flight no longer speaks for the indicator
    setStatus(status);
    if (hadClient)
        emit clientChanged();
    if (profileChanged)
        emit contextChanged();
}

void Session::checkConnection()
{
    if (!m_client)
        return;
    const common::LatestRequest::Ticket ticket = m_ping.next();
    ConnectionStatus checking = m_status;
    checking.state = ConnectionStatus::State::Checking;
    checking.profile = m_profile;
    setStatus(checking);
    // Parented to the client, so replacing the client also drops its ping.
    auto *ping = new account::GetAccount(m_client, m_client);
    connect(ping, &account::GetAccount::finished, this, [this, ping, ticket] {
        ping->deleteLater();
        if (!m_ping.isCurrent(ticket))
            return;
        ConnectionStatus status;
        status.profile = m_profile;
        status.checkedUtc = QDateTime::currentDateTimeUtc();
        status.roundTripMs = ping->roundTripMs();
        if (ping->error().isError()) {
            status.state = ConnectionStatus::State::Failed;
            status.error = ping->error();
            setStatus(status);
            reportApiError(tr("The connection \"%1\" does not answer.").arg(m_profile),
                           ping->error());
            return;
        }
        status.state = ConnectionStatus::State::Ok;
        status.accountName = ping->accountName();
        status.region = ping->region();
        status.clockSkewSeconds = ping->clockSkewSeconds();
        setStatus(status);
    });
    ping->start();
}

void Session::setStatus(const ConnectionStatus &status)
{
    m_status = status;
    emit connectionStatusChanged(m_status);
}

void Session::retire(api::ApiClient *client)
{
    if (!client)
        return;
    if (m_running.value(client) > 0)
        m_retired.append(client); // deleted when its last action finishes
    else
        client->deleteLater();
}

void Session::releaseClient(api::ApiClient *client)
{
    const int left = --m_running[client];
    if (left > 0)
        return;
    m_running.remove(client);
    if (m_retired.removeOne(client))
        client->deleteLater();
}

void Session::setCaseId(const QString &caseId)
{
    const QString trimmed = caseId.trimmed();
    if (trimmed == m_caseId)
        return;
    m_caseId = trimmed;
    emit contextChanged();
}

void Session::setAlertGroups(const QStringList &groups)
{
    if (groups == m_alertGroups)
        return;
    m_alertGroups = groups;
    emit contextChanged();
}

QStringList Session::parseAlertGroups(const QString &commaSeparated)
{
    QStringList out;
    for (const QString &part : commaSeparated.split(u',', Qt::SkipEmptyParts)) {
        const QString group = part.trimmed();
        if (!group.isEmpty() && !out.contains(group))
            out.append(group);
    }
    return out;
}

actions::ActionContext Session::context() const
{
    actions::ActionContext context;
    context.caseId = m_caseId;
    context.alertGroups = m_alertGroups;
    context.profile = m_profile;
    return context;
}

actions::ActionRunner *Session::runAction(actions::ActionId id, actions::ActionArgs args,
                                          const QString &taskLabel)
{
    return startRunner(id, taskLabel, [id, &args](actions::ActionRunner *runner) {
        runner->run(id, std::move(args));
    });
}

actions::ActionRunner *Session::resumeJob(const jobs::JobRecord &job, bool discard)
{
    const qint64 id = job.id;
    actions::ActionRunner *runner =
        startRunner(actions::ActionId::ResumeJob,
                    discard ? tr("Discarding job %1").arg(id) : tr("Resuming job %1").arg(id),
                    [id, discard](actions::ActionRunner *r) {
                        if (discard)
                            r->discard(id);
                        else
                            r->resume(id);
                    });
    if (runner)
        emit jobResumed(job, runner);
    return runner;
}

QList<jobs::JobRecord> Session::unfinishedJobs(QString *problem) const
{
    if (!m_journal->isOpen()) {
        *problem = m_journal->open();
        if (!problem->isEmpty())
            return {};
    }
    return jobs::unclaimedOpenJobs(*m_journal, problem);
}

actions::ActionRunner *
Session::startRunner(actions::ActionId id, const QString &taskLabel,
                     const std::function<void(actions::ActionRunner *)> &start)
{
    if (!m_client) {
        reportError(tr("%1 was not run: there is no working connection. Choose a connection in "
                       "the toolbar or add one with File > Manage connections.")
                        .arg(actions::actionName(id)));
        return nullptr;
    }
    api::ApiClient *client = m_client;
    auto *runner = new actions::ActionRunner(client, m_audit, context(), this);
    runner->setJournal(m_journal.get());
    connect(runner, &actions::ActionRunner::paused, this, &Session::jobPauseChanged);
    connect(runner, &actions::ActionRunner::unpaused, this,
            [this] { emit jobPauseChanged(QString()); });
    ++m_running[client];
    int task = 0;
    if (!taskLabel.isEmpty()) {
        task = beginTask(taskLabel, [runner = QPointer<actions::ActionRunner>(runner)] {
            if (runner)
                runner->cancel();
        });
        connect(runner, &actions::ActionRunner::progress, this,
                [this, task](int done, int total) { progress(task, done, total); });
    }
    connect(runner, &actions::ActionRunner::finished, this, [this, runner, client, task, id] {
        runner->deleteLater();
        if (task)
            endTask(task);
        releaseClient(client);
        qCInfo(lcUi) << "action" << actions::actionName(id) << "finished, exit"
                     << int(runner->outcome().exitCode);
        emit jobPauseChanged(QString());
        emit actionFinished(id, runner->outcome());
    });
    start(runner);
    return runner;
}

int Session::beginTask(const QString &label, std::function<void()> cancel)
{
    Task task;
    task.info.id = m_nextTaskId++;
    task.info.label = label;
    task.info.cancellable = bool(cancel);
    task.cancel = std::move(cancel);
    m_tasks.append(task);
    emit tasksChanged();
    return task.info.id;
}

void Session::progress(int taskId, qint64 done, qint64 total)
{
    for (Task &task : m_tasks) {
        if (task.info.id == taskId) {
            task.info.done = done;
            task.info.total = total;
            emit tasksChanged();
            return;
        }
    }
}

void Session::endTask(int taskId)
{
    const auto removed = m_tasks.removeIf([taskId](const Task &t) { return t.info.id == taskId; });
    if (removed)
        emit tasksChanged();
}

void Session::cancelTask(int taskId)
{
    for (Task &task : m_tasks) {
        if (task.info.id == taskId && task.cancel) {
            // Copy first: the cancel function may end the task and so destroy itself.
            const std::function<void()> cancel = task.cancel;
            task.cancel = {};
            task.info.cancellable = false;
            task.info.label = tr("%1 (cancelling…)").arg(task.info.label);
            emit tasksChanged();
            cancel();
            return;
        }
    }
}

std::optional<TaskInfo> Session::currentTask() const
{
    if (m_tasks.isEmpty())
        return std::nullopt;
    return m_tasks.constLast().info;
}

void Session::reportError(const QString &text, const QString &details)
{
    qCInfo(lcUi).noquote() << "reported:" << text;
    emit errorReported(text, details);
}

void Session::reportApiError(const QString &what, const api::ApiError &error)
{
    QStringList details;
    details << tr("Kind: %1").arg(error.kindName());
    if (!error.code.isEmpty())
        details << tr("Code: %1").arg(error.code);
    if (error.httpStatus)
        details << tr("HTTP status: %1").arg(error.httpStatus);
    details << tr("Message: %1").arg(error.message);
    if (error.outcomeUnknown)
        details << tr("The outcome is unknown: refresh and check before trying again.");
    reportError(what + u' ' + error.message, details.join(u'\n'));
}

void Session::showStatus(const QString &text)
{
    emit statusMessage(text);
}

void Session::showStatus(const QString &text, QAction *action)
{
    emit statusMessageWithAction(text, action);
}

void Session::requestWhoClicked(const QString &url, const QString &messageId)
{
    emit whoClickedRequested(url, messageId);
}

} // namespace mcdesk::ui
