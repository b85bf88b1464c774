#include "core/threats/threatoperations.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mcdesk::threats {

namespace {

constexpr int kPageSize = 100; // clients use 100–500 (reference §1); small pages show rows sooner

QString logPath(ThreatLog log)
{
    switch (log) {
    case ThreatLog::UrlClicks:
        return u"/api/ttp/url/get-logs"_s;
    case ThreatLog::Attachments:
        return u"/api/ttp/attachment/get-logs"_s;
    case ThreatLog::Impersonation:
        break;
    }
    return u"/api/ttp/impersonation/get-logs"_s;
}

QString listKey(ThreatLog log)
{
    switch (log) {
    case ThreatLog::UrlClicks:
        return u"clickLogs"_s;
    case ThreatLog::Attachments:
        return u"attachmentLogs"_s;
    case ThreatLog::Impersonation:
        break;
    }
    return u"impersonationLogs"_s;
}

bool sameMessageId(const QString &a, const QString &wanted)
{
    if (wanted.isEmpty())
        return true;
    QString x = a.trimmed();
    if (!x.startsWith(u'<'))
        x = u'<' + x + u'>';
    return x.compare(wanted, Qt::CaseInsensitive) == 0;
}

bool urlMatches(const QString &url, const QString &wanted)
{
    return wanted.isEmpty() || url.contains(wanted, Qt::CaseInsensitive);
}

// A single write's outcome from a reply to one item: refused by fail[], or done.
api::ItemOutcome oneItemOutcome(const QString &key, const api::ApiReply &reply)
{
    const QList<api::ItemFailure> failures = api::parseFailures(reply.fail);
    if (!failures.isEmpty()) {
        const api::ItemFailure &f = failures.first();
        return {key, api::ItemOutcome::Status::Failed, f.code,
                f.field.isEmpty() ? f.message : f.field + u": "_s + f.message, f.key};
    }
    return {key, api::ItemOutcome::Status::Done, {}, {}, reply.data.at(0).toObject()};
}

} // namespace

GetThreatLogs::GetThreatLogs(api::ApiClient *client, const ThreatLogQuery &query, QObject *parent)
    : PagedCall(
          client, logPath(query.log), QJsonArray{query.toData()},
          query.filtersRows() ? ThreatLogQuery::kMaxScanned : query.limit, kPageSize,
          [log = query.log](const api::ApiReply &reply) {
              const QJsonValue list = reply.data.at(0).toObject().value(listKey(log));
              // The 1.0 page types the list as an object; every sample is an array (§3.1).
              return list.isObject() ? QJsonArray{list} : list.toArray();
          },
          parent)
    , m_query(query)
{
    connect(this, &api::PagedCall::itemsArrived, this, [this](const QJsonArray &items) {
        int matching = 0;
        const QString &id = m_query.messageId;
        const QString &url = m_query.urlContains;
        for (const QJsonValue &v : items) {
            if (m_rows.size() >= m_query.limit)
                break;
            const QJsonObject o = v.toObject();
            switch (m_query.log) {
            case ThreatLog::UrlClicks: {
                ClickLog c = ClickLog::fromJson(o);
                if (sameMessageId(c.messageId, id) && urlMatches(c.url, url)) {
                    m_rows.clicks.append(std::move(c));
                    ++matching;
                }
                break;
            }
            case ThreatLog::Attachments: {
                AttachmentLog a = AttachmentLog::fromJson(o);
                if (sameMessageId(a.messageId, id) && url.isEmpty()) {
                    m_rows.attachments.append(std::move(a));
                    ++matching;
                }
                break;
            }
            case ThreatLog::Impersonation: {
                ImpersonationLog i = ImpersonationLog::fromJson(o);
                if (sameMessageId(i.messageId, id) && url.isEmpty()) {
                    m_rows.impersonations.append(std::move(i));
                    ++matching;
                }
                break;
            }
            }
        }
        if (m_rows.size() >= m_query.limit)
            markEnough();
        emit pageArrived(matching, fetched());
    });
}

bool GetThreatLogs::cutShort() const
{
    return stoppedWithMore();
}

ListManagedUrls::ListManagedUrls(api::ApiClient *client, QString domainOrUrl, QObject *parent)
    : SingleCall(client, u"/api/ttp/url/get-all-managed-urls"_s, api::CallKind::Read, parent)
    , m_filter(std::move(domainOrUrl))
{}

QJsonObject ListManagedUrls::body() const
{
    if (m_filter.trimmed().isEmpty())
        return {{u"data"_s, QJsonArray{}}}; // everything (XSOAR sends exactly this)
    return {{u"data"_s, QJsonArray{QJsonObject{{u"domainOrUrl"_s, m_filter.trimmed()},
                                               {u"exactMatch"_s, false}}}}};
}

void ListManagedUrls::parse(const api::ApiReply &reply)
{
    if (reply.error.isError())
        return;
    for (const QJsonValue &v : reply.data) {
        if (m_entries.size() >= kMaxEntries) {
            m_cutShort = true;
            break;
        }
        ManagedUrl m = ManagedUrl::fromJson(v.toObject());
        if (!m.id.isEmpty()) // without an id it cannot be deleted: not an entry we can show
            m_entries.append(std::move(m));
    }
}

CreateManagedUrls::CreateManagedUrls(api::ApiClient *client, const QList<ManagedUrl> &entries,
                                     QObject *parent)
    : BatchWrite(
          client, u"/api/ttp/url/create-managed-url"_s,
          [&entries] {
              QStringList keys;
              for (const ManagedUrl &e : entries)
                  keys.append(e.key());
              return keys;
          }(),
          1, parent)
{}

QJsonArray CreateManagedUrls::dataFor(const QStringList &batch) const
{
    QJsonArray data;
    for (const QString &key : batch)
        data.append(ManagedUrl::fromKey(key).toData());
    return data;
}

QList<api::ItemOutcome> CreateManagedUrls::interpret(const QStringList &batch,
                                                     const api::ApiReply &reply) const
{
    if (reply.error.isError() && reply.error.kind != api::ApiError::Kind::Refused)
        return BatchWrite::interpret(batch, reply);
    api::ItemOutcome o = oneItemOutcome(batch.first(), reply);
    if (o.status == api::ItemOutcome::Status::Done && o.detail.value(u"id"_s).toString().isEmpty())
        o = {batch.first(),
             api::ItemOutcome::Status::Unknown,
             u"mcdesk_not_in_reply"_s,
             u"Mimecast's reply did not include the entry it created; refresh the managed URLs "
             u"to see whether it is there."_s,
             {}};
    return {o};
}

DeleteManagedUrls::DeleteManagedUrls(api::ApiClient *client, const QStringList &ids,
                                     QObject *parent)
    : BatchWrite(client, u"/api/ttp/url/delete-managed-url"_s, ids, 1, parent)
{}

QJsonArray DeleteManagedUrls::dataFor(const QStringList &batch) const
{
    QJsonArray data;
    for (const QString &id : batch)
        data.append(QJsonObject{{u"id"_s, id}});
    return data;
}

QList<api::ItemOutcome> DeleteManagedUrls::interpret(const QStringList &batch,
                                                     const api::ApiReply &reply) const
{
    if (reply.error.isError() && reply.error.kind != api::ApiError::Kind::Refused)
        return BatchWrite::interpret(batch, reply);
    // Success is an empty data[] and fail[] (§5.3): with one id a request, no failure is done.
    api::ItemOutcome o = oneItemOutcome(batch.first(), reply);
    o.detail = {{u"id"_s, batch.first()}};
    return {o};
}

DecodeUrls::DecodeUrls(api::ApiClient *client, QStringList urls, QObject *parent)
    : SingleCall(client, u"/api/ttp/url/decode-url"_s, api::CallKind::Read, parent)
    , m_urls(std::move(urls))
{}

QJsonObject DecodeUrls::body() const
{
    QJsonArray data;
    for (const QString &url : m_urls)
        data.append(QJsonObject{{u"url"_s, url}});
    return {{u"data"_s, data}};
}

void DecodeUrls::parse(const api::ApiReply &reply)
{
    if (reply.error.isError() && reply.error.kind != api::ApiError::Kind::Refused)
        return;
    // data[i] answers the i-th link decoded; fail[] names the others by their key.
    const QList<api::ItemFailure> failures = api::parseFailures(reply.fail);
    QHash<QString, QString> why;
    for (const api::ItemFailure &f : failures)
        if (f.key.contains(u"url"_s))
            why.insert(f.key.value(u"url"_s).toString(), f.message.isEmpty() ? f.code : f.message);
    if (why.isEmpty() && reply.data.isEmpty())
        return; // refused as a whole (no link named): the call's error says why
    qsizetype next = 0;
    for (const QString &url : std::as_const(m_urls)) {
        DecodedUrl d{url, {}, {}};
        if (why.contains(url)) {
            d.error = why.value(url);
        } else if (next < reply.data.size()) {
            const QJsonObject o = reply.data.at(next++).toObject();
            // XSOAR treats a missing url as failure (§5.4); so do we, and an explicit false.
            if (o.value(u"success"_s).toBool(true) && !o.value(u"url"_s).toString().isEmpty())
                d.original = o.value(u"url"_s).toString();
            else
                d.error = u"Mimecast could not decode this link."_s;
        } else {
            d.error = u"Mimecast's reply did not answer this link."_s;
        }
        m_results.append(d);
    }
    m_error = {}; // per-link failures are in the results, not the call's error
}

} // namespace mcdesk::threats
