#include "core/simulator/ttplogs.h"

#include "core/simulator/datapools.h"
#include "core/simulator/envelope.h"
#include "core/simulator/tracking.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
constexpr qint64 kMinuteMs = 60 * 1000;

struct Builder
{
    SimData *data;
    TrackingView view;
    QRandomGenerator rng;
    qint64 nowMs;

    void click(int i, const Person &user, const QString &url, qint64 ms, bool malicious,
               bool entryScan)
    {
        if (ms > nowMs)
            return;
        QString action = u"allow"_s, summary = u"Allow"_s, userOverride = u"None"_s;
        if (malicious) {
            const bool warn = !entryScan && rng.bounded(5u) < 2;
            action = warn ? u"warn"_s : u"block"_s;
            summary = u"Block"_s;
            if (warn && rng.bounded(2u) == 0)
                userOverride = u"Continue"_s;
        }
        QJsonObject json{{u"date"_s, isoDate(ms)},
                         {u"userEmailAddress"_s, user.email},
                         {u"fromUserEmailAddress"_s, view.fromEnvelope(i).email},
                         {u"subject"_s, view.subject(i)},
                         {u"messageId"_s, view.messageId(i)},
                         {u"url"_s, url},
                         {u"scanResult"_s, malicious ? u"malicious"_s : u"clean"_s},
                         {u"category"_s, malicious ? u"Phishing & Fraud"_s : u"Business"_s},
                         {u"action"_s, action},
                         {u"actions"_s, summary},
                         {u"adminOverride"_s, u"N/A"_s},
                         {u"userOverride"_s, userOverride},
                         {u"userAwarenessAction"_s, u"N/A"_s},
                         {u"ttpDefinition"_s, u"Default Inbound URL Protect Definition"_s},
                         {u"route"_s, view.route(i)},
                         {u"sendingIp"_s, view.senderIp(i)},
                         {u"creationMethod"_s, entryScan ? u"Entry Scan"_s : u"User Click"_s},
                         {u"emailPartsDescription"_s, QJsonArray{u"Body"_s}}};
        data->clickLogs.append({ms, view.route(i), malicious ? u"malicious"_s : u"clean"_s, json});
    }

    void attachment(int i, const Person &recipient, const Attachment &a, qint64 ms,
                    const QString &result, const QString &actionTriggered)
    {
        QJsonObject json{{u"date"_s, isoDate(ms)},
                         {u"senderAddress"_s, view.fromEnvelope(i).email},
                         {u"recipientAddress"_s, recipient.email},
                         {u"subject"_s, view.subject(i)},
                         {u"messageId"_s, view.messageId(i)},
                         {u"fileName"_s, a.filename},
                         {u"fileType"_s, a.contentType},
                         {u"fileHash"_s, a.sha256},
                         {u"result"_s, result},
                         {u"actionTriggered"_s, actionTriggered},
                         {u"details"_s, u"%1 \r\nTime taken: 0 hrs, 0 min, %2 sec"_s
                                            .arg(result.left(1).toUpper() + result.mid(1))
                                            .arg(2 + rng.bounded(40u))},
                         {u"definition"_s, u"Inbound - Safe file with On-Demand Sandbox"_s},
                         {u"route"_s, view.route(i)}};
        data->attachmentLogs.append({ms, view.route(i), result, json});
    }

    void impersonation(int i, const Person &recipient, qint64 ms, bool held)
    {
        const QStringList identifiers =
            held ? QStringList{u"internal_user_name"_s, u"similar_internal_domain"_s}
                 : QStringList{u"newly_observed_domain"_s};
        QJsonArray results;
        if (held)
            results << QJsonObject{{u"impersonationDomainSource"_s, u"internal_user_name"_s},
                                   {u"similarDomain"_s, u"Margaret Lane <m.lane@demo.example>"_s},
                                   {u"stringSimilarToDomain"_s, u"Margaret Lane"_s},
                                   {u"checkerResult"_s, u"hit"_s}};
        const int row = int(data->impersonationLogs.size());
        QJsonObject json{
            {u"id"_s, QString(u"MTOKEN:"_s +
                              makeOpaqueId(u"eNqr"_s, data->seed, u"ttp-imp"_s, quint64(row)))},
            {u"eventTime"_s, isoDate(ms)},
            {u"senderAddress"_s, view.fromHeader(i).email},
            {u"recipientAddress"_s, recipient.email},
            {u"subject"_s, view.subject(i)},
            {u"messageId"_s, view.messageId(i)},
            {u"senderIpAddress"_s, view.senderIp(i)},
            {u"definition"_s, held ? u"Impersonation Protect - Executives (Hold for Review)"_s
                                   : u"Impersonation Protect - Monitor"_s},
            {u"hits"_s, int(identifiers.size())},
            {u"action"_s, held ? u"hold"_s : u"none"_s},
            {u"identifiers"_s, QJsonArray::fromStringList(identifiers)},
            {u"taggedMalicious"_s, held},
            {u"taggedExternal"_s, true},
            {u"impersonationResults"_s, results}};
        data->impersonationLogs.append({ms, view.route(i), held ? u"hold"_s : u"none"_s, json});
    }

    void heldCampaign(int i, const HeldMessage &m)
    {
        click(i, m.to, campaignUrl(m), m.receivedMs + 2000, true, true);
        const QString &code = holdReasons().at(m.reason).reasonCode;
        if (code.contains(u"impersonation"_s))
            impersonation(i, m.to, m.receivedMs + 1000, true);
        for (int a = 0; a < m.attachments.size(); ++a)
            attachment(i, m.to, m.attachments[a], m.receivedMs + 1500,
                       a == 0 ? u"malicious"_s : u"safe"_s, a == 0 ? u"hold"_s : u"none"_s);
    }

    void copy(int i, const HeldMessage &m)
    {
        const Person &user = pools::internalUsers().at(view.row(i).recipient);
        if (rng.bounded(5u) < 2)
            click(i, user, campaignUrl(m),
                  view.row(i).receivedMs + qint64(1 + rng.bounded(120u)) * kMinuteMs, true, false);
    }

    void archived(int i, const ArchiveMessage &m)
    {
        if (m.route != u"INBOUND"_s)
            return;
        const Person &user = m.to.first();
        if (const QString link = archiveLink(m); !link.isEmpty() && rng.bounded(2u) == 0)
            click(i, user, link, m.receivedMs + qint64(1 + rng.bounded(600u)) * kMinuteMs, false,
                  false);
        if (!m.attachments.isEmpty() && rng.bounded(2u) == 0)
            for (const auto &a : m.attachments)
                attachment(i, user, a, m.receivedMs + 1500,
                           rng.bounded(40u) == 0 ? u"timeout"_s : u"safe"_s, u"none"_s);
        if (rng.bounded(30u) == 0)
            impersonation(i, user, m.receivedMs + 1000, false);
    }
};

void newestFirst(QVector<ThreatLog> *logs)
{
    std::stable_sort(logs->begin(), logs->end(),
                     [](const auto &a, const auto &b) { return a.timeMs > b.timeMs; });
}
} // namespace

void buildThreatLogs(SimData *data, qint64 nowMs)
{
    Builder b{data, TrackingView(*data, nowMs), QRandomGenerator(data->seed ^ 0x77a9u), nowMs};
    for (int i = 0; i < data->tracked.size(); ++i) {
        const TrackedMessage &t = data->tracked[i];
        if (t.kind == TrackedMessage::Kind::Archived)
            b.archived(i, data->archive[t.source]);
        else if (t.kind == TrackedMessage::Kind::Copy)
            b.copy(i, data->held[t.source]);
        else if (t.campaign)
            b.heldCampaign(i, data->held[t.source]);
    }
    newestFirst(&data->clickLogs);
    newestFirst(&data->attachmentLogs);
    newestFirst(&data->impersonationLogs);
}

void seedManagedUrls(SimData *data)
{
    struct Seed
    {
        const char16_t *url, *action, *match, *comment;
    };
    static const Seed seeds[] = {
        {u"https://login.microsoft-verify.example/", u"block", u"domain",
         u"INC-1988 credential phish"},
        {u"https://docusign-review.example/envelope", u"block", u"explicit", u"Fake DocuSign lure"},
        {u"http://invoice-portal.example/pay", u"block", u"explicit", u""},
        {u"https://partner.contoso.example/", u"permit", u"domain", u"Partner portal (CHG-311)"},
        {u"https://status.demo.example/", u"permit", u"domain", u""},
    };
    for (const auto &s : seeds) {
        const QUrl url(QString::fromUtf16(s.url));
        ManagedUrl entry;
        entry.id = makeOpaqueId(u"wOi3"_s, data->seed, u"managed-url"_s,
                                quint64(data->managedUrls.size()));
        entry.scheme = url.scheme();
        entry.domain = url.host();
        entry.port = url.port();
        entry.path = url.path();
        entry.queryString = url.query();
        entry.action = QString::fromUtf16(s.action);
        entry.matchType = QString::fromUtf16(s.match);
        entry.comment = QString::fromUtf16(s.comment);
        data->managedUrls.append(entry);
    }
}

QJsonObject managedUrlJson(const ManagedUrl &entry)
{
    return {{u"id"_s, entry.id},
            {u"scheme"_s, entry.scheme},
            {u"domain"_s, entry.domain},
            {u"port"_s, entry.port},
            {u"path"_s, entry.path},
            {u"queryString"_s, entry.queryString},
            {u"matchType"_s, entry.matchType},
            {u"action"_s, entry.action},
            {u"comment"_s, entry.comment},
            {u"disableLogClick"_s, entry.disableLogClick},
            {u"disableRewrite"_s, entry.disableRewrite},
            {u"disableUserAwareness"_s, entry.disableUserAwareness}};
}

} // namespace mcdesk::sim
