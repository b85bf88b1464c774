#include "core/held/heldmessage.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mcdesk::held {

namespace {
Address addressFrom(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    return {o.value(u"emailAddress"_s).toString(), o.value(u"displayableName"_s).toString()};
}
QJsonObject addressJson(const Address &a)
{
    return {{u"emailAddress"_s, a.email}, {u"displayableName"_s, a.name}};
}
} // namespace

QDateTime parseMimecastDate(const QString &text)
{
    QString t = text.trimmed();
    // Qt::ISODate wants "+00:00"; Mimecast writes "+0000".
    static const QRegularExpression compactOffset(u"([+-]\\d\\d)(\\d\\d)$"_s);
    t.replace(compactOffset, u"\\1:\\2"_s);
    QDateTime when = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(t, Qt::ISODate);
    return when.isValid() ? when.toUTC() : QDateTime();
}

QString formatMimecastDate(const QDateTime &when)
{
    return when.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss"_s) + u"+0000"_s;
}

HeldMessage HeldMessage::fromJson(const QJsonObject &json)
{
    HeldMessage m;
    m.id = json.value(u"id"_s).toString();
    m.received = parseMimecastDate(json.value(u"dateReceived"_s).toString());
    m.reason = json.value(u"reason"_s).toString();
    m.reasonCode = json.value(u"reasonCode"_s).toString();
    m.policy = json.value(u"policyInfo"_s).toString();
    m.fromEnvelope = addressFrom(json.value(u"from"_s));
    m.fromHeader = addressFrom(json.value(u"fromHeader"_s));
    m.to = addressFrom(json.value(u"to"_s));
    m.subject = json.value(u"subject"_s).toString();
    m.route = json.value(u"route"_s).toString();
    m.hasAttachments = json.value(u"hasAttachments"_s).toBool();
    m.size = json.value(u"size"_s).toInteger();
    return m;
}

QJsonObject HeldMessage::toJson() const
{
    return {{u"id"_s, id},
            {u"dateReceived"_s, received.isValid() ? formatMimecastDate(received) : QString()},
            {u"reason"_s, reason},
            {u"reasonCode"_s, reasonCode},
            {u"policyInfo"_s, policy},
            {u"from"_s, addressJson(fromEnvelope)},
            {u"fromHeader"_s, addressJson(fromHeader)},
            {u"to"_s, addressJson(to)},
            {u"subject"_s, subject},
            {u"route"_s, route},
            {u"hasAttachments"_s, hasAttachments},
            {u"size"_s, size}};
}

QString MessageDetail::messageId() const
{
    for (const MessageHeader &h : headers)
        if (h.name.compare(u"Message-ID"_s, Qt::CaseInsensitive) == 0 && !h.values.isEmpty())
            return h.values.constFirst().trimmed();
    return {};
}

MessageDetail MessageDetail::fromJson(const QJsonObject &json)
{
    MessageDetail d;
    d.raw = json;
    d.id = json.value(u"id"_s).toString();
    d.subject = json.value(u"subject"_s).toString();
    d.status = json.value(u"status"_s).toString();
    d.senderIp = json.value(u"senderIP"_s).toString();
    d.received = parseMimecastDate(json.value(u"received"_s).toString());
    d.bodyPreview = json.value(u"messageBodyPreview"_s).toString();
    for (const QJsonValue &v : json.value(u"attachments"_s).toArray()) {
        const QJsonObject a = v.toObject();
        d.attachments.append({a.value(u"id"_s).toString(), a.value(u"filename"_s).toString(),
                              a.value(u"contentType"_s).toString(), a.value(u"size"_s).toInteger(),
                              a.value(u"sha256"_s).toString(), a.value(u"verdict"_s).toString()});
    }
    for (const QJsonValue &v : json.value(u"headers"_s).toArray()) {
        const QJsonObject h = v.toObject();
        QStringList values;
        for (const QJsonValue &value : h.value(u"values"_s).toArray())
            values.append(value.toString());
        d.headers.append({h.value(u"name"_s).toString(), values});
    }
    return d;
}

} // namespace mcdesk::held
