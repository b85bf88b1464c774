#pragma once

#include "core/api/pagedcall.h"
#include "core/api/singlecall.h"
#include "core/respond/remediation.h"
#include "core/respond/trackedmessage.h"
#include "core/respond/trackingquery.h"

namespace mcdesk::respond {

// /api/message-finder/search: one request, no paging (none is documented; narrow the search).
class TrackMessages : public api::SingleCall
{
    Q_OBJECT
public:
    TrackMessages(api::ApiClient *client, TrackingQuery query, int limit,
                  QObject *parent = nullptr);
    const QList<TrackedMessage> &messages() const { return m_messages; }
    // The server found more than the limit; only the first `limit` are kept.
    bool cutShort() const { return m_cutShort; }

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    TrackingQuery m_query;
    int m_limit;
    QList<TrackedMessage> m_messages;
    bool m_cutShort = false;
};

// /api/message-finder/get-message-info: one tracked message a call.
class GetMessageInfo : public api::SingleCall
{
    Q_OBJECT
public:
    GetMessageInfo(api::ApiClient *client, QString trackingId, QObject *parent = nullptr);
    const MessageInfo &info() const { return m_info; }

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    QString m_id;
    MessageInfo m_info;
};

// /api/ttp/remediation/v2/create: a write, sent once (never retried by the client).
class CreateRemediation : public api::SingleCall
{
    Q_OBJECT
public:
    CreateRemediation(api::ApiClient *client, RemediationRequest request,
                      QObject *parent = nullptr);
    const RemediationIncident &incident() const { return m_incident; }

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    RemediationRequest m_request;
    RemediationIncident m_incident;
};

// /api/ttp/remediation/get-incident, for one incident.
class GetIncident : public api::SingleCall
{
    Q_OBJECT
public:
    GetIncident(api::ApiClient *client, QString id, QObject *parent = nullptr);
    const RemediationIncident &incident() const { return m_incident; }

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    QString m_id;
    RemediationIncident m_incident;
};

// /api/ttp/remediation/find-incidents: data[0].incidents[], paged.
class FindIncidents : public api::PagedCall
{
    Q_OBJECT
public:
    FindIncidents(api::ApiClient *client, const IncidentQuery &query, QObject *parent = nullptr);
    const QList<RemediationIncident> &incidents() const { return m_incidents; }

signals:
    void pageArrived(const QList<mcdesk::respond::RemediationIncident> &incidents);

private:
    QList<RemediationIncident> m_incidents;
};

// /api/ttp/remediation/search-hash: was an attachment with this hash seen in the last year?
class SearchHashes : public api::SingleCall
{
    Q_OBJECT
public:
    // Mimecast takes 100 but advises 20, to stay under its 2,048-byte request limit.
    static constexpr int kPerCall = 20;
    SearchHashes(api::ApiClient *client, QStringList hashes, QObject *parent = nullptr);
    const QList<HashStatus> &statuses() const { return m_statuses; }
    const QStringList &failedHashes() const { return m_failed; }

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    QStringList m_hashes;
    QList<HashStatus> m_statuses;
    QStringList m_failed;
};

} // namespace mcdesk::respond
