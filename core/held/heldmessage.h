#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mcdesk::held {

struct Address
{
    QString email;
    QString name;
};

// One message in Mimecast's held queue (/api/gateway/get-hold-message-list).
struct HeldMessage
{
    QString id; // opaque secure id used by release/reject; never truncated
    QDateTime received;
    QString reason;
    QString reasonCode;
    QString policy;
    Address fromEnvelope;
    Address fromHeader;
    Address to;
    QString subject;
    QString route;
    bool hasAttachments = false;
    qint64 size = 0;

    static HeldMessage fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    // Who sent it, as a managed-sender entry names the sender: the envelope address, else the
    // header address. The combined moves permit or block this address, GUI and CLI alike.
    QString sender() const
    {
        return fromEnvelope.email.isEmpty() ? fromHeader.email : fromEnvelope.email;
    }
};

struct Attachment
{
    QString id;
    QString filename;
    QString contentType;
    qint64 size = 0;
    QString sha256;
    QString verdict; // from the held-message detail, when Mimecast scanned it
};

struct MessageHeader
{
    QString name;
    QStringList values;
};

// The detail of one message, held (/api/gateway/message/get-message-detail) or archived
// (/api/archive/get-message-detail): both answer in this shape.
struct MessageDetail
{
    QString id;
    QString subject;
    QString status;
    QString senderIp;
    QDateTime received;
    QString bodyPreview; // plain text; never rendered as rich text
    QList<Attachment> attachments;
    QList<MessageHeader> headers;
    QJsonObject raw; // everything Mimecast sent, for the "all fields" view

    // The internet Message-ID header as sent ("<a@b>"), or empty when there is none: what
    // Find every copy and a remediation search by.
    QString messageId() const;
    static MessageDetail fromJson(const QJsonObject &json);
};
using HeldMessageDetail = MessageDetail;

// /api/gateway/get-hold-summary-list
struct PolicyHoldCount
{
    QString policy;
    int count = 0;
};

// Mimecast dates: "2022-08-01T13:10:54+0000" (also accepts "Z" and "+00:00").
QDateTime parseMimecastDate(const QString &text);
QString formatMimecastDate(const QDateTime &when);

} // namespace mcdesk::held
