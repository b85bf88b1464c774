#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <optional>

class QSqlError;

namespace mcdesk::jobs {

// Where one item of a bulk write stands. Pending: not sent (or shown by a read not to have
// taken effect); InFlight: a request carrying it may have reached Mimecast; Unknown: sent, and
// neither the reply nor a read could say whether it took effect.
enum class ItemState { Pending, InFlight, Done, Failed, Unknown };
QString itemStateName(ItemState state);
std::optional<ItemState> itemStateFromName(const QString &name);

struct JobItem
{
    int seq = 0; // the order given, kept in every outcome list
    QString key; // the message id, or senders::ManagedSender::key()
    ItemState state = ItemState::Pending;
    QString code;
    QString message;
    QJsonObject detail; // what Mimecast returned for the item
    QString errorKind;  // api::ApiError::kindName() of a request that failed as a whole
    bool audited = false;
};

// Counts per state, and the sentence the GUI and the CLI show for an unfinished job.
struct JobCounts
{
    int total = 0;
    int pending = 0;
    int inFlight = 0;
    int done = 0;
    int failed = 0;
    int unknown = 0;
    void add(ItemState state);
};

struct JobRecord
{
    qint64 id = 0;
    QString action;      // actions::actionName()
    QJsonObject args;    // what the write needs besides its keys (reason, note, sandbox…)
    QJsonObject context; // case, alert groups, targets, scope
    QString profile;
    QDateTime createdUtc;
    QDateTime updatedUtc;
    bool open = true;
    QList<JobItem> items; // in seq order (empty in summaries)
    JobCounts counts;

    QString caseId() const { return context.value(QStringLiteral("case_id")).toString(); }
    // "Release, 1,000 messages: 640 done, 25 in flight when it stopped, 335 not sent; case
    // INC-2041"
    QString describe() const;
    QJsonObject toJson() const; // for `mcdesk-cli jobs`
};

// The durable record of every bulk write (docs/jobs.md): SQLite in WAL mode, one transaction per
// state change, shared by the GUI and the CLI. A journal that cannot be opened or written makes
// every write refuse to send; a damaged file is moved aside, never used.
class JobJournal
{
public:
    static QString defaultPath(); // <AppDataLocation>/jobs.sqlite
    explicit JobJournal(QString path = defaultPath());
    ~JobJournal();
    JobJournal(const JobJournal &) = delete;
    JobJournal &operator=(const JobJournal &) = delete;

    QString path() const { return m_path; }
    // Opens (creating it and its folder) and checks the file. Returns the problem, or empty.
    QString open();
    bool isOpen() const { return m_open; }
    // Set by open() when a damaged journal was moved aside: what the analyst should be told.
    QString notice() const { return m_notice; }
    // Tests: the database may grow to this many pages (SQLite then answers "disk is full").
    void setMaxPagesForTesting(int pages);

    // Each of these is one transaction; on failure nothing of it is kept and the problem is
    // returned (or set in *error).
    // `closes`: a job this one continues (the sender step of a combined move), closed in the
    // same transaction, so a crash leaves either that job open or this one recorded, never both
    // or neither.
    std::optional<qint64> createJob(const QString &action, const QJsonObject &args,
                                    const QJsonObject &context, const QString &profile,
                                    const QStringList &keys, QString *error, qint64 closes = 0);
    QString markInFlight(qint64 job, const QStringList &keys);
    QString settle(qint64 job, const QList<JobItem> &items); // state, code, message, detail
    QString markAudited(qint64 job, const QList<int> &seqs);
    QString close(qint64 job); // finished or discarded: it is no longer offered for resuming

    // withItems false: the job's record alone (what it is), without reading its items.
    std::optional<JobRecord> load(qint64 job, QString *error, bool withItems = true) const;
    QList<JobRecord> openJobs(QString *error) const; // summaries, newest first

private:
    QString fail(const QString &what, const QSqlError &error) const;
    QString runInTransaction(const QString &what, const std::function<QString()> &work);
    // Runs `sql` once per row of `columns` (one list per placeholder) and marks the job
    // updated, in one transaction.
    QString updateItems(qint64 job, const QString &what, const QString &sql,
                        const QList<QList<QVariant>> &columns);
    QString createSchema();
    bool looksDamaged(QString *why);
    QString moveAside(const QString &why);

    QString m_path;
    QString m_connection;
    QString m_notice;
    bool m_open = false;
    int m_maxPages = 0;
};

} // namespace mcdesk::jobs
