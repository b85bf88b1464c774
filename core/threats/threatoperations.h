#pragma once

#include "core/api/batchwrite.h"
#include "core/api/pagedcall.h"
#include "core/api/singlecall.h"
#include "core/threats/managedurl.h"
#include "core/threats/threatlogs.h"

namespace mcdesk::threats {

// /api/ttp/url/get-logs, /api/ttp/attachment/get-logs, /api/ttp/impersonation/get-logs: one
// operation for the three, as they share paging and filters (§3). Rows are filtered by the
// query's URL and Message-ID as they arrive; reading stops at `limit` matching rows, or at
// kMaxScanned rows read when filtering.
class GetThreatLogs : public api::PagedCall
{
    Q_OBJECT
public:
    GetThreatLogs(api::ApiClient *client, const ThreatLogQuery &query, QObject *parent = nullptr);
    const ThreatLogRows &rows() const { return m_rows; }
    const ThreatLogQuery &query() const { return m_query; }
    // Rows read (before the URL / Message-ID filter).
    int scanned() const { return fetched(); }
    // The read stopped at the limit (or the scan bound) with more on the server.
    bool cutShort() const;

signals:
    // The matching rows of one page, and how many rows have been read so far.
    void pageArrived(int matching, int scanned);

private:
    ThreatLogQuery m_query;
    ThreatLogRows m_rows;
};

// /api/ttp/url/get-all-managed-urls: everything, or those whose domain or URL contains
// `domainOrUrl`. No paging is documented; at most kMaxEntries are kept.
class ListManagedUrls : public api::SingleCall
{
    Q_OBJECT
public:
    static constexpr int kMaxEntries = 50000;
    ListManagedUrls(api::ApiClient *client, QString domainOrUrl = {}, QObject *parent = nullptr);
    const QList<ManagedUrl> &entries() const { return m_entries; }
    bool cutShort() const { return m_cutShort; }

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    QString m_filter;
    QList<ManagedUrl> m_entries;
    bool m_cutShort = false;
};

// /api/ttp/url/create-managed-url: one entry a request (every documented sample sends one; a
// write is never retried). Keys are ManagedUrl::key(); the created entry is the outcome's
// detail.
class CreateManagedUrls : public api::BatchWrite
{
    Q_OBJECT
public:
    CreateManagedUrls(api::ApiClient *client, const QList<ManagedUrl> &entries,
                      QObject *parent = nullptr);

protected:
    QJsonArray dataFor(const QStringList &batch) const override;
    QList<api::ItemOutcome> interpret(const QStringList &batch,
                                      const api::ApiReply &reply) const override;
};

// /api/ttp/url/delete-managed-url: one id a request. Keys are the ids.
class DeleteManagedUrls : public api::BatchWrite
{
    Q_OBJECT
public:
    DeleteManagedUrls(api::ApiClient *client, const QStringList &ids, QObject *parent = nullptr);

protected:
    QJsonArray dataFor(const QStringList &batch) const override;
    QList<api::ItemOutcome> interpret(const QStringList &batch,
                                      const api::ApiReply &reply) const override;
};

// /api/ttp/url/decode-url: 1 to 25 links a call (a read: nothing changes).
class DecodeUrls : public api::SingleCall
{
    Q_OBJECT
public:
    static constexpr int kPerCall = 25;
    DecodeUrls(api::ApiClient *client, QStringList urls, QObject *parent = nullptr);
    const QList<DecodedUrl> &results() const { return m_results; }

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    QStringList m_urls;
    QList<DecodedUrl> m_results;
};

} // namespace mcdesk::threats
