#include "core/respond/respondoperations.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mcdesk::respond {

namespace {
QJsonObject oneItem(const QJsonObject &item)
{
    return {{u"data"_s, QJsonArray{item}}};
}

QJsonObject firstData(const api::ApiReply &reply)
{
    return reply.data.isEmpty() ? QJsonObject() : reply.data.first().toObject();
}

// A reply that succeeded but carries no record is no answer at all: say so rather than show an
// empty incident.
api::ApiError emptyAnswer(const QString &what)
{
    return {api::ApiError::Kind::Malformed, 0, u"mcdesk_empty_answer"_s,
            u"Mimecast answered without "_s + what + u"; try again."_s, false};
}
} // namespace

TrackMessages::TrackMessages(api::ApiClient *client, TrackingQuery query, int limit,
                             QObject *parent)
    : SingleCall(client, u"/api/message-finder/search"_s, api::CallKind::Read, parent)
    , m_query(std::move(query))
    , m_limit(limit)
{}

QJsonObject TrackMessages::body() const
{
    return oneItem(m_query.toData());
}

void TrackMessages::parse(const api::ApiReply &reply)
{
    const QJsonArray tracked = firstData(reply).value(u"trackedEmails"_s).toArray();
    for (const QJsonValue &v : tracked) {
        if (m_messages.size() >= m_limit) {
            m_cutShort = true;
            break;
        }
        TrackedMessage m = TrackedMessage::fromJson(v.toObject());
        if (!m.id.trimmed().isEmpty()) // without an id nothing can look it up: not a row
            m_messages.append(std::move(m));
    }
}

GetMessageInfo::GetMessageInfo(api::ApiClient *client, QString trackingId, QObject *parent)
    : SingleCall(client, u"/api/message-finder/get-message-info"_s, api::CallKind::Read, parent)
    , m_id(std::move(trackingId))
{}

QJsonObject GetMessageInfo::body() const
{
    return oneItem({{u"id"_s, m_id}});
}

void GetMessageInfo::parse(const api::ApiReply &reply)
{
    if (reply.error.isError())
        return;
    if (reply.data.isEmpty())
        m_error = emptyAnswer(u"the message's details"_s);
    else
        m_info = MessageInfo::fromJson(firstData(reply));
}

CreateRemediation::CreateRemediation(api::ApiClient *client, RemediationRequest request,
                                     QObject *parent)
    : SingleCall(client, u"/api/ttp/remediation/v2/create"_s, api::CallKind::Write, parent)
    , m_request(std::move(request))
{}

QJsonObject CreateRemediation::body() const
{
    return oneItem(m_request.toData());
}

void CreateRemediation::parse(const api::ApiReply &reply)
{
    if (reply.error.isError())
        return;
    m_incident = RemediationIncident::fromJson(firstData(reply));
    if (m_incident.id.isEmpty()) {
        // It may well have been created: the answer is what is missing, so it is not "failed".
        m_error = emptyAnswer(u"the incident it created"_s);
        m_error.outcomeUnknown = true;
    }
}

GetIncident::GetIncident(api::ApiClient *client, QString id, QObject *parent)
    : SingleCall(client, u"/api/ttp/remediation/get-incident"_s, api::CallKind::Read, parent)
    , m_id(std::move(id))
{}

QJsonObject GetIncident::body() const
{
    return oneItem({{u"id"_s, m_id}});
}

void GetIncident::parse(const api::ApiReply &reply)
{
    if (reply.error.isError())
        return;
    m_incident = RemediationIncident::fromJson(firstData(reply));
    if (m_incident.id.isEmpty())
        m_error = emptyAnswer(u"the incident"_s);
}

FindIncidents::FindIncidents(api::ApiClient *client, const IncidentQuery &query, QObject *parent)
    : PagedCall(
          client, u"/api/ttp/remediation/find-incidents"_s, QJsonArray{query.toData()}, query.limit,
          100,
          [](const api::ApiReply &reply) {
              return firstData(reply).value(u"incidents"_s).toArray();
          },
          parent)
{
    connect(this, &api::PagedCall::itemsArrived, this, [this](const QJsonArray &items) {
        QList<RemediationIncident> page;
        int skipped = 0;
        for (const QJsonValue &v : items) {
            RemediationIncident i = RemediationIncident::fromJson(v.toObject());
            if (i.id.isEmpty())
                ++skipped;
            else
                page.append(std::move(i));
        }
        addSkipped(skipped);
        m_incidents += page;
        emit pageArrived(page);
    });
}

SearchHashes::SearchHashes(api::ApiClient *client, QStringList hashes, QObject *parent)
    : SingleCall(client, u"/api/ttp/remediation/search-hash"_s, api::CallKind::Read, parent)
    , m_hashes(std::move(hashes))
{}

QJsonObject SearchHashes::body() const
{
    return oneItem({{u"hashes"_s, QJsonArray::fromStringList(m_hashes)}});
}

void SearchHashes::parse(const api::ApiReply &reply)
{
    if (reply.error.isError())
        return;
    const QJsonObject first = firstData(reply);
    for (const QJsonValue &v : first.value(u"hashStatus"_s).toArray()) {
        const QJsonObject o = v.toObject();
        m_statuses.append({o.value(u"hash"_s).toString(), o.value(u"detected"_s).toBool()});
    }
    for (const QJsonValue &v : first.value(u"failedHashes"_s).toArray())
        m_failed.append(v.isObject() ? v.toObject().value(u"hash"_s).toString() : v.toString());
}

} // namespace mcdesk::respond
