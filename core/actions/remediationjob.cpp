// remediate: removing a message from every mailbox (/api/ttp/remediation/v2/create) as a job of
// one item (oneitemjob.cpp). The request is recorded before it is sent; a remediation whose
// answer was lost is looked for in the incident list (same reason and criteria, created since
// the job) before it is ever sent again, so a crash or a dropped reply never removes twice.
#include "core/actions/actionrunner.h"

#include "core/jobs/jobjournal.h"
#include "core/respond/respondoperations.h"

using namespace Qt::StringLiterals;

namespace mcdesk::actions {

namespace {

const QString kKey = u"remediation"_s;

// The audit item: what was searched, and the incident (code and counts) or the error.
QJsonObject remediationItem(const respond::RemediationRequest &request,
                            const respond::RemediationIncident &incident,
                            const api::ApiError &error)
{
    QJsonObject item = request.toJson();
    item.insert(u"what"_s, request.describe());
    if (!incident.id.isEmpty()) {
        item.insert(u"incident_id"_s, incident.id);
        item.insert(u"incident_code"_s, incident.code);
        item.insert(u"identified"_s, incident.identified);
        item.insert(u"successful"_s, incident.successful);
        item.insert(u"failed"_s, incident.failed);
        item.insert(u"restored"_s, incident.restored);
    }
    return withOutcome(item, error);
}

// Message-IDs compared as Mimecast keeps them (bracketed), whatever case the server echoes.
QStringList normalIds(const QStringList &ids)
{
    QStringList out;
    for (const QString &id : ids)
        out.append(respond::normalizeMessageId(id, nullptr).toLower());
    out.sort();
    return out;
}

// The incident this request would have created: the same reason and the same search.
bool sameRemediation(const respond::RemediationRequest &r, const respond::RemediationIncident &i)
{
    if (i.reason.trimmed() != r.reason)
        return false;
    switch (r.target) {
    case respond::RemediationRequest::Target::MessageIds:
        return normalIds(i.messageIds) == normalIds(r.messageIds);
    case respond::RemediationRequest::Target::Hash:
        return i.fileHash.compare(r.hash, Qt::CaseInsensitive) == 0;
    case respond::RemediationRequest::Target::Url:
        return i.url == r.url;
    }
    return false;
}

} // namespace

void ActionRunner::runRemediate(const respond::RemediationRequest &request)
{
    if (beginOneItemJob(ActionId::Remediate, {{u"remediation"_s, request.toJson()}}, kKey))
        sendRemediation(request, kKey);
}

void ActionRunner::sendRemediation(const respond::RemediationRequest &request, const QString &key)
{
    if (const QString problem = m_journal->markInFlight(m_job, {key}); !problem.isEmpty())
        return failWith(api::ApiError::local(u"mcdesk_journal_failed"_s, problem));
    auto *op = new respond::CreateRemediation(m_client, request, this);
    m_operation = op;
    connect(op, &api::SingleCall::finished, this, [this, op, request, key] {
        op->deleteLater();
        settleRemediation(request, op->error(), op->incident(), key, {});
    });
    op->start();
}

void ActionRunner::settleRemediation(const respond::RemediationRequest &request,
                                     const api::ApiError &error,
                                     const respond::RemediationIncident &incident,
                                     const QString &key, const QString &note)
{
    if (!settleOneItem(error, key, incident.raw, note))
        return;
    m_action = ActionId::Remediate;
    const QJsonArray items{remediationItem(request, incident, error)};
    QString summary = error.isError()
                          ? error.describe()
                          : u"Remediation %1 of %2: %3"_s.arg(incident.code, request.describe(),
                                                              incident.countsText());
    if (!note.isEmpty())
        summary += u" ("_s + note + u')';
    QJsonObject result{{u"items"_s, items}, {u"job"_s, m_job}};
    if (!error.isError())
        result.insert(u"incident"_s, incident.raw);
    ActionOutcome out{!error.isError(), summary + u'.', result, exitCodeFor(error)};
    out.error = error;
    if (!error.isError())
        out.incidents = {incident};
    finishAudited(out, items, summary, closeOneItemJob(error));
}

void ActionRunner::resumeRemediationJob(qint64 jobId, bool discard)
{
    const std::optional<jobs::JobRecord> job = claimOneItemJob(jobId);
    if (!job)
        return;
    const respond::RemediationRequest request =
        respond::RemediationRequest::fromJson(job->args.value(u"remediation"_s).toObject());
    const jobs::JobItem item = job->items.first();
    if (discard)
        return settleRemediation(request, discardedOneItem(item.state, u"list-incidents"_s), {},
                                 item.key, {});
    if (item.state == jobs::ItemState::Pending)
        return sendRemediation(request, item.key);
    // In flight when it stopped, or its answer lost: the incident list says whether it ran.
    // Its window starts a little before the job, for a clock that runs behind Mimecast's.
    respond::IncidentQuery query;
    query.start = job->createdUtc.addSecs(-600);
    query.end = m_client->now().addSecs(600);
    query.searchField = u"reason"_s;
    query.searchValue = request.reason;
    auto *lookup = new respond::FindIncidents(m_client, query, this);
    m_operation = lookup;
    connect(lookup, &api::PagedCall::finished, this, [this, lookup, request, item] {
        lookup->deleteLater();
        if (lookup->error().isError())
            return failWith(lookup->error()); // the job stays open; nothing was sent
        for (const respond::RemediationIncident &incident : lookup->incidents())
            if (sameRemediation(request, incident))
                return settleRemediation(request, {}, incident, item.key,
                                         u"found in the incident list; not sent again"_s);
        sendRemediation(request, item.key); // not listed: it never reached Mimecast
    });
    lookup->start();
}

} // namespace mcdesk::actions
