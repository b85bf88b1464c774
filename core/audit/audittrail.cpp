#include "core/audit/audittrail.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QThread>

Q_LOGGING_CATEGORY(lcAuditTrail, "mcdesk.audit.trail")

using namespace Qt::StringLiterals;

namespace mcdesk::audit {

AuditTrail::AuditTrail(const QString &path, QObject *parent)
    : QObject(parent)
    , m_log(path)
    , m_thread(new QThread)
    , m_worker(new QObject)
{
    m_thread->setObjectName(u"auditWriter"_s);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

AuditTrail::~AuditTrail()
{
    // The quit is queued behind every write already posted, so they all reach the disk.
    QThread *thread = m_thread;
    QMetaObject::invokeMethod(
        m_worker, [thread] { thread->quit(); }, Qt::QueuedConnection);
    m_thread->wait();
    delete m_thread;
}

void AuditTrail::enqueue(std::function<std::function<void()>()> work)
{
    QPointer<AuditTrail> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [self, work = std::move(work)] {
            std::function<void()> deliver = work();
            // Posted to the trail's thread in worker order, so deliveries keep queue order.
            if (self)
                QMetaObject::invokeMethod(self, std::move(deliver), Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void AuditTrail::append(AuditEntry entry, QObject *receiver, AppendDone done)
{
    if (!entry.timeUtc.isValid())
        entry.timeUtc = QDateTime::currentDateTimeUtc();
    if (entry.osUser.isEmpty())
        entry.osUser = AuditLog::osUser();
    QPointer<QObject> target(receiver);
    const AuditLog log = m_log;
    enqueue([this, log, entry, target, done = std::move(done)]() -> std::function<void()> {
        QString error;
        const bool ok = log.append(entry, &error);
        if (!ok)
            qCWarning(lcAuditTrail) << "audit write failed:" << error;
        return [this, ok, error, entry, target, done] {
            if (ok)
                emit appended(entry);
            if (target && done)
                done(error);
        };
    });
}

void AuditTrail::read(QObject *receiver, ReadDone done)
{
    QPointer<QObject> target(receiver);
    const AuditLog log = m_log;
    enqueue([log, target, done = std::move(done)]() -> std::function<void()> {
        QString error;
        QList<AuditEntry> entries = log.readAll(&error);
        return [target, done, entries = std::move(entries), error]() mutable {
            if (target && done)
                done(std::move(entries), error);
        };
    });
}

} // namespace mcdesk::audit
