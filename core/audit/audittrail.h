#pragma once

#include "core/audit/auditlog.h"

#include <QObject>

#include <functional>

class QThread;

namespace mcdesk::audit {

// The audit log as a service: the one writer every action goes through, owned by whoever owns
// the actions (the desktop session, a CLI run). Writes and reads run in order on one worker
// thread, so the fsync never blocks the GUI and a read sees exactly the appends queued before
// it. Results come back on the trail's thread in that same order: a model that loads with
// read() and then adds each appended() entry as a row neither misses nor repeats one, and
// never has to read the file again.
class AuditTrail : public QObject
{
    Q_OBJECT
public:
    using AppendDone = std::function<void(const QString &error)>;
    using ReadDone = std::function<void(QList<AuditEntry> entries, const QString &error)>;

    explicit AuditTrail(const QString &path = AuditLog::defaultPath(), QObject *parent = nullptr);
    // Waits for queued writes: an action that was told its entry is being written gets it.
    ~AuditTrail() override;

    QString path() const { return m_log.path(); }

    // Queues `entry` (time and OS account filled in now when left empty). `done` runs on this
    // thread once the line is on disk, with an empty error, or with the reason it is not;
    // it is skipped when `receiver` is gone by then. appended() fires before `done`.
    void append(AuditEntry entry, QObject *receiver, AppendDone done);
    // Every entry written so far (AuditLog::readAll), after the appends queued before it.
    void read(QObject *receiver, ReadDone done);

signals:
    // One entry is durably in the log.
    void appended(const mcdesk::audit::AuditEntry &entry);

private:
    // Runs `work` on the worker thread, then `deliver` back on this object's thread.
    void enqueue(std::function<std::function<void()>()> work);

    AuditLog m_log;
    QThread *m_thread;
    QObject *m_worker;
};

} // namespace mcdesk::audit
