#include "core/respond/trackedmessage.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mcdesk::respond {

namespace {

Address addressOf(const QJsonValue &value)
{
    if (value.isString())
        return {value.toString(), {}};
    const QJsonObject o = value.toObject();
    return {o.value(u"emailAddress"_s).toString(), o.value(u"displayableName"_s).toString()};
}

QJsonObject addressJson(const Address &a)
{
    return {{u"emailAddress"_s, a.email}, {u"displayableName"_s, a.name}};
}

QDateTime dateOf(const QJsonObject &o, const QString &key)
{
    return held::parseMimecastDate(o.value(key).toString());
}

QString dateText(const QDateTime &when)
{
    return when.isValid() ? held::formatMimecastDate(when) : QString();
}

// Mimecast sends numbers, and sometimes numbers as strings.
int intOf(const QJsonValue &value, int fallback)
{
    if (value.isDouble())
        return value.toInt(fallback);
    bool ok = false;
    const int n = value.toString().toInt(&ok);
    return ok ? n : fallback;
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList out;
    if (value.isString())
        return {value.toString()};
    for (const QJsonValue &v : value.toArray())
        out.append(v.isObject() ? addressOf(v).email : v.toString());
    return out;
}

} // namespace

TrackedMessage TrackedMessage::fromJson(const QJsonObject &json)
{
    TrackedMessage m;
    m.id = json.value(u"id"_s).toString();
    m.status = json.value(u"status"_s).toString();
    m.info = json.value(u"info"_s).toString();
    m.fromEnvelope = addressOf(json.value(u"fromEnv"_s));
    m.fromHeader = addressOf(json.value(u"fromHdr"_s));
    const QJsonValue to = json.value(u"to"_s);
    if (to.isArray()) {
        for (const QJsonValue &v : to.toArray())
            m.to.append(addressOf(v));
    } else if (!to.isUndefined() && !to.isNull()) {
        m.to.append(addressOf(to));
    }
    m.subject = json.value(u"subject"_s).toString();
    m.received = dateOf(json, u"received"_s);
    m.sent = dateOf(json, u"sent"_s);
    m.senderIp = json.value(u"senderIP"_s).toString();
    m.route = json.value(u"route"_s).toString();
    m.attachments = json.value(u"attachments"_s).toBool();
    m.spamScore = intOf(json.value(u"spamScore"_s), -1);
    m.detectionLevel = json.value(u"detectionLevel"_s).toString();
    return m;
}

QJsonObject TrackedMessage::toJson() const
{
    QJsonArray recipients;
    for (const Address &a : to)
        recipients.append(addressJson(a));
    QJsonObject json{{u"id"_s, id},
                     {u"status"_s, status},
                     {u"info"_s, info},
                     {u"fromEnv"_s, QJsonObject{{u"emailAddress"_s, fromEnvelope.email}}},
                     {u"fromHdr"_s, addressJson(fromHeader)},
                     {u"to"_s, recipients},
                     {u"subject"_s, subject},
                     {u"received"_s, dateText(received)},
                     {u"sent"_s, dateText(sent)},
                     {u"senderIP"_s, senderIp},
                     {u"route"_s, route},
                     {u"attachments"_s, attachments},
                     {u"detectionLevel"_s, detectionLevel}};
    if (spamScore >= 0)
        json.insert(u"spamScore"_s, spamScore);
    return json;
}

QString TrackedMessage::recipients() const
{
    QStringList out;
    for (const Address &a : to)
        out.append(a.email);
    return out.join(u", "_s);
}

bool TrackedMessage::delivered() const
{
    return status.compare(u"archived"_s, Qt::CaseInsensitive) == 0 ||
           status.compare(u"delivery"_s, Qt::CaseInsensitive) == 0 ||
           status.compare(u"delivered"_s, Qt::CaseInsensitive) == 0;
}

bool TrackedMessage::fromMismatch() const
{
    return !fromEnvelope.email.isEmpty() && !fromHeader.email.isEmpty() &&
           fromEnvelope.email.compare(fromHeader.email, Qt::CaseInsensitive) != 0;
}

QString unescapeTransmissionInfo(const QString &html)
{
    QString text = html.trimmed();
    if (text.startsWith(u"<pre>"_s, Qt::CaseInsensitive))
        text.remove(0, 5);
    if (text.endsWith(u"</pre>"_s, Qt::CaseInsensitive))
        text.chop(6);
    // &amp; last, so "&amp;lt;" becomes "&lt;" as written, not "<".
    text.replace(u"&lt;"_s, u"<"_s)
        .replace(u"&gt;"_s, u">"_s)
        .replace(u"&quot;"_s, u"\""_s)
        .replace(u"&#39;"_s, u"'"_s)
        .replace(u"&#x27;"_s, u"'"_s)
        .replace(u"&amp;"_s, u"&"_s);
    return text.trimmed();
}

QString MessageInfo::messageId() const
{
    // Header lines are "Name: value"; a folded value continues on lines starting with space.
    const QStringList lines = headers.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (!line.startsWith(u"Message-ID:"_s, Qt::CaseInsensitive))
            continue;
        QString value = line.mid(11);
        while (i + 1 < lines.size() &&
               (lines.at(i + 1).startsWith(u' ') || lines.at(i + 1).startsWith(u'\t')))
            value += lines.at(++i);
        return value.trimmed();
    }
    return {};
}

MessageInfo MessageInfo::fromJson(const QJsonObject &json)
{
    MessageInfo m;
    m.raw = json;
    m.id = json.value(u"id"_s).toString();
    m.status = json.value(u"status"_s).toString();
    const QJsonObject recipientInfo = json.value(u"recipientInfo"_s).toObject();
    const QJsonObject message = recipientInfo.value(u"messageInfo"_s).toObject();
    m.fromHeader = message.value(u"fromHeader"_s).toString();
    m.fromEnvelope = message.value(u"fromEnvelope"_s).toString();
    m.to = stringsOf(message.value(u"to"_s));
    m.cc = stringsOf(message.value(u"cc"_s));
    m.subject = message.value(u"subject"_s).toString();
    m.sent = dateOf(message, u"sent"_s);
    m.processed = dateOf(message, u"processed"_s);
    m.headers = unescapeTransmissionInfo(message.value(u"transmissionInfo"_s).toString());

    const QJsonObject receipt = recipientInfo.value(u"recipientMetaInfo"_s).toObject();
    m.receiptEvent = receipt.value(u"receiptEvent"_s).toString();
    m.spamEvent = receipt.value(u"spamEvent"_s).toString();
    m.remoteHost = receipt.value(u"remoteHost"_s).toString();
    m.remoteIp = receipt.value(u"remoteIp"_s).toString();
    m.remoteGreeting = receipt.value(u"remoteServerGreeting"_s).toString();
    m.encryption = receipt.value(u"encryptionInfo"_s).toString();
    m.receiptStart = dateOf(receipt, u"transmissionStart"_s);
    m.receiptEnd = dateOf(receipt, u"transmissionEnd"_s);
    m.size = receipt.value(u"binaryEmailSize"_s)
                 .toInteger(receipt.value(u"transmissionSize"_s).toInteger());
    m.processingServer = receipt.value(u"processingServer"_s).toString();
    for (const QJsonValue &v : receipt.value(u"components"_s).toArray()) {
        const QJsonObject c = v.toObject();
        m.components.append({c.value(u"type"_s).toString(), c.value(u"name"_s).toString(),
                             c.value(u"mimeType"_s).toString(), c.value(u"size"_s).toInteger(),
                             c.value(u"hash"_s).toString()});
    }

    // A map keyed by recipient address, not a list.
    const QJsonObject delivered = json.value(u"deliveredMessage"_s).toObject();
    for (auto it = delivered.begin(); it != delivered.end(); ++it) {
        const QJsonObject d = it.value().toObject();
        const QJsonObject meta = d.value(u"deliveryMetaInfo"_s).toObject();
        Delivery delivery;
        delivery.recipient = it.key();
        delivery.event = meta.value(u"deliveryEvent"_s).toString();
        delivery.remoteHost = meta.value(u"remoteHost"_s).toString();
        delivery.remoteIp = meta.value(u"remoteIp"_s).toString();
        delivery.encryption = meta.value(u"encryptionInfo"_s).toString();
        delivery.acknowledgement = meta.value(u"receiptAcknowledgement"_s).toString();
        delivery.start = dateOf(meta, u"transmissionStart"_s);
        delivery.end = dateOf(meta, u"transmissionEnd"_s);
        for (const QJsonValue &p : d.value(u"policyInfo"_s).toArray()) {
            const QJsonObject o = p.toObject();
            delivery.policies.append({o.value(u"policyType"_s).toString(),
                                      o.value(u"policyName"_s).toString(),
                                      o.value(u"inherited"_s).toBool()});
        }
        m.deliveries.append(delivery);
    }

    const QJsonObject spam = json.value(u"spamInfo"_s).toObject();
    m.spamScore = intOf(spam.value(u"spamScore"_s), -1);
    m.detectionLevel = spam.value(u"detectionLevel"_s).toString();
    const QJsonObject detail = spam.value(u"spamProcessingDetail"_s).toObject();
    for (const QString &name :
         {u"spf"_s, u"dkim"_s, u"dmarc"_s, u"rbl"_s, u"permittedSender"_s, u"managedSender"_s}) {
        if (!detail.contains(name))
            continue;
        const QJsonObject check = detail.value(name).toObject();
        m.checks.append(
            {name, check.value(u"allow"_s).toBool(true), check.value(u"info"_s).toString()});
    }
    m.greyEmail = detail.value(u"greyEmail"_s).toBool();

    const QJsonObject retention = json.value(u"retentionInfo"_s).toObject();
    m.purgeDate = dateOf(retention, u"currentPurgeDate"_s);
    m.purgeBasedOn = retention.value(u"purgeBasedOn"_s).toString();
    return m;
}

} // namespace mcdesk::respond
