#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace mcdesk::audit {

// One state-changing action as written to the audit log. Only what the caller puts here is
// written, so never put a credential in any field.
struct AuditEntry
{
    QDateTime timeUtc; // now, when left invalid
    QString osUser;    // AuditLog::osUser(), when left empty
    QString profile;
    QString action;
    QString caseId;
    QStringList alertGroups;
    QJsonArray targetEntities; // [{"Identifier": ..., "EntityType": ...}]
    QString scope;
    QJsonArray items; // [{"id" or "sender", "outcome", "error": {"code", "message"}}]
    QString message;
    qint64 job = 0; // the bulk write's job in the journal (0: none); a resumed job repeats it

    QJsonObject toJson() const;
    static AuditEntry fromJson(const QJsonObject &object);
};

// Selects entries; empty/invalid fields match everything; the date range includes both ends.
struct AuditFilter
{
    QString caseId;
    QString action;
    QDateTime from;
    QDateTime to;

    bool matches(const AuditEntry &entry) const;
};

// Append-only JSON-lines audit log, one compact object per line.
class AuditLog
{
public:
    explicit AuditLog(const QString &path = defaultPath());

    QString path() const { return m_path; }
    static QString defaultPath(); // <AppDataLocation>/audit.jsonl

    // Appends one line and flushes it to disk (fsync on POSIX). Report the action as done
    // only after this returns true; on false `error` says why, for the analyst.
    bool append(const AuditEntry &entry, QString *error = nullptr) const;

    // Every readable entry, oldest first. A missing file is an empty log; a damaged line (such
    // as a last line cut short by a crash) is skipped with a warning. `error` is set only
    // when the file exists but cannot be read.
    QList<AuditEntry> readAll(QString *error = nullptr) const;

    static QList<AuditEntry> filter(const QList<AuditEntry> &entries, const AuditFilter &filter);

    // The OS account running this process: the system's own answer (the effective uid's
    // name on POSIX, GetUserNameW on Windows); USER, USERNAME or LOGNAME only when the system
    // has none, such as a uid without a passwd entry in a container.
    static QString osUser();
    // The system's answer alone; empty when it has none.
    static QString systemAccount();

private:
    QString m_path;
};

} // namespace mcdesk::audit

Q_DECLARE_METATYPE(mcdesk::audit::AuditEntry)
