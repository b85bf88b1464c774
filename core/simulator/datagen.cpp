#include "core/simulator/datapools.h"
#include "core/simulator/envelope.h"
#include "core/simulator/incidents.h"
#include "core/simulator/simdata.h"
#include "core/simulator/tracking.h"
#include "core/simulator/ttplogs.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kHeldSpanMs = 14 * kDayMs;    // held messages expire after 14 days
constexpr qint64 kArchiveSpanMs = 28 * kDayMs; // so "last month" covers the whole archive

// Relative frequency of each hold reason; spam dominates as it does in a real queue.
const int kReasonWeights[] = {30, 12, 6, 5, 8, 7, 14, 4, 14};

HoldReason reason(const QString &text, const QString &policy)
{
    QString code = text.toLower();
    code.replace(u" - "_s, u"_"_s).replace(u' ', u'_');
    return {text, code, policy};
}

class Generator
{
public:
    explicit Generator(quint32 seed)
        : m_rng(seed)
    {}

    int below(int n) { return int(m_rng.bounded(quint32(n))); }
    bool chance(int percent) { return below(100) < percent; }
    template<typename T> const T &pick(const QVector<T> &list)
    {
        return list.at(below(int(list.size())));
    }
    QString pick(const QStringList &list) { return list.at(below(int(list.size()))); }
    QString fill(QString text) { return text.replace(u"{n}"_s, QString::number(1 + below(9999))); }

    int pickReason()
    {
        int total = 0;
        for (int w : kReasonWeights)
            total += w;
        int roll = below(total);
        for (int i = 0; i < int(std::size(kReasonWeights)); ++i) {
            if (roll < kReasonWeights[i])
                return i;
            roll -= kReasonWeights[i];
        }
        return 0;
    }

    Attachment attachment(const QString &ownerId, int index, int templateIndex = -1)
    {
        const auto &templates = pools::attachmentTemplates();
        Attachment a = templateIndex >= 0 ? templates.at(templateIndex) : pick(templates);
        a.filename = fill(a.filename);
        a.size = 2000 + below(3'000'000);
        a.sha256 =
            QString::fromLatin1(QCryptographicHash::hash(
                                    (ownerId + u'/' + QString::number(index) + a.filename).toUtf8(),
                                    QCryptographicHash::Sha256)
                                    .toHex());
        return a;
    }

    QString ip() { return u"203.0.113.%1"_s.arg(1 + below(254)); }

private:
    QRandomGenerator m_rng;
};

QString lc(const Person &p)
{
    return (p.email + u' ' + p.name).toLower();
}

HeldMessage makeHeld(Generator &g, quint32 seed, int index, qint64 nowMs)
{
    HeldMessage m;
    m.id = makeOpaqueId(u"eNp"_s, seed, u"held"_s, quint64(index));
    m.receivedMs = nowMs - qint64(g.below(int(kHeldSpanMs / 1000))) * 1000 - 1000;
    m.reason = g.pickReason();
    const QString code = holdReasons().at(m.reason).reasonCode;
    const bool outboundReason = code.contains(u"content_examination"_s);
    const int routeRoll = g.below(100);
    if (outboundReason && routeRoll < 80)
        m.route = u"OUTBOUND"_s;
    else
        m.route = routeRoll < 90 ? u"INBOUND"_s : u"INTERNAL"_s;
    if (m.route == u"INBOUND"_s) {
        m.from = g.pick(pools::externalSenders());
        m.to = g.pick(pools::internalUsers());
    } else if (m.route == u"OUTBOUND"_s) {
        m.from = g.pick(pools::internalUsers());
        m.to = g.pick(pools::externalSenders());
    } else {
        m.from = g.pick(pools::internalUsers());
        m.to = g.pick(pools::internalUsers());
    }
    m.fromHeader = m.from;
    // Some inbound mail comes through shared sending services whose envelope sender is a
    // per-message bounce address (the permit trap the held queue warns about). Chosen by index,
    // not drawn, so the rest of the generated queue stays as it was.
    if (m.route == u"INBOUND"_s && index % 10 == 7) {
        const QString token = QString::number(quint64(seed) * 1000003ULL + quint64(index), 16);
        m.from.email = (index / 10) % 2 == 0
                           ? u"0100018c%1-5f2a-000000@amazonses.com"_s.arg(token)
                           : u"bounces+%1-ab12-%2=demo.example@em4711.sendgrid.net"_s.arg(
                                 token, m.to.email.section(u'@', 0, 0));
    }
    if (code.contains(u"impersonation"_s))
        m.fromHeader = {u"ceo.office@demo-example.co"_s, u"Margaret Lane (CEO)"_s};
    m.toHeader = m.to;
    m.subject = g.fill(g.pick(pools::subjects()));
    m.senderIp = g.ip();
    m.messageId = u"<%1@mail.example>"_s.arg(m.id.right(12));
    const bool attachmentReason = code.contains(u"attachment"_s);
    const int attachments = attachmentReason ? 1 + g.below(2) : (g.chance(30) ? 1 : 0);
    for (int i = 0; i < attachments; ++i)
        m.attachments << g.attachment(m.id, i, attachmentReason && i == 0 ? 4 : -1);
    m.size = 1500 + g.below(60000);
    for (const auto &a : m.attachments)
        m.size += a.size;
    m.lcSubject = m.subject.toLower();
    m.lcSender = lc(m.from) + u' ' + lc(m.fromHeader);
    m.lcRecipient = lc(m.to) + u' ' + lc(m.toHeader);
    return m;
}

ArchiveMessage makeArchived(Generator &g, quint32 seed, int index, qint64 nowMs)
{
    ArchiveMessage m;
    m.id = makeOpaqueId(u"eNo"_s, seed, u"archive"_s, quint64(index));
    m.receivedMs = nowMs - qint64(g.below(int(kArchiveSpanMs / 1000))) * 1000 - 1000;
    const int routeRoll = g.below(100);
    m.route = routeRoll < 60 ? u"INBOUND"_s : (routeRoll < 85 ? u"OUTBOUND"_s : u"INTERNAL"_s);
    const bool fromInside = m.route != u"INBOUND"_s;
    const bool toInside = m.route != u"OUTBOUND"_s;
    m.from = g.pick(fromInside ? pools::internalUsers() : pools::externalSenders());
    const int recipients = 1 + (g.chance(25) ? 1 + g.below(2) : 0);
    for (int i = 0; i < recipients; ++i)
        m.to << g.pick(toInside ? pools::internalUsers() : pools::externalSenders());
    m.subject = g.fill(g.pick(pools::subjects()));
    m.body = u"Hello %1,\n\n%2\n\nKind regards,\n%3"_s.arg(m.to.first().name,
                                                           g.pick(pools::bodyLines()), m.from.name);
    m.messageId = u"<%1.%2@%3>"_s.arg(index).arg(seed).arg(m.from.email.section(u'@', 1));
    if (const QString link = archiveLink(m); !link.isEmpty())
        m.body += u"\n\nRead more: "_s + link;
    if (g.chance(35)) {
        const int count = 1 + g.below(2);
        for (int i = 0; i < count; ++i)
            m.attachments << g.attachment(m.id, i);
    }
    m.size = 1200 + g.below(40000);
    for (const auto &a : m.attachments)
        m.size += a.size;
    m.lcSubject = m.subject.toLower();
    m.lcBody = m.body.toLower();
    m.lcFrom = lc(m.from);
    for (const auto &p : m.to)
        m.lcTo += lc(p) + u' ';
    return m;
}

QJsonObject makePolicy(Generator &g, const QString &id, qint64 nowMs)
{
    const Person sender = g.pick(pools::externalSenders());
    const bool byDomain = g.chance(50);
    const QString domain = sender.email.section(u'@', 1);
    QJsonObject from{{u"type"_s, byDomain ? u"email_domain"_s : u"email_address"_s}};
    from.insert(byDomain ? u"emailDomain"_s : u"emailAddress"_s, byDomain ? domain : sender.email);
    const QString created = isoDate(nowMs - qint64(1 + g.below(300)) * kDayMs);
    const QJsonObject policy{
        {u"description"_s, u"Block %1"_s.arg(byDomain ? domain : sender.email)},
        {u"fromPart"_s, u"both"_s},
        {u"from"_s, from},
        {u"to"_s, QJsonObject{{u"type"_s, u"everyone"_s}}},
        {u"fromType"_s, from.value(u"type"_s)},
        {u"toType"_s, u"everyone"_s},
        {u"fromEternal"_s, true},
        {u"toEternal"_s, true},
        {u"fromDate"_s, u"1900-01-01T00:00:00+0000"_s},
        {u"toDate"_s, u"2100-01-01T23:59:59+0000"_s},
        {u"override"_s, false},
        {u"bidirectional"_s, false},
        {u"conditions"_s, QJsonObject{}},
        {u"enabled"_s, true},
        {u"enforced"_s, false},
        {u"createTime"_s, created},
        {u"lastUpdated"_s, created},
    };
    return {{u"id"_s, id},
            {u"option"_s, g.chance(85) ? u"block_sender"_s : u"no_action"_s},
            {u"policy"_s, policy}};
}
} // namespace

const QVector<HoldReason> &holdReasons()
{
    static const QVector<HoldReason> reasons = {
        reason(u"Message Hold Applied - Spam Signature policy"_s,
               u"Default Spam Scanning Definition"_s),
        reason(u"Message Hold Applied - Attachment Management policy"_s,
               u"Hold Executable Attachments"_s),
        reason(u"Message Hold Applied - Content Examination policy"_s,
               u"DLP - Payment Card Numbers"_s),
        reason(u"Message Hold Applied - Content Examination policy"_s,
               u"Outbound Confidential Keywords"_s),
        reason(u"Message Hold Applied - Impersonation Protection policy"_s,
               u"Impersonation Protect - Executives"_s),
        reason(u"Message Hold Applied - Targeted Threat Protection Attachment policy"_s,
               u"TTP Attachment Protection - Safe File"_s),
        reason(u"Message Hold Applied - Spam Signature policy"_s, u"Relaxed Spam Detection"_s),
        reason(u"Message Hold Applied - Geographical Restriction policy"_s,
               u"Block High Risk Countries"_s),
        reason(u"Message Hold Applied - Graymail policy"_s, u"Bulk Mail Hold"_s),
    };
    return reasons;
}

QString makeOpaqueId(const QString &prefix, quint32 seed, const QString &kind, quint64 index)
{
    // Looks like Mimecast's compressed secure ids (eNp…/eNo…); url-safe, long, opaque.
    const QByteArray material = u"%1:%2:%3"_s.arg(seed).arg(kind).arg(index).toUtf8();
    const QByteArray a = QCryptographicHash::hash(material, QCryptographicHash::Sha256);
    const QByteArray b =
        QCryptographicHash::hash(QByteArray(a + material), QCryptographicHash::Sha1);
    return prefix + QString::fromLatin1(QByteArray(a + b).toBase64(QByteArray::Base64UrlEncoding |
                                                                   QByteArray::OmitTrailingEquals));
}

QString SimData::mintId(const QString &kind)
{
    // A kind of its own, so a minted id never equals a seeded one of the same index.
    return makeOpaqueId(u"eNp"_s, seed, kind + u"/minted"_s, nextId++);
}

QString demoDomain()
{
    return u"demo.example"_s;
}

SimData generateData(const SimConfig &config, qint64 nowMs)
{
    SimData data;
    data.seed = config.seed;
    Generator g(config.seed);
    data.held.reserve(std::max(0, config.heldCount));
    for (int i = 0; i < config.heldCount; ++i)
        data.held.append(makeHeld(g, config.seed, i, nowMs));
    std::stable_sort(data.held.begin(), data.held.end(),
                     [](const auto &a, const auto &b) { return a.receivedMs > b.receivedMs; });
    for (int i = 0; i < data.held.size(); ++i)
        data.heldIndex.insert(data.held[i].id, i);
    data.liveHeld = int(data.held.size());

    data.archive.reserve(std::max(0, config.archiveCount));
    for (int i = 0; i < config.archiveCount; ++i)
        data.archive.append(makeArchived(g, config.seed, i, nowMs));
    std::stable_sort(data.archive.begin(), data.archive.end(),
                     [](const auto &a, const auto &b) { return a.receivedMs > b.receivedMs; });
    for (int i = 0; i < data.archive.size(); ++i)
        data.archiveIndex.insert(data.archive[i].id, i);

    for (int i = 0; i < config.policyCount; ++i)
        data.policies.append(
            makePolicy(g, makeOpaqueId(u"eNp"_s, config.seed, u"policy"_s, quint64(i)), nowMs));
    // Last, with generators of their own: the rows above stay what they were before these.
    buildTracking(&data, nowMs);
    seedIncidents(&data, nowMs);
    buildThreatLogs(&data, nowMs);
    seedManagedUrls(&data);
    return data;
}

} // namespace mcdesk::sim
