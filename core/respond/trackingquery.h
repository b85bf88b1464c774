#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mcdesk::respond {

// A Message Finder search (/api/message-finder/search): by internet Message-ID, or by any of
// from / to / subject / sender IP. Never both: Mimecast takes one or the other.
struct TrackingQuery
{
    // Mimecast tracks about 30 days back and refuses a start at exactly 30 (reference §2.1), so
    // the form and the CLI keep the start within 28.
    static constexpr int kWindowDays = 28;
    static constexpr int kDefaultHours = 24;

    QString messageId; // as typed; toData() sends it normalised (see normalizeMessageId)
    QString from;      // address or domain; matches the envelope and the header From
    QString to;        // address or domain
    QString subject;
    QString senderIp;
    QStringList routes; // internal | outbound | inbound | all | external; empty = not sent
    QDateTime start;    // required: the caller fills the default (the last 24 hours)
    QDateTime end;
    QString searchReason; // kept in Mimecast's audit trail

    static const QStringList &routeValues();
    bool byMessageId() const { return !messageId.trimmed().isEmpty(); }
    bool hasCriteria() const;
    // Names the bad field (as the CLI spells it) and the fix, or returns an empty string.
    QString validate(const QDateTime &nowUtc) const;
    // For the form: moves a start older than the window to its first day. Returns whether it
    // moved, so the form can say so.
    bool clampToWindow(const QDateTime &nowUtc);
    // data[0] of the request; call after validate().
    QJsonObject toData() const;
    // "Message-ID <x@y>" or "from a@b, subject \"…\"": what was searched, for notes and titles.
    QString describe() const;
};

// An internet Message-ID as Mimecast takes it: with its angle brackets. A bare "x@y" is
// wrapped; one with spaces, no "@" or brackets inside is refused. Empty text = not valid.
QString normalizeMessageId(const QString &text, QString *error);

} // namespace mcdesk::respond
