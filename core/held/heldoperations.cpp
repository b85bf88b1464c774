#include "core/held/heldoperations.h"

using namespace Qt::StringLiterals;

namespace mcdesk::held {

const QStringList &HeldQuery::searchFields()
{
    static const QStringList fields{u"all"_s, u"subject"_s, u"sender"_s, u"recipient"_s,
                                    u"reason_code"_s};
    return fields;
}

const QStringList &HeldQuery::routes()
{
    static const QStringList values{u"all"_s, u"internal"_s, u"outbound"_s, u"inbound"_s,
                                    u"external"_s};
    return values;
}

QString HeldQuery::validate() const
{
    if (!searchBy.isEmpty() && !searchFields().contains(searchBy))
        return u"--search-by \""_s + searchBy + u"\" is not valid: use one of "_s +
               searchFields().join(u", "_s);
    if (!searchBy.isEmpty() && value.isEmpty())
        return u"--value is required with --search-by"_s;
    if (!route.isEmpty() && !routes().contains(route))
        return u"--route \""_s + route + u"\" is not valid: use one of "_s + routes().join(u", "_s);
    if (start.isValid() && end.isValid() && start > end)
        return u"--end must be later than --start"_s;
    if (limit < 1)
        return u"--limit must be a positive number"_s;
    return {};
}

QJsonObject HeldQuery::toData() const
{
    QJsonObject data{{u"admin"_s, true}};
    if (start.isValid())
        data.insert(u"start"_s, formatMimecastDate(start));
    if (end.isValid())
        data.insert(u"end"_s, formatMimecastDate(end));
    if (!searchBy.isEmpty())
        data.insert(u"searchBy"_s, QJsonObject{{u"fieldName"_s, searchBy}, {u"value"_s, value}});
    if (!route.isEmpty())
        data.insert(u"filterBy"_s,
                    QJsonArray{QJsonObject{{u"fieldName"_s, u"route"_s}, {u"value"_s, route}}});
    return data;
}

ListHeldMessages::ListHeldMessages(api::ApiClient *client, HeldQuery query, QObject *parent)
    : PagedCall(client, u"/api/gateway/get-hold-message-list"_s, QJsonArray{query.toData()},
                query.limit, 500, &api::PagedCall::itemsInData, parent)
{
    connect(this, &api::PagedCall::itemsArrived, this, [this](const QJsonArray &items) {
        QList<HeldMessage> messages;
        messages.reserve(items.size());
        int skipped = 0;
        for (const QJsonValue &v : items) {
            HeldMessage m = HeldMessage::fromJson(v.toObject());
            if (m.id.trimmed().isEmpty())
                ++skipped; // nothing could release or reject it: not shown as a message
            else
                messages.append(std::move(m));
        }
        addSkipped(skipped);
        emit pageArrived(messages);
    });
}

GetHoldSummary::GetHoldSummary(api::ApiClient *client, QObject *parent)
    : SingleCall(client, u"/api/gateway/get-hold-summary-list"_s, api::CallKind::Read, parent)
{}

QJsonObject GetHoldSummary::body() const
{
    return {{u"data"_s, QJsonArray()}};
}

void GetHoldSummary::parse(const api::ApiReply &reply)
{
    for (const QJsonValue &v : reply.data) {
        const QJsonObject o = v.toObject();
        m_policies.append(
            {o.value(u"policyInfo"_s).toString(), o.value(u"numberOfItems"_s).toInt()});
    }
}

GetHeldMessageDetail::GetHeldMessageDetail(api::ApiClient *client, QString id, QObject *parent)
    : SingleCall(client, u"/api/gateway/message/get-message-detail"_s, api::CallKind::Read, parent)
    , m_id(std::move(id))
{}

QJsonObject GetHeldMessageDetail::body() const
{
    return {{u"data"_s, QJsonArray{QJsonObject{{u"id"_s, m_id}}}}};
}

void GetHeldMessageDetail::parse(const api::ApiReply &reply)
{
    if (!reply.data.isEmpty())
        m_detail = HeldMessageDetail::fromJson(reply.data.first().toObject());
}

ReleaseHeldMessages::ReleaseHeldMessages(api::ApiClient *client, const QStringList &ids,
                                         QObject *parent)
    : BatchWrite(client, u"/api/gateway/hold-release"_s, ids, kBatchSize, parent)
{
    m_successFlag = u"release"_s;
}

QJsonArray ReleaseHeldMessages::dataFor(const QStringList &batch) const
{
    QJsonArray data;
    for (const QString &id : batch)
        data.append(QJsonObject{{u"id"_s, id}});
    return data;
}

ReleaseHeldToSandbox::ReleaseHeldToSandbox(api::ApiClient *client, const QStringList &ids,
                                           QObject *parent)
    : BatchWrite(client, u"/api/message-finder/release-held-email-to-sandbox"_s, ids,
                 ReleaseHeldMessages::kBatchSize, parent)
{}

QJsonArray ReleaseHeldToSandbox::dataFor(const QStringList &batch) const
{
    QJsonArray data;
    for (const QString &id : batch)
        data.append(QJsonObject{{u"id"_s, id}});
    return data;
}

const QStringList &RejectReason::values()
{
    static const QStringList reasons{
        u"MESSAGE CONTAINS UNDESIRABLE CONTENT"_s, u"MESSAGE CONTAINS CONFIDENTIAL INFORMATION"_s,
        u"REVIEWER DISAPPROVES OF CONTENT"_s, u"INAPPROPRIATE COMMUNICATION"_s,
        u"MESSAGE GOES AGAINST EMAIL POLICIES"_s};
    return reasons;
}

std::optional<QString> RejectReason::fromText(const QString &text)
{
    const QString t = text.trimmed();
    for (const QString &value : values())
        if (t.compare(value, Qt::CaseInsensitive) == 0)
            return value;
    // The SOAR integration's labels, accepted as aliases (docs/contract.md, actions).
    static const QList<std::pair<QString, QString>> aliases{
        {u"Inappropriate Communication"_s, u"INAPPROPRIATE COMMUNICATION"_s},
        {u"Confidential Information"_s, u"MESSAGE CONTAINS CONFIDENTIAL INFORMATION"_s},
        {u"Restricted Content"_s, u"REVIEWER DISAPPROVES OF CONTENT"_s},
        {u"Against Email Policy"_s, u"MESSAGE GOES AGAINST EMAIL POLICIES"_s}};
    for (const auto &[label, value] : aliases)
        if (t.compare(label, Qt::CaseInsensitive) == 0)
            return value;
    return std::nullopt;
}

RejectHeldMessages::RejectHeldMessages(api::ApiClient *client, const QStringList &ids, QString note,
                                       QString reasonType, bool notifySender, QObject *parent)
    : BatchWrite(client, u"/api/gateway/hold-reject"_s, ids, kBatchSize, parent)
    , m_note(std::move(note))
    , m_reasonType(std::move(reasonType))
    , m_notify(notifySender)
{
    m_successFlag = u"reject"_s;
}

QJsonArray RejectHeldMessages::dataFor(const QStringList &batch) const
{
    // Only the documented fields: ids, message (when there is a note), reasonType (when
    // chosen) and notify.
    QJsonObject item{{u"ids"_s, QJsonArray::fromStringList(batch)}, {u"notify"_s, m_notify}};
    if (!m_note.isEmpty())
        item.insert(u"message"_s, m_note);
    if (!m_reasonType.isEmpty())
        item.insert(u"reasonType"_s, m_reasonType);
    return QJsonArray{item};
}

const QStringList &ReportMessages::types()
{
    static const QStringList values{u"spam"_s, u"malware"_s, u"phishing"_s};
    return values;
}

ReportMessages::ReportMessages(api::ApiClient *client, const QStringList &ids, QString type,
                               QString comment, QObject *parent)
    : BatchWrite(client, u"/api/message-finder/report-message"_s, ids, 25, parent)
    , m_type(std::move(type))
    , m_comment(std::move(comment))
{}

QJsonArray ReportMessages::dataFor(const QStringList &batch) const
{
    QJsonArray data;
    for (const QString &id : batch) {
        QJsonObject item{{u"id"_s, id}, {u"type"_s, m_type}};
        if (!m_comment.isEmpty())
            item.insert(u"comment"_s, m_comment);
        data.append(item);
    }
    return data;
}

} // namespace mcdesk::held
