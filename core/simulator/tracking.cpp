#include "core/simulator/tracking.h"

#include "core/simulator/datapools.h"
#include "core/simulator/endpoints.h"
#include "core/simulator/urlrewrite.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kTrackingSpanMs = 30 * kDayMs; // Message Finder looks back 30 days

quint64 splitMix(quint64 *state)
{
    quint64 z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// Long, url-safe and opaque like Mimecast's (eNpN…), but without a SHA per row: hashing
// 23,000 ids the way makeOpaqueId does would add a third to generateData.
QString trackingId(quint32 seed, int row)
{
    quint64 state = (quint64(seed) << 32) ^ quint64(row) ^ 0x747261636b6564ULL;
    char bytes[32];
    for (int i = 0; i < 4; ++i) {
        const quint64 word = splitMix(&state);
        std::memcpy(bytes + 8 * i, &word, 8);
    }
    return u"eNpN"_s + QString::fromLatin1(QByteArray(bytes, sizeof(bytes))
                                               .toBase64(QByteArray::Base64UrlEncoding |
                                                         QByteArray::OmitTrailingEquals));
}

// Appends the copies of a campaign: distinct internal users other than the held recipient,
// delivered in the minutes before the policy held one.
void addCopies(const HeldMessage &m, int heldIndex, QRandomGenerator *rng,
               QVector<TrackedMessage> *rows)
{
    const auto &users = pools::internalUsers();
    const int count = 3 + int(rng->bounded(6u));
    int next = int(rng->bounded(quint32(users.size())));
    qint64 receivedMs = m.receivedMs;
    for (int added = 0; added < count && added < users.size() - 1; ++next) {
        const int user = next % int(users.size());
        if (users[user].email == m.to.email)
            continue;
        receivedMs -= qint64(20 + rng->bounded(100u)) * 1000;
        TrackedMessage copy;
        copy.kind = TrackedMessage::Kind::Copy;
        copy.source = heldIndex;
        copy.recipient = user;
        copy.receivedMs = receivedMs;
        copy.campaign = true;
        rows->append(copy);
        ++added;
    }
}
} // namespace

void buildTracking(SimData *data, qint64 nowMs)
{
    QVector<TrackedMessage> &rows = data->tracked;
    rows.reserve(data->archive.size() + data->held.size() * 2);
    const qint64 oldest = nowMs - kTrackingSpanMs;
    for (int a = 0; a < data->archive.size(); ++a) {
        if (data->archive[a].receivedMs < oldest)
            continue;
        TrackedMessage t;
        t.source = a;
        t.receivedMs = data->archive[a].receivedMs;
        rows.append(t);
    }
    QRandomGenerator rng(data->seed ^ 0x7ac4e0u); // its own: the seeded rows stay as they were
    for (int h = 0; h < data->held.size(); ++h) {
        const HeldMessage &m = data->held[h];
        TrackedMessage t;
        t.kind = TrackedMessage::Kind::Held;
        t.source = h;
        t.receivedMs = m.receivedMs;
        t.campaign = isCampaign(m);
        rows.append(t);
        if (t.campaign)
            addCopies(m, h, &rng, &rows);
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto &a, const auto &b) { return a.receivedMs > b.receivedMs; });
    data->trackedIndex.reserve(rows.size());
    data->trackedByMessageId.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        TrackedMessage &t = rows[i];
        t.id = trackingId(data->seed, i);
        data->trackedIndex.insert(t.id, i);
        const QString &messageId = t.kind == TrackedMessage::Kind::Archived
                                       ? data->archive[t.source].messageId
                                       : data->held[t.source].messageId;
        data->trackedByMessageId.insert(messageIdKey(messageId), i);
    }
}

QString messageIdKey(const QString &text)
{
    QStringView bare = QStringView(text).trimmed();
    if (bare.startsWith(u'<') && bare.endsWith(u'>') && bare.size() >= 2)
        bare = bare.mid(1, bare.size() - 2);
    return u'<' + bare.toString().toLower() + u'>';
}

quint32 stableHash(const QString &text)
{
    quint32 h = 2166136261u; // FNV-1a over the UTF-16 units
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return h;
}

bool isCampaign(const HeldMessage &m)
{
    const QString &code = holdReasons().at(m.reason).reasonCode;
    return m.route == u"INBOUND"_s &&
           (code.contains(u"impersonation"_s) || code.contains(u"targeted_threat"_s));
}

QString archiveLink(const ArchiveMessage &m)
{
    if (m.route != u"INBOUND"_s || stableHash(m.id) % 4 != 0)
        return {};
    return u"https://www.%1/news/%2"_s.arg(m.from.email.section(u'@', 1))
        .arg(stableHash(m.id) % 9973);
}

QString heldBody(const HeldMessage &m)
{
    QString text = bodyPreviewFor(m.id);
    if (isCampaign(m)) {
        const QString url = campaignUrl(m);
        // The original first: clients (and tests) that take the first link get the real one.
        text +=
            u"\n\nConfirm your account now: "_s + url + u"\nProtected link: "_s + rewrittenUrl(url);
    }
    return text;
}

QString campaignUrl(const HeldMessage &m)
{
    return u"https://login.%1/verify?id=%2"_s.arg(m.from.email.section(u'@', 1))
        .arg(stableHash(m.id), 8, 16, QLatin1Char('0'));
}

TrackingView::TrackingView(const SimData &data, qint64 nowMs)
    : m_data(data)
    , m_nowMs(nowMs)
{}

const Person &TrackingView::fromEnvelope(int i) const
{
    return isHeld(i) ? heldSource(i).from : archiveSource(i).from;
}

const Person &TrackingView::fromHeader(int i) const
{
    return isHeld(i) ? heldSource(i).fromHeader : archiveSource(i).from;
}

QList<Person> TrackingView::recipients(int i) const
{
    switch (row(i).kind) {
    case TrackedMessage::Kind::Archived:
        return archiveSource(i).to;
    case TrackedMessage::Kind::Held:
        return {heldSource(i).to};
    case TrackedMessage::Kind::Copy:
        break;
    }
    return {pools::internalUsers().at(row(i).recipient)};
}

const QString &TrackingView::subject(int i) const
{
    return isHeld(i) ? heldSource(i).subject : archiveSource(i).subject;
}

QString TrackingView::route(int i) const
{
    return (isHeld(i) ? heldSource(i).route : archiveSource(i).route).toLower();
}

QString TrackingView::senderIp(int i) const
{
    if (isHeld(i))
        return heldSource(i).senderIp;
    // Archive rows carry no IP: derive one, external for inbound mail, ours otherwise.
    const ArchiveMessage &m = archiveSource(i);
    const quint32 h = stableHash(m.id);
    return m.route == u"INBOUND"_s ? u"203.0.113.%1"_s.arg(1 + h % 254)
                                   : u"192.0.2.%1"_s.arg(10 + h % 20);
}

const QString &TrackingView::messageId(int i) const
{
    return isHeld(i) ? heldSource(i).messageId : archiveSource(i).messageId;
}

const QList<Attachment> &TrackingView::attachments(int i) const
{
    return isHeld(i) ? heldSource(i).attachments : archiveSource(i).attachments;
}

qint64 TrackingView::size(int i) const
{
    return isHeld(i) ? heldSource(i).size : archiveSource(i).size;
}

QString TrackingView::body(int i) const
{
    if (!isHeld(i))
        return archiveSource(i).body;
    return heldBody(heldSource(i));
}

bool TrackingView::phish(int i) const
{
    return row(i).campaign;
}

int TrackingView::spamScore(int i) const
{
    const quint32 h = stableHash(row(i).id);
    if (row(i).kind == TrackedMessage::Kind::Held) {
        const QString &code = holdReasons().at(heldSource(i).reason).reasonCode;
        if (code.contains(u"spam"_s) || code.contains(u"graymail"_s))
            return 12 + int(h % 9);
    }
    return phish(i) ? 4 : int(h % 4);
}

QString TrackingView::detectionLevel(int i) const
{
    if (route(i) != u"inbound"_s)
        return {}; // only inbound mail is spam-scanned
    static const QStringList levels = {u"relaxed"_s, u"relaxed"_s, u"moderate"_s, u"aggressive"_s};
    return levels.at(int(stableHash(row(i).id) % levels.size()));
}

const ReleaseLogEntry *TrackingView::handling(int heldIndex) const
{
    if (!m_handlingBuilt) {
        for (int e = 0; e < m_data.releaseLog.size(); ++e)
            m_handling.insert(m_data.releaseLog[e].heldIndex, e);
        m_handlingBuilt = true;
    }
    const auto found = m_handling.constFind(heldIndex);
    return found == m_handling.cend() ? nullptr : &m_data.releaseLog[*found];
}

QString TrackingView::status(int i) const
{
    if (row(i).kind != TrackedMessage::Kind::Held)
        return u"archived"_s;
    if (!heldSource(i).handled)
        return u"held"_s;
    const ReleaseLogEntry *entry = handling(row(i).source);
    if (entry && entry->action == u"reject"_s)
        return u"rejected"_s;
    return entry && entry->action == u"release_to_sandbox"_s ? u"delivery"_s : u"archived"_s;
}

QString TrackingView::info(int i) const
{
    if (removed(i))
        return u"Removed by Threat Remediation %1"_s.arg(m_data.incidents[row(i).incident].code);
    switch (row(i).kind) {
    case TrackedMessage::Kind::Archived:
        return u"Indexed and archived"_s;
    case TrackedMessage::Kind::Copy:
        return u"Delivered"_s;
    case TrackedMessage::Kind::Held:
        break;
    }
    const QString s = status(i);
    if (s == u"held"_s)
        return holdReasons().at(heldSource(i).reason).reason;
    if (s == u"rejected"_s)
        return u"Rejected by an administrator"_s;
    return s == u"delivery"_s ? u"Released to the sandbox, delivery in progress"_s
                              : u"Released by an administrator and archived"_s;
}

bool TrackingView::delivered(int i) const
{
    const QString s = status(i);
    return s == u"archived"_s || s == u"delivery"_s;
}

bool TrackingView::removed(int i) const
{
    const TrackedMessage &t = row(i);
    return t.incident >= 0 && !t.removalFails && m_nowMs >= t.settledMs;
}

} // namespace mcdesk::sim
