#pragma once

#include "core/simulator/simdata.h"

#include <QHash>

namespace mcdesk::sim {

// Builds SimData::tracked and its indexes from the (sorted) held and archive rows: every
// archive message of the last 30 days, every held message, and for each phish campaign (an
// inbound message held by Impersonation or TTP Attachment Protection) 3 to 8 delivered
// copies to other internal users.
void buildTracking(SimData *data, qint64 nowMs);

// The key of SimData::trackedByMessageId: "<a@b>" for "a@b", "<A@B>" or " <a@b> ".
QString messageIdKey(const QString &text);
// A cheap hash that stays the same from run to run (Qt's qHash may be seeded per process).
quint32 stableHash(const QString &text);
// The link in the body of a campaign message and of its copies.
QString campaignUrl(const HeldMessage &m);
// The link an inbound archive message carries in its body ("Read more: …"), for about one in
// four of them; empty for the rest.
QString archiveLink(const ArchiveMessage &m);
// An inbound message held by Impersonation or TTP Attachment Protection: a phish campaign.
bool isCampaign(const HeldMessage &m);
// The text body of a held message (and of its delivered copies): a campaign's carries its
// link as the sender wrote it and, on the next line, as URL Protect rewrote it.
QString heldBody(const HeldMessage &m);

// A tracked row read through its source, and its state at one moment: the status of a held
// message follows its release or rejection, a delivered one can be removed by remediation.
class TrackingView
{
public:
    TrackingView(const SimData &data, qint64 nowMs);

    const TrackedMessage &row(int i) const { return m_data.tracked[i]; }
    const Person &fromEnvelope(int i) const;
    const Person &fromHeader(int i) const;
    QList<Person> recipients(int i) const;
    const QString &subject(int i) const;
    QString route(int i) const; // lower case
    QString senderIp(int i) const;
    const QString &messageId(int i) const;
    const QList<Attachment> &attachments(int i) const;
    qint64 size(int i) const;
    QString body(int i) const;
    bool phish(int i) const; // a campaign row: SPF and DMARC fail
    int spamScore(int i) const;
    QString detectionLevel(int i) const;

    QString status(int i) const; // archived, held, delivery, rejected
    QString info(int i) const;
    bool delivered(int i) const; // in its recipients' mailboxes (or was, before a removal)
    bool removed(int i) const;   // taken out again by a Threat Remediation incident

private:
    bool isHeld(int i) const { return row(i).kind != TrackedMessage::Kind::Archived; }
    const HeldMessage &heldSource(int i) const { return m_data.held[row(i).source]; }
    const ArchiveMessage &archiveSource(int i) const { return m_data.archive[row(i).source]; }
    // The release-log entry that handled a held message; null while it is still held.
    const ReleaseLogEntry *handling(int heldIndex) const;

    const SimData &m_data;
    qint64 m_nowMs;
    mutable QHash<int, int> m_handling; // held index -> release log entry, built on first use
    mutable bool m_handlingBuilt = false;
};

} // namespace mcdesk::sim
