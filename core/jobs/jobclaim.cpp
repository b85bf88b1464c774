#include "core/jobs/jobclaim.h"

#include "core/jobs/jobjournal.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>

using namespace Qt::StringLiterals;

namespace mcdesk::jobs {

namespace {

QString lockPath(const QString &journalPath, qint64 job)
{
    return journalPath + u".job-%1.lock"_s.arg(job);
}

} // namespace

JobClaim::JobClaim(std::unique_ptr<QLockFile> lock)
    : m_lock(std::move(lock))
{}

JobClaim::~JobClaim() = default; // QLockFile unlocks

std::unique_ptr<JobClaim> JobClaim::take(const QString &journalPath, qint64 job, QString *error)
{
    auto lock = std::make_unique<QLockFile>(lockPath(journalPath, job));
    // A lock whose process is gone is stale at once; a live holder keeps it however long.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0))
        return std::unique_ptr<JobClaim>(new JobClaim(std::move(lock)));
    qint64 pid = 0;
    QString host, app;
    if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &app))
        *error = u"Job %1 is being run by %2 (process %3 on %4); it is not sent twice. Wait for "
                 u"it to finish, or stop that process first."_s.arg(job)
                     .arg(app.isEmpty() ? u"another mcdesk"_s : app)
                     .arg(pid)
                     .arg(host);
    else
        *error = u"Job %1 could not be claimed: its lock file %2 cannot be written. Fix the "
                 u"folder's permissions; nothing was sent."_s.arg(job)
                     .arg(QDir::toNativeSeparators(lockPath(journalPath, job)));
    return nullptr;
}

bool JobClaim::isHeld(const QString &journalPath, qint64 job)
{
    QString ignored;
    return take(journalPath, job, &ignored) == nullptr;
}

QList<JobRecord> unclaimedOpenJobs(const JobJournal &journal, QString *error)
{
    QList<JobRecord> out;
    for (const JobRecord &job : journal.openJobs(error))
        if (!JobClaim::isHeld(journal.path(), job.id))
            out.append(job);
    return out;
}

} // namespace mcdesk::jobs
