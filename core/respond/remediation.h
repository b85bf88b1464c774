#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mcdesk::respond {

// What a Threat Remediation removes from every mailbox (/api/ttp/remediation/v2/create):
// the messages with these internet Message-IDs, those carrying an attachment with this
// SHA-256, or those containing this URL.
struct RemediationRequest
{
    enum class Target { MessageIds, Hash, Url };
    // The sibling endpoints take 25 items; v2's own limit is not documented (reference §4.2).
    static constexpr int kMaxMessageIds = 25;

    QString reason; // required; Mimecast keeps it with the incident
    Target target = Target::MessageIds;
    QStringList messageIds; // normalised by validate()
    QString hash;           // SHA-256, lower-case hex after validate()
    QString url;
    QDateTime start; // invalid = Mimecast's default (a month back)
    QDateTime end;   // invalid = now

    // Checks and normalises (Message-IDs wrapped in <>, duplicates dropped, hash lower-cased).
    // Names the bad field as the CLI spells it and the fix, or returns an empty string.
    QString validate(const QDateTime &nowUtc);
    QJsonObject toData() const;
    static QString targetName(Target target); // message_ids | hash | url (the wire's searchBy)
    // "2 Message-IDs (<a@x>, <b@x>)", "attachment SHA-256 9f86…", "URL https://…"
    QString describe() const;
    // For the audit entry and the journal: {"searchBy", "messageIds"|"hash"|"url", "reason", …}
    QJsonObject toJson() const;
    static RemediationRequest fromJson(const QJsonObject &json);
};

// The incident a remediation creates (reference §4.3); also what get-incident and
// find-incidents answer. Counts come as numbers or numeric strings.
struct RemediationIncident
{
    QString id;
    QString code; // the short reference the console shows (TR-…)
    QString type; // notify_only | automatic | manual | restored
    QString reason;
    QDateTime created;
    QDateTime modified;
    int identified = 0;
    int successful = 0;
    int failed = 0;
    int restored = 0;
    QStringList messageIds; // searchCriteria
    QString fileHash;
    QString url;
    QDateTime searchStart;
    QDateTime searchEnd;
    QString remediatedBy;
    QString unremediateCode; // what the console's restore asks for
    QJsonObject raw;

    // Every identified message is removed or failed: nothing will move any more.
    bool settled() const { return successful + failed >= identified; }
    // "14 identified, 13 removed, 1 failed, 0 restored"
    QString countsText() const;
    // What the incident searched for, in one line.
    QString criteriaText() const;
    static RemediationIncident fromJson(const QJsonObject &json);
};

// /api/ttp/remediation/find-incidents filters (all optional).
struct IncidentQuery
{
    QDateTime start;
    QDateTime end;
    QString searchField; // all | code | file_hash | reason (empty: no search)
    QString searchValue;
    QStringList types; // notify_only | automatic | manual | restored
    int limit = 500;

    static const QStringList &searchFields();
    static const QStringList &typeValues();
    QString validate() const;
    QJsonObject toData() const;
};

struct HashStatus
{
    QString hash;
    bool detected = false;
};

// Every hash Mimecast itself shows is SHA-256 (reference §4.6); MD5 / SHA-1 are not documented
// as accepted, so only 64 hex digits pass. Returns the lower-case form, or empty with why.
QString normalizeSha256(const QString &text, QString *error);
// An http(s) URL with a host, as a remediation or a managed URL takes it.
QString checkWebUrl(const QString &text);

} // namespace mcdesk::respond
