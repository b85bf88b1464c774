#include "core/jobs/jobjournal.h"

#include "core/jobs/crashpoint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcJobs, "mcdesk.jobs")

namespace mcdesk::jobs {

namespace {

constexpr int kSchemaVersion = 1;

const char *const kSchema[] = {
    "CREATE TABLE jobs(id INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL,"
    " args TEXT NOT NULL, context TEXT NOT NULL, profile TEXT NOT NULL,"
    " created_utc TEXT NOT NULL, updated_utc TEXT NOT NULL, open INTEGER NOT NULL)",
    "CREATE TABLE items(job INTEGER NOT NULL REFERENCES jobs(id), seq INTEGER NOT NULL,"
    " key TEXT NOT NULL, state TEXT NOT NULL, code TEXT NOT NULL DEFAULT '',"
    " message TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '{}',"
    " error_kind TEXT NOT NULL DEFAULT '', audited INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY(job, seq))",
    "CREATE INDEX items_by_key ON items(job, key)",
};

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// SQLite keeps a null QString as NULL; the columns hold text.
QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

QJsonObject jsonObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

// "1,000": the figures analysts read in a banner.
QString number(int n)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(n);
}

QString plural(int n, const QString &one, const QString &many)
{
    return number(n) + u' ' + (n == 1 ? one : many);
}

} // namespace

QString itemStateName(ItemState state)
{
    switch (state) {
    case ItemState::Pending:
        return u"pending"_s;
    case ItemState::InFlight:
        return u"in_flight"_s;
    case ItemState::Done:
        return u"done"_s;
    case ItemState::Failed:
        return u"failed"_s;
    case ItemState::Unknown:
        return u"unknown"_s;
    }
    return u"unknown"_s;
}

std::optional<ItemState> itemStateFromName(const QString &name)
{
    for (ItemState s : {ItemState::Pending, ItemState::InFlight, ItemState::Done, ItemState::Failed,
                        ItemState::Unknown})
        if (itemStateName(s) == name)
            return s;
    return std::nullopt;
}

void JobCounts::add(ItemState state)
{
    ++total;
    switch (state) {
    case ItemState::Pending:
        ++pending;
        break;
    case ItemState::InFlight:
        ++inFlight;
        break;
    case ItemState::Done:
        ++done;
        break;
    case ItemState::Failed:
        ++failed;
        break;
    case ItemState::Unknown:
        ++unknown;
        break;
    }
}

QString JobRecord::describe() const
{
    QString name = action;
    name.replace(u'-', u' ');
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    const bool senders = action.contains(u"sender"_s);
    // The combined moves: the message step names the sender step that follows it, and the
    // sender step the job it continues.
    if (const QString then = args.value(u"then_senders"_s).toString(); !then.isEmpty())
        name += u", then "_s + then + u" their senders"_s;
    if (const qint64 follows = args.value(u"follows"_s).toInteger(); follows > 0)
        name += u" (the senders of job %1)"_s.arg(follows);
    const bool policy = action.contains(u"policy"_s);
    const bool remediation = action == u"remediate"_s;
    if (remediation)
        name = u"Remove from all mailboxes"_s;
    QString out = name + u", "_s +
                  (remediation ? plural(counts.total, u"remediation"_s, u"remediations"_s)
                   : policy    ? plural(counts.total, u"policy"_s, u"policies"_s)
                   : senders   ? plural(counts.total, u"sender"_s, u"senders"_s)
                               : plural(counts.total, u"message"_s, u"messages"_s)) +
                  u": "_s;
    QStringList parts;
    parts << u"%1 done"_s.arg(number(counts.done));
    if (counts.failed)
        parts << u"%1 failed"_s.arg(number(counts.failed));
    if (counts.inFlight)
        parts << u"%1 in flight when it stopped"_s.arg(number(counts.inFlight));
    if (counts.unknown)
        parts << u"%1 unknown"_s.arg(number(counts.unknown));
    if (counts.pending)
        parts << u"%1 not sent"_s.arg(number(counts.pending));
    out += parts.join(u", "_s);
    if (!caseId().isEmpty())
        out += u"; case "_s + caseId();
    return out;
}

QJsonObject JobRecord::toJson() const
{
    return {{u"job"_s, id},
            {u"action"_s, action},
            {u"profile"_s, profile},
            {u"case_id"_s, caseId()},
            {u"created"_s, createdUtc.toString(Qt::ISODate)},
            {u"updated"_s, updatedUtc.toString(Qt::ISODate)},
            {u"summary"_s, describe()},
            {u"counts"_s, QJsonObject{{u"total"_s, counts.total},
                                      {u"done"_s, counts.done},
                                      {u"failed"_s, counts.failed},
                                      {u"in_flight"_s, counts.inFlight},
                                      {u"unknown"_s, counts.unknown},
                                      {u"pending"_s, counts.pending}}}};
}

QString JobJournal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/jobs.sqlite"_s;
}

JobJournal::JobJournal(QString path)
    : m_path(std::move(path))
    , m_connection(u"mcdesk-jobs-%1"_s.arg(quintptr(this), 0, 16))
{}

JobJournal::~JobJournal()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

void JobJournal::setMaxPagesForTesting(int pages)
{
    m_maxPages = pages;
}

QString JobJournal::fail(const QString &what, const QSqlError &error) const
{
    return u"The job journal %1 could not %2 (%3). Nothing more is sent: free disk space or fix "
           u"the folder's permissions, then try again."_s.arg(QDir::toNativeSeparators(m_path),
                                                              what, error.text());
}

QString JobJournal::open()
{
    m_open = false;
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return u"The job journal's folder %1 could not be created. Nothing is sent until it "
               u"can: fix the folder or its permissions."_s.arg(QDir::toNativeSeparators(dir));
    QString why;
    if (QFileInfo::exists(m_path) && looksDamaged(&why)) {
        if (const QString problem = moveAside(why); !problem.isEmpty())
            return problem;
    }
    QSqlDatabase db = QSqlDatabase::contains(m_connection)
                          ? QSqlDatabase::database(m_connection, false)
                          : QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    if (!db.isValid())
        return u"Qt's SQLite driver (package libqt6sql6-sqlite) is missing, so the job journal "
               u"cannot be kept and nothing is sent."_s;
    db.setDatabaseName(m_path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open())
        return fail(u"be opened"_s, db.lastError());
    QSqlQuery q(db);
    // WAL lets the GUI and the CLI read while the other writes; FULL makes every commit
    // durable before we send what it records.
    for (const QString &pragma :
         {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s, u"PRAGMA foreign_keys=ON"_s})
        if (!q.exec(pragma))
            return fail(u"be set up"_s, q.lastError());
    if (m_maxPages > 0)
        q.exec(u"PRAGMA max_page_count=%1"_s.arg(m_maxPages));
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return fail(u"be read"_s, q.lastError());
    const int version = q.value(0).toInt();
    if (version == 0) {
        if (const QString problem = createSchema(); !problem.isEmpty())
            return problem;
    } else if (version != kSchemaVersion) {
        return u"The job journal %1 was written by another version of mcdesk (schema %2, this "
               u"one reads %3); nothing is sent. Finish its jobs with that version, or move the "
               u"file away."_s.arg(QDir::toNativeSeparators(m_path))
                   .arg(version)
                   .arg(kSchemaVersion);
    }
    m_open = true;
    return {};
}

bool JobJournal::looksDamaged(QString *why)
{
    const QString probe = m_connection + u"-check"_s;
    bool damaged = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, probe);
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (!q.exec(u"PRAGMA quick_check"_s) || !q.next()) {
                damaged = true;
                *why = q.lastError().text();
            } else if (q.value(0).toString() != u"ok"_s) {
                damaged = true;
                *why = q.value(0).toString();
            } else if (q.exec(u"PRAGMA user_version"_s) && q.next() && q.value(0).toInt() > 0 &&
                       !q.exec(u"SELECT id, action, args, context, profile, open FROM jobs "
                               u"LIMIT 1"_s)) {
                damaged = true;
                *why = q.lastError().text();
            }
        } else {
            damaged = true;
            *why = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(probe);
    return damaged;
}

QString JobJournal::moveAside(const QString &why)
{
    const QString aside = m_path + u".damaged-"_s +
                          QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        if (!QFileInfo::exists(m_path + suffix))
            continue;
        if (!QFile::rename(m_path + suffix, aside + suffix))
            return u"The job journal %1 is damaged (%2) and could not be moved aside; nothing is "
                   u"sent until it is. Move the file away by hand."_s.arg(
                       QDir::toNativeSeparators(m_path), why);
    }
    m_notice = u"The job journal was damaged (%1) and was moved to %2; its jobs cannot be "
               u"resumed. A new journal was started: check the held queue and the audit log for "
               u"what those jobs did."_s.arg(why, QDir::toNativeSeparators(aside));
    qCWarning(lcJobs).noquote() << m_notice;
    return {};
}

QString JobJournal::createSchema()
{
    return runInTransaction(u"create its tables"_s, [this]() -> QString {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        for (const char *statement : kSchema)
            if (!q.exec(QString::fromLatin1(statement)))
                return fail(u"create its tables"_s, q.lastError());
        if (!q.exec(u"PRAGMA user_version=%1"_s.arg(kSchemaVersion)))
            return fail(u"create its tables"_s, q.lastError());
        return {};
    });
}

QString JobJournal::runInTransaction(const QString &what, const std::function<QString()> &work)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return u"The job journal is not open; nothing is sent."_s;
    // IMMEDIATE takes the write lock first, so two processes never interleave a change.
    QSqlQuery begin(db);
    if (!begin.exec(u"BEGIN IMMEDIATE"_s))
        return fail(what, begin.lastError());
    QString problem = work();
    crashPoint("journal-commit");
    if (problem.isEmpty()) {
        QSqlQuery commit(db);
        if (commit.exec(u"COMMIT"_s))
            return {};
        problem = fail(what, commit.lastError());
    }
    QSqlQuery(db).exec(u"ROLLBACK"_s);
    return problem;
}

std::optional<qint64> JobJournal::createJob(const QString &action, const QJsonObject &args,
                                            const QJsonObject &context, const QString &profile,
                                            const QStringList &keys, QString *error, qint64 closes)
{
    qint64 id = 0;
    const QString problem = runInTransaction(u"record the job"_s, [&]() -> QString {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        QSqlQuery q(db);
        q.prepare(u"INSERT INTO jobs(action, args, context, profile, created_utc, updated_utc, "
                  u"open) VALUES(?, ?, ?, ?, ?, ?, 1)"_s);
        const QString now = nowText();
        for (const QVariant &v :
             {QVariant(text(action)), QVariant(jsonText(args)), QVariant(jsonText(context)),
              QVariant(text(profile)), QVariant(now), QVariant(now)})
            q.addBindValue(v);
        if (!q.exec())
            return fail(u"record the job"_s, q.lastError());
        id = q.lastInsertId().toLongLong();
        QSqlQuery item(db);
        item.prepare(u"INSERT INTO items(job, seq, key, state) VALUES(?, ?, ?, 'pending')"_s);
        QVariantList jobs, seqs, names;
        for (int i = 0; i < keys.size(); ++i) {
            jobs << id;
            seqs << i;
            names << keys.at(i);
        }
        item.addBindValue(jobs);
        item.addBindValue(seqs);
        item.addBindValue(names);
        if (!item.execBatch())
            return fail(u"record the job's items"_s, item.lastError());
        if (closes > 0) {
            QSqlQuery close(db);
            close.prepare(u"UPDATE jobs SET open=0, updated_utc=? WHERE id=?"_s);
            close.addBindValue(now);
            close.addBindValue(closes);
            if (!close.exec())
                return fail(u"close the job it continues"_s, close.lastError());
        }
        return {};
    });
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return id;
}

QString JobJournal::updateItems(qint64 job, const QString &what, const QString &sql,
                                const QList<QList<QVariant>> &columns)
{
    return runInTransaction(what, [&]() -> QString {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariantList &column : columns)
            q.addBindValue(column);
        if (!q.execBatch())
            return fail(what, q.lastError());
        QSqlQuery touch(db);
        touch.prepare(u"UPDATE jobs SET updated_utc=? WHERE id=?"_s);
        touch.addBindValue(nowText());
        touch.addBindValue(job);
        if (!touch.exec())
            return fail(what, touch.lastError());
        return {};
    });
}

QString JobJournal::markInFlight(qint64 job, const QStringList &keys)
{
    QVariantList jobs, names;
    for (const QString &key : keys) {
        jobs << job;
        names << key;
    }
    return updateItems(job, u"record a batch about to be sent"_s,
                       u"UPDATE items SET state='in_flight' WHERE job=? AND key=?"_s,
                       {jobs, names});
}

QString JobJournal::settle(qint64 job, const QList<JobItem> &items)
{
    QVariantList states, codes, messages, details, kinds, jobs, names;
    for (const JobItem &item : items) {
        states << itemStateName(item.state);
        codes << text(item.code);
        messages << text(item.message);
        details << jsonText(item.detail);
        kinds << text(item.errorKind);
        jobs << job;
        names << item.key;
    }
    return updateItems(job, u"record what Mimecast answered"_s,
                       u"UPDATE items SET state=?, code=?, message=?, detail=?, error_kind=? "
                       u"WHERE job=? AND key=?"_s,
                       {states, codes, messages, details, kinds, jobs, names});
}

QString JobJournal::markAudited(qint64 job, const QList<int> &seqs)
{
    if (seqs.isEmpty())
        return {};
    QVariantList jobs, numbers;
    for (int seq : seqs) {
        jobs << job;
        numbers << seq;
    }
    return updateItems(job, u"record that the audit log has the outcomes"_s,
                       u"UPDATE items SET audited=1 WHERE job=? AND seq=?"_s, {jobs, numbers});
}

QString JobJournal::close(qint64 job)
{
    return runInTransaction(u"close the job"_s, [&]() -> QString {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.prepare(u"UPDATE jobs SET open=0, updated_utc=? WHERE id=?"_s);
        q.addBindValue(nowText());
        q.addBindValue(job);
        if (!q.exec())
            return fail(u"close the job"_s, q.lastError());
        return {};
    });
}

namespace {

JobRecord recordFrom(const QSqlQuery &q)
{
    JobRecord r;
    r.id = q.value(0).toLongLong();
    r.action = q.value(1).toString();
    r.args = jsonObject(q.value(2));
    r.context = jsonObject(q.value(3));
    r.profile = q.value(4).toString();
    r.createdUtc = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
    r.updatedUtc = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
    r.open = q.value(7).toBool();
    return r;
}

const QString kJobColumns =
    u"SELECT id, action, args, context, profile, created_utc, updated_utc, open FROM jobs "_s;

} // namespace

std::optional<JobRecord> JobJournal::load(qint64 job, QString *error, bool withItems) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(kJobColumns + u"WHERE id=?"_s);
    q.addBindValue(job);
    if (!q.exec()) {
        *error = fail(u"be read"_s, q.lastError());
        return std::nullopt;
    }
    if (!q.next()) {
        *error =
            u"The job journal has no job %1: `mcdesk-cli jobs` lists the unfinished ones."_s.arg(
                job);
        return std::nullopt;
    }
    JobRecord r = recordFrom(q);
    if (!withItems)
        return r;
    QSqlQuery items(db);
    items.prepare(u"SELECT seq, key, state, code, message, detail, audited, error_kind FROM items "
                  u"WHERE job=? ORDER BY seq"_s);
    items.addBindValue(job);
    if (!items.exec()) {
        *error = fail(u"be read"_s, items.lastError());
        return std::nullopt;
    }
    while (items.next()) {
        JobItem item;
        item.seq = items.value(0).toInt();
        item.key = items.value(1).toString();
        item.state = itemStateFromName(items.value(2).toString()).value_or(ItemState::Unknown);
        item.code = items.value(3).toString();
        item.message = items.value(4).toString();
        item.detail = jsonObject(items.value(5));
        item.audited = items.value(6).toBool();
        item.errorKind = items.value(7).toString();
        r.counts.add(item.state);
        r.items.append(item);
    }
    return r;
}

QList<JobRecord> JobJournal::openJobs(QString *error) const
{
    QList<JobRecord> out;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    if (!q.exec(kJobColumns + u"WHERE open=1 ORDER BY id DESC"_s)) {
        *error = fail(u"be read"_s, q.lastError());
        return out;
    }
    while (q.next())
        out.append(recordFrom(q));
    QSqlQuery counts(db);
    counts.prepare(u"SELECT state, COUNT(*) FROM items WHERE job=? GROUP BY state"_s);
    for (JobRecord &r : out) {
        counts.addBindValue(r.id);
        if (!counts.exec()) {
            *error = fail(u"be read"_s, counts.lastError());
            return {};
        }
        while (counts.next()) {
            const ItemState s =
                itemStateFromName(counts.value(0).toString()).value_or(ItemState::Unknown);
            for (int i = counts.value(1).toInt(); i > 0; --i)
                r.counts.add(s);
        }
    }
    return out;
}

} // namespace mcdesk::jobs
