#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mcdesk::threats {

// Which Targeted Threat Protection log (mimecast-respond.md §3).
enum class ThreatLog { UrlClicks, Attachments, Impersonation };

// The filters of one TTP log read. Mimecast filters by time, route and verdict only; the URL,
// Message-ID and free text filters are applied here, to the rows read (no server-side filter
// is documented, §3).
struct ThreatLogQuery
{
    // No maximum window is documented; we read at most 31 days at a time so a read stays
    // bounded in rows and time, and say so when refusing a longer one.
    static constexpr int kMaxDays = 31;
    static constexpr int kDefaultHours = 24;
    static constexpr int kMaxRows = 5000;
    // With a client-side filter, at most this many rows are read looking for matches.
    static constexpr int kMaxScanned = 20000;

    ThreatLog log = ThreatLog::UrlClicks;
    QDateTime start; // required: the caller fills the default (the last 24 hours)
    QDateTime end;
    QString route;  // all | inbound | outbound | internal; empty = all (not impersonation)
    QString result; // url: scanResult clean|malicious|all; attachments: result safe|malicious|…
    bool oldestFirst = false;
    // Impersonation only: taggedMalicious (unset = no filter) and the hit's action.
    std::optional<bool> taggedMalicious;
    QString impersonationAction; // hold | bounce | none; empty = any
    // Applied to the rows read: the clicked URL (substring, any case) and the internet
    // Message-ID (exact, brackets optional).
    QString urlContains;
    QString messageId;
    int limit = 500;

    static const QStringList &routeValues();
    static const QStringList &resultValues(ThreatLog log); // empty: the log has no such filter
    static const QStringList &impersonationActions();
    static QString logName(ThreatLog log); // url-logs | attachment-logs | impersonation-logs
    bool filtersRows() const { return !urlContains.trimmed().isEmpty() || !messageId.isEmpty(); }
    // Names the bad field as the CLI spells it (--route, --scan-result, --result, --start, …)
    // and the fix, or returns an empty string. Normalises the Message-ID.
    QString validate(const QDateTime &nowUtc);
    // data[0] of the request (dates as yyyy-MM-ddTHH:mm:ss+0000).
    QJsonObject toData() const;
    // "URL clicks, 2026-07-18 00:00 to 2026-07-19 00:00 UTC, malicious, containing evil.example"
    QString describe() const;
};

// One row of /api/ttp/url/get-logs (data[0].clickLogs[]). Text is the server's: plain text only.
struct ClickLog
{
    QDateTime date;
    QString user; // userEmailAddress: who clicked
    QString sender;
    QString subject;
    QString messageId;
    QString url;
    QString category;
    QString scanResult;
    QString action;
    QString adminOverride;
    QString userOverride;
    QString userAwarenessAction;
    QString route;
    QString sendingIp;
    QString creationMethod; // "User Click", or "Entry Scan" (scanned on arrival, not a click)
    QStringList emailParts;
    QJsonObject raw;

    bool isClick() const { return !creationMethod.contains(u"scan", Qt::CaseInsensitive); }
    static ClickLog fromJson(const QJsonObject &json);
};

// One row of /api/ttp/attachment/get-logs (data[0].attachmentLogs[]).
struct AttachmentLog
{
    QDateTime date;
    QString sender; // may be the null sender "<>"
    QString recipient;
    QString subject;
    QString messageId;
    QString fileName;
    QString fileType;
    QString fileHash; // SHA-256 hex
    QString result;
    QString actionTriggered;
    QString details; // free text with CRLF: shown trimmed, lines joined
    QString definition;
    QString route;
    QJsonObject raw;

    static AttachmentLog fromJson(const QJsonObject &json);
};

// One row of /api/ttp/impersonation/get-logs (data[0].impersonationLogs[]).
struct ImpersonationLog
{
    QString id;
    QDateTime date; // eventTime
    QString sender;
    QString recipient;
    QString subject;
    QString messageId;
    QString senderIp;
    QString definition; // the policy
    int hits = 0;
    QString action;
    QStringList identifiers;
    bool taggedMalicious = false;
    bool taggedExternal = false;
    QJsonObject raw;

    static ImpersonationLog fromJson(const QJsonObject &json);
};

// Every row of one read, whichever log it came from (only the list of that log is filled).
struct ThreatLogRows
{
    QList<ClickLog> clicks;
    QList<AttachmentLog> attachments;
    QList<ImpersonationLog> impersonations;

    int size() const;
};

// The CSV of a log: the header and one row per record, in the order of the grid.
QStringList threatLogColumns(ThreatLog log);
QList<QStringList> threatLogTable(ThreatLog log, const ThreatLogRows &rows);
// The server's record of each row (for the CLI's JSON).
QList<QJsonObject> threatLogRecords(ThreatLog log, const ThreatLogRows &rows);

} // namespace mcdesk::threats
