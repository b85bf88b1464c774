#include "core/audit/auditlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <algorithm>

#if defined(Q_OS_UNIX)
#include <pwd.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#include <lmcons.h>
#include <windows.h>
#endif

using namespace Qt::StringLiterals;

namespace mcdesk::audit {

namespace {
Q_LOGGING_CATEGORY(lcAudit, "mcdesk.audit")

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

bool flushToDisk(QFile &file)
{
    if (!file.flush())
        return false;
#if defined(Q_OS_UNIX)
    return ::fsync(file.handle()) == 0;
#elif defined(Q_OS_WIN)
    return ::_commit(file.handle()) == 0;
#else
    return true;
#endif
}

// A crash can leave the last line without its newline; start on a fresh line so the new
// entry stays parseable and the damaged one stays isolated.
bool endsWithNewline(const QString &path, bool *ok)
{
    *ok = true;
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return true;
    if (!file.open(QIODevice::ReadOnly) || !file.seek(file.size() - 1)) {
        *ok = false;
        return false;
    }
    char last = 0;
    *ok = file.getChar(&last);
    return last == '\n';
}
} // namespace

QJsonObject AuditEntry::toJson() const
{
    QJsonObject o;
    o.insert(u"time"_s, timeUtc.toUTC().toString(Qt::ISODateWithMs));
    o.insert(u"user"_s, osUser);
    o.insert(u"profile"_s, profile);
    o.insert(u"action"_s, action);
    o.insert(u"case_id"_s, caseId);
    o.insert(u"alert_group_identifiers"_s, toArray(alertGroups));
    o.insert(u"target_entities"_s, targetEntities);
    o.insert(u"scope"_s, scope);
    o.insert(u"items"_s, items);
    o.insert(u"message"_s, message);
    if (job > 0)
        o.insert(u"job"_s, job);
    return o;
}

AuditEntry AuditEntry::fromJson(const QJsonObject &o)
{
    AuditEntry e;
    e.timeUtc = QDateTime::fromString(o.value(u"time"_s).toString(), Qt::ISODateWithMs).toUTC();
    e.osUser = o.value(u"user"_s).toString();
    e.profile = o.value(u"profile"_s).toString();
    e.action = o.value(u"action"_s).toString();
    e.caseId = o.value(u"case_id"_s).toString();
    const QJsonArray groups = o.value(u"alert_group_identifiers"_s).toArray();
    for (const QJsonValue &g : groups)
        e.alertGroups.append(g.toString());
    e.targetEntities = o.value(u"target_entities"_s).toArray();
    e.scope = o.value(u"scope"_s).toString();
    e.items = o.value(u"items"_s).toArray();
    e.message = o.value(u"message"_s).toString();
    e.job = o.value(u"job"_s).toInteger();
    return e;
}

bool AuditFilter::matches(const AuditEntry &entry) const
{
    if (!caseId.isEmpty() && entry.caseId != caseId)
        return false;
    if (!action.isEmpty() && entry.action != action)
        return false;
    if (from.isValid() && entry.timeUtc < from)
        return false;
    if (to.isValid() && entry.timeUtc > to)
        return false;
    return true;
}

AuditLog::AuditLog(const QString &path)
    : m_path(path)
{}

QString AuditLog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/audit.jsonl"_s;
}

QString AuditLog::systemAccount()
{
#if defined(Q_OS_UNIX)
    // getpwuid_r: cron, systemd units and SOAR runners start us without USER, and the
    // environment is the caller's to set, while the effective uid is what the OS says we are.
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    QByteArray buffer(size > 0 ? int(size) : 16384, Qt::Uninitialized);
    passwd entry{};
    passwd *found = nullptr;
    if (getpwuid_r(geteuid(), &entry, buffer.data(), size_t(buffer.size()), &found) == 0 && found &&
        found->pw_name && *found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
    return {};
#elif defined(Q_OS_WIN)
    wchar_t name[UNLEN + 1];
    DWORD length = UNLEN + 1;
    if (GetUserNameW(name, &length) && length > 1)
        return QString::fromWCharArray(name, int(length) - 1);
    return {};
#else
    return {};
#endif
}

QString AuditLog::osUser()
{
    if (const QString account = systemAccount(); !account.isEmpty())
        return account;
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return {};
}

bool AuditLog::append(const AuditEntry &entry, QString *error) const
{
    const QString cannot = u"Could not write the audit log \u201c%1\u201d: "_s.arg(m_path);
    AuditEntry complete = entry;
    if (!complete.timeUtc.isValid())
        complete.timeUtc = QDateTime::currentDateTimeUtc();
    if (complete.osUser.isEmpty())
        complete.osUser = osUser();

    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        setError(error, cannot + u"cannot create the folder \u201c%1\u201d."_s.arg(dir));
        return false;
    }
    bool ok = true;
    QByteArray line;
    if (!endsWithNewline(m_path, &ok))
        line += '\n';
    if (!ok) {
        setError(error, cannot + u"the existing file cannot be read."_s);
        return false;
    }
    line += QJsonDocument(complete.toJson()).toJson(QJsonDocument::Compact);
    line += '\n';

    QFile file(m_path);
    // Owner-only: the log names cases, people and addresses.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        setError(error, cannot + file.errorString() + u'.');
        return false;
    }
    // One write call, so concurrent appenders (GUI and CLI) do not interleave inside a line.
    if (file.write(line) != line.size() || !flushToDisk(file)) {
        setError(error, cannot + file.errorString() + u'.');
        return false;
    }
    file.close();
    if (file.error() != QFileDevice::NoError) {
        setError(error, cannot + file.errorString() + u'.');
        return false;
    }
    return true;
}

QList<AuditEntry> AuditLog::readAll(QString *error) const
{
    QList<AuditEntry> entries;
    QFile file(m_path);
    if (!file.exists())
        return entries;
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, u"Could not read the audit log \u201c%1\u201d: %2."_s.arg(
                            m_path, file.errorString()));
        return entries;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            qCWarning(lcAudit) << "skipping damaged audit line" << lineNumber << "in" << m_path;
            continue;
        }
        entries.append(AuditEntry::fromJson(doc.object()));
    }
    return entries;
}

QList<AuditEntry> AuditLog::filter(const QList<AuditEntry> &entries, const AuditFilter &filter)
{
    QList<AuditEntry> result;
    std::copy_if(entries.cbegin(), entries.cend(), std::back_inserter(result),
                 [&filter](const AuditEntry &e) { return filter.matches(e); });
    return result;
}

} // namespace mcdesk::audit
