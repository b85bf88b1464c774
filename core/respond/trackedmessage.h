#pragma once

#include "core/held/heldmessage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mcdesk::respond {

using held::Address;

// One message Message Finder tracked (/api/message-finder/search, trackedEmails[]). Every
// member is optional on the wire; text is the server's and is shown as plain text only.
struct TrackedMessage
{
    QString id; // the tracking id get-message-info takes; opaque, never truncated
    QString status;
    QString info; // Mimecast's own words on the status ("Envelope Rejected")
    Address fromEnvelope;
    Address fromHeader;
    QList<Address> to;
    QString subject;
    QDateTime received;
    QDateTime sent;
    QString senderIp;
    QString route;
    bool attachments = false;
    int spamScore = -1; // -1: not given
    QString detectionLevel;

    static TrackedMessage fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    QString recipients() const; // "a@x, b@y"
    // Reached (or is reaching) a mailbox: "archived" is Mimecast's word for delivered and
    // archived, "delivery" for on its way (reference §4.12). What a remediation can pull back.
    bool delivered() const;
    // Envelope and header From differ: the first sign of spoofing an analyst looks for.
    bool fromMismatch() const;
};

// One verdict of get-message-info's spamProcessingDetail (spf, dkim, dmarc, rbl, …).
struct CheckResult
{
    QString name;
    bool allow = true;
    QString info;
};

struct PolicyFired
{
    QString type;
    QString name;
    bool inherited = false;
};

// How the message reached one recipient (deliveredMessage, a map keyed by recipient).
struct Delivery
{
    QString recipient;
    QString event;
    QString remoteHost;
    QString remoteIp;
    QString encryption;
    QString acknowledgement;
    QDateTime start;
    QDateTime end;
    QList<PolicyFired> policies;
};

struct Component
{
    QString type;
    QString name;
    QString mimeType;
    qint64 size = 0;
    QString sha256;
};

// /api/message-finder/get-message-info: the detail pane of one tracked message.
struct MessageInfo
{
    QString id;
    QString status;
    QString fromHeader;
    QString fromEnvelope;
    QStringList to;
    QStringList cc;
    QString subject;
    QDateTime sent;
    QDateTime processed;
    QString headers; // transmissionInfo, unescaped and without its <pre>: raw header text
    // How it was received
    QString receiptEvent;
    QString spamEvent;
    QString remoteHost;
    QString remoteIp;
    QString remoteGreeting;
    QString encryption;
    QDateTime receiptStart;
    QDateTime receiptEnd;
    qint64 size = 0;
    QString processingServer;
    QList<Component> components;
    QList<Delivery> deliveries;
    int spamScore = -1;
    QString detectionLevel;
    QList<CheckResult> checks; // spf, dkim, dmarc, rbl, permittedSender, managedSender
    bool greyEmail = false;
    QDateTime purgeDate;
    QString purgeBasedOn;
    QJsonObject raw;

    // The Message-ID header in `headers` ("<a@b>"), or empty: what a remediation by
    // Message-ID takes for a message found by sender or subject.
    QString messageId() const;
    static MessageInfo fromJson(const QJsonObject &json);
};

// transmissionInfo is HTML-escaped header text inside <pre>; this gives the plain text.
QString unescapeTransmissionInfo(const QString &html);

} // namespace mcdesk::respond
