#pragma once

#include <QList>
#include <QString>

#include <memory>

class QLockFile;

namespace mcdesk::jobs {

class JobJournal;
struct JobRecord;

// The right to send a job's items: at most one process holds it (a lock file beside the
// journal; a lock whose process died is taken over). Released when destroyed.
class JobClaim
{
public:
    // Returns the claim, or null with *error naming who holds it.
    static std::unique_ptr<JobClaim> take(const QString &journalPath, qint64 job, QString *error);
    // Whether some live process holds job's claim now (the GUI's banner skips those).
    static bool isHeld(const QString &journalPath, qint64 job);
    ~JobClaim();

private:
    explicit JobClaim(std::unique_ptr<QLockFile> lock);
    std::unique_ptr<QLockFile> m_lock;
};

// The journal's open jobs that no live process is running, newest first: what may be resumed.
QList<JobRecord> unclaimedOpenJobs(const JobJournal &journal, QString *error);

} // namespace mcdesk::jobs
