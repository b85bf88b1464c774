// /api/message-finder/get-message-info (mimecast-respond.md §2.2): one tracked message in full.
#include "core/simulator/endpoints.h"
#include "core/simulator/tracking.h"

#include <QCryptographicHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr int kRetentionDays = 3650; // the account's maxRetention

QString domainOf(const QString &email)
{
    return email.section(u'@', 1);
}

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// The raw header block as Mimecast shows it: HTML-escaped inside <pre>.
QString transmissionInfo(const TrackingView &view, int i)
{
    const QList<Person> to = view.recipients(i);
    const Person &from = view.fromHeader(i);
    const QString domain = domainOf(view.fromEnvelope(i).email);
    QStringList lines;
    for (const auto &header :
         mailHeaders(from, to, view.subject(i), view.row(i).receivedMs - 5000, view.messageId(i))) {
        const QString name = header[u"name"_s].toString();
        QString value = header[u"values"_s].toArray().first().toString();
        if (name == u"Authentication-Results"_s && view.phish(i))
            value = u"relay.mimecast.example; spf=fail smtp.mailfrom=%1; dkim=none; "
                    u"dmarc=fail header.from=%2"_s.arg(domain, domainOf(from.email));
        lines << name + u": "_s + value;
    }
    return u"<pre>\n"_s + lines.join(u'\n').toHtmlEscaped() + u"\n</pre>"_s;
}

QJsonArray emails(const QList<Person> &people)
{
    QJsonArray list;
    for (const auto &p : people)
        list.append(p.email);
    return list;
}

QJsonObject verdict(bool allow, const QString &info)
{
    return {{u"allow"_s, allow}, {u"info"_s, info}};
}

// The managed-sender entry (permit or block) for this sender and one of the recipients.
QString managedSender(const SimData &data, const QString &sender, const QList<Person> &to)
{
    for (const auto &entry : data.senders)
        for (const auto &p : to)
            if (entry.sender.compare(sender, Qt::CaseInsensitive) == 0 &&
                entry.to.compare(p.email, Qt::CaseInsensitive) == 0)
                return entry.type.toLower();
    return {};
}

QJsonObject spamInfo(const SimData &data, const TrackingView &view, int i)
{
    const bool phish = view.phish(i);
    const QString managed = managedSender(data, view.fromEnvelope(i).email, view.recipients(i));
    const bool grey =
        view.row(i).kind == TrackedMessage::Kind::Held &&
        holdReasons().at(data.held[view.row(i).source].reason).reasonCode.contains(u"graymail"_s);
    const QJsonObject detail{
        {u"spf"_s, verdict(true, phish ? u"fail"_s : u"pass"_s)},
        {u"dkim"_s, verdict(true, phish ? u"none"_s : u"pass"_s)},
        {u"dmarc"_s, verdict(true, phish ? u"fail"_s : u"pass"_s)},
        {u"rbl"_s, verdict(true, u""_s)},
        {u"permittedSender"_s, verdict(true, managed == u"permit"_s ? u"whitelist"_s : u"none"_s)},
        {u"managedSender"_s,
         verdict(managed != u"block"_s, managed.isEmpty() ? u"none"_s : managed)},
        {u"greyEmail"_s, grey}};
    return {{u"spamScore"_s, view.spamScore(i)},
            {u"detectionLevel"_s, view.detectionLevel(i)},
            {u"spamProcessingDetail"_s, detail}};
}

QJsonObject recipientInfo(const TrackingView &view, int i)
{
    const qint64 received = view.row(i).receivedMs;
    const Person &from = view.fromEnvelope(i);
    const QString host = u"mail."_s + domainOf(from.email);
    const bool tls = stableHash(view.row(i).id) % 5 != 0;
    QJsonArray attachments, components;
    components.append(QJsonObject{{u"type"_s, u"Email Transmission File"_s},
                                  {u"name"_s, u"transmission.eml"_s},
                                  {u"extension"_s, u"eml"_s},
                                  {u"mimeType"_s, u"message/rfc822-stubbed"_s},
                                  {u"size"_s, 1200 + int(stableHash(view.row(i).id) % 900)},
                                  {u"hash"_s, sha256Hex(view.row(i).id)}});
    const QList<Attachment> &files = view.attachments(i);
    for (int a = 0; a < files.size(); ++a) {
        attachments.append(attachmentJson(files[a], view.row(i).id, a));
        components.append(QJsonObject{{u"type"_s, u"File"_s},
                                      {u"name"_s, files[a].filename},
                                      {u"extension"_s, files[a].extension},
                                      {u"mimeType"_s, files[a].contentType},
                                      {u"size"_s, files[a].size},
                                      {u"hash"_s, files[a].sha256}});
    }
    const QJsonObject messageInfo{{u"fromHeader"_s, view.fromHeader(i).email},
                                  {u"fromEnvelope"_s, from.email},
                                  {u"to"_s, emails(view.recipients(i))},
                                  {u"cc"_s, QJsonArray{}},
                                  {u"subject"_s, view.subject(i)},
                                  {u"sent"_s, isoDate(received - 5000)},
                                  {u"processed"_s, isoDate(received + 2000)},
                                  {u"transmissionInfo"_s, transmissionInfo(view, i)},
                                  {u"textBody"_s, view.body(i)},
                                  {u"attachments"_s, attachments}};
    const QJsonObject metaInfo{
        {u"receiptEvent"_s,
         view.phish(i) ? u"Email Received - SPF check failed"_s : u"Email Received"_s},
        {u"spamEvent"_s, u"na"_s},
        {u"remoteIp"_s, view.senderIp(i)},
        {u"remoteHost"_s, host},
        {u"remoteServerGreeting"_s, QString(u"EHLO "_s + host)},
        {u"receiptAcknowledgement"_s,
         u"250 2.0.0 Ok: %1 Received OK"_s.arg(view.row(i).id.mid(4, 12))},
        {u"encryptionInfo"_s, tls ? u"TLS"_s : u"None"_s},
        {u"transmissionStart"_s, isoDate(received - 1000)},
        {u"transmissionEnd"_s, isoDate(received)},
        {u"transmissionSize"_s, view.size(i)},
        {u"binaryEmailSize"_s, view.size(i) + 60},
        {u"messageExpiresIn"_s, 7},
        {u"processingServer"_s, u"us-mta-%1.us.mimecast.lan"_s.arg(100 + stableHash(host) % 900)},
        {u"components"_s, components}};
    return {{u"messageInfo"_s, messageInfo}, {u"recipientMetaInfo"_s, metaInfo}};
}

// Recipient address -> its delivery; empty while held or once rejected.
QJsonObject deliveredMessage(const TrackingView &view, int i)
{
    QJsonObject map;
    if (!view.delivered(i))
        return map;
    const qint64 delivered = view.row(i).receivedMs + 3000;
    const QString route = view.route(i);
    QJsonArray policies{QJsonObject{{u"policyType"_s, u"Anti-Spoofing"_s},
                                    {u"policyName"_s, u"Default Anti-Spoofing Definition"_s},
                                    {u"inherited"_s, false}}};
    if (route == u"inbound"_s)
        policies.append(QJsonObject{{u"policyType"_s, u"URL Protection"_s},
                                    {u"policyName"_s, u"Default Inbound URL Protect Definition"_s},
                                    {u"inherited"_s, false}});
    if (!view.attachments(i).isEmpty())
        policies.append(QJsonObject{{u"policyType"_s, u"Attachment Protection"_s},
                                    {u"policyName"_s, u"TTP Attachment Protection - Safe File"_s},
                                    {u"inherited"_s, true}});
    for (const Person &p : view.recipients(i)) {
        const bool internal = domainOf(p.email) == demoDomain();
        const QString host =
            internal ? u"outlook.office365.example"_s : u"mx.%1"_s.arg(domainOf(p.email));
        const QJsonObject messageInfo{
            {u"subject"_s, view.subject(i)}, {u"to"_s, QJsonArray{p.email}}, {u"route"_s, route}};
        const QJsonObject meta{
            {u"deliveryEvent"_s,
             internal ? u"Email Delivered via Routing Rule"_s : u"Email Delivered"_s},
            {u"emailAddress"_s, p.email},
            {u"remoteIp"_s,
             internal ? u"198.51.100.7"_s : u"198.51.100.%1"_s.arg(20 + stableHash(host) % 200)},
            {u"remoteHost"_s, host},
            {u"encryptionInfo"_s, u"TLS"_s},
            {u"transmissionStart"_s, isoDate(delivered)},
            {u"transmissionEnd"_s, isoDate(delivered + 1000)},
            {u"receiptAcknowledgement"_s, u"250 2.0.0 OK: message queued"_s}};
        map.insert(p.email, QJsonObject{{u"messageInfo"_s, messageInfo},
                                        {u"policyInfo"_s, policies},
                                        {u"deliveryMetaInfo"_s, meta}});
    }
    return map;
}

QJsonObject retentionInfo(const TrackingView &view, int i)
{
    const QString purge = isoDate(view.row(i).receivedMs + kRetentionDays * kDayMs);
    return {{u"currentPurgeDate"_s, purge},
            {u"originalPurgeDate"_s, purge},
            {u"purgeBasedOn"_s, u"original"_s},
            {u"retentionAdjustmentDays"_s, 0},
            {u"litigationHoldInfo"_s, QJsonArray{}},
            {u"fbrStamps"_s, QJsonArray{}},
            {u"fbrExpireCheck"_s, QJsonArray{}},
            {u"smartTags"_s, QJsonArray{}},
            {u"audits"_s, QJsonArray{}}};
}
} // namespace

HttpReply messageFinderInfo(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 1, &reply))
        return reply;
    const QJsonObject key = ctx.items().first().toObject();
    const QString id = key.value(u"id"_s).toString();
    if (ctx.failingIds.contains(id))
        return okReply({}, {injectedFailure(key)});
    const auto found = ctx.data.trackedIndex.constFind(id);
    if (found == ctx.data.trackedIndex.cend()) // blank, truncated or another kind of id
        return okReply(
            {}, {failItem(key, errorObject(u"xdk_failure"_s, u"0007 Invalid token"_s, u"id"_s))});
    const TrackingView view(ctx.data, ctx.nowMs);
    const int i = *found;
    return okReply({QJsonObject{{u"id"_s, id},
                                {u"status"_s, view.status(i)},
                                {u"recipientInfo"_s, recipientInfo(view, i)},
                                {u"deliveredMessage"_s, deliveredMessage(view, i)},
                                {u"spamInfo"_s, spamInfo(ctx.data, view, i)},
                                {u"retentionInfo"_s, retentionInfo(view, i)}}});
}

} // namespace mcdesk::sim
