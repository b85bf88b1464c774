// ActionRunner's incident-response reads: track-message, message-info, get-incident,
// list-incidents, search-hash; and validation for those and remediate (remediationjob.cpp).
#include "core/actions/actionrunner.h"

#include "core/actions/runnersupport.h"
#include "core/respond/respondoperations.h"

#include <QSet>

#include <memory>

using namespace Qt::StringLiterals;

namespace mcdesk::actions {

namespace {

constexpr int kMaxRows = 5000;
constexpr int kMaxHashes = 100;
constexpr int kIncidentDaysBack = 30;

QString dateCell(const QDateTime &when)
{
    return when.isValid() ? held::formatMimecastDate(when) : QString();
}

const QStringList kTrackedColumns{u"id"_s,      u"status"_s,    u"received"_s,       u"fromEnv"_s,
                                  u"fromHdr"_s, u"to"_s,        u"subject"_s,        u"senderIP"_s,
                                  u"route"_s,   u"spamScore"_s, u"detectionLevel"_s, u"info"_s};

QStringList trackedRow(const respond::TrackedMessage &m)
{
    return {m.id,
            m.status,
            dateCell(m.received),
            m.fromEnvelope.email,
            m.fromHeader.email,
            m.recipients(),
            m.subject,
            m.senderIp,
            m.route,
            m.spamScore < 0 ? QString() : QString::number(m.spamScore),
            m.detectionLevel,
            m.info};
}

const QStringList kIncidentColumns{u"id"_s,       u"code"_s,          u"type"_s,       u"reason"_s,
                                   u"create"_s,   u"identified"_s,    u"successful"_s, u"failed"_s,
                                   u"restored"_s, u"searchCriteria"_s};

QStringList incidentRow(const respond::RemediationIncident &i)
{
    return {i.id,
            i.code,
            i.type,
            i.reason,
            dateCell(i.created),
            QString::number(i.identified),
            QString::number(i.successful),
            QString::number(i.failed),
            QString::number(i.restored),
            i.criteriaText()};
}

} // namespace

QString validateRespond(ActionId id, ActionArgs &args, const QDateTime &nowUtc)
{
    switch (id) {
    case ActionId::TrackMessage: {
        respond::TrackingQuery &q = args.tracking;
        if (const QString bad =
                readPeriod(args, &q.start, &q.end,
                           nowUtc.addSecs(-3600 * respond::TrackingQuery::kDefaultHours), nowUtc);
            !bad.isEmpty())
            return bad;
        if (!positiveNumber(args.rowLimit, kMaxRows))
            return u"--limit must be a number from 1 to %1, not \""_s.arg(kMaxRows) +
                   args.rowLimit + u'"';
        return q.validate(nowUtc);
    }
    case ActionId::MessageInfo:
        args.trackingId = args.trackingId.trimmed();
        if (args.trackingId.isEmpty())
            return u"--id is required: give the tracking id track-message printed (\"id\")"_s;
        return {};
    case ActionId::Remediate: {
        respond::RemediationRequest &r = args.remediation;
        // Both optional: Mimecast's default is the last month up to now (reference §4.2).
        if (const QString bad = readPeriod(args, &r.start, &r.end, {}, {}); !bad.isEmpty())
            return bad;
        return r.validate(nowUtc);
    }
    case ActionId::GetIncident:
        args.incidentId = args.incidentId.trimmed();
        if (args.incidentId.isEmpty())
            return u"--id is required: give the incident's id (remediate and list-incidents "
                   u"print it)"_s;
        return {};
    case ActionId::ListIncidents: {
        respond::IncidentQuery &q = args.incidentQuery;
        if (const QString bad =
                readPeriod(args, &q.start, &q.end, nowUtc.addDays(-kIncidentDaysBack), nowUtc);
            !bad.isEmpty())
            return bad;
        const std::optional<int> limit = positiveNumber(args.rowLimit, kMaxRows);
        if (!limit)
            return u"--limit must be a number from 1 to %1, not \""_s.arg(kMaxRows) +
                   args.rowLimit + u'"';
        q.limit = *limit;
        return q.validate();
    }
    case ActionId::SearchHash: {
        QStringList hashes;
        for (const QString &h : std::as_const(args.hashes)) {
            QString why;
            const QString hash = respond::normalizeSha256(h, &why);
            if (hash.isEmpty())
                return u"--hash "_s + why;
            if (!hashes.contains(hash))
                hashes.append(hash);
        }
        if (hashes.isEmpty())
            return u"--hash is required: give an attachment's SHA-256 (repeat for several)"_s;
        if (hashes.size() > kMaxHashes)
            return u"--hash is given %1 times: search at most %2 at once"_s.arg(hashes.size())
                .arg(kMaxHashes);
        args.hashes = hashes;
        return {};
    }
    default:
        return {};
    }
}

void ActionRunner::runTrackMessage(const ActionArgs &args)
{
    const int limit = positiveNumber(args.rowLimit, kMaxRows).value_or(500);
    auto *op = new respond::TrackMessages(m_client, args.tracking, limit, this);
    m_operation = op;
    const QJsonObject asked = args.tracking.toData();
    const QString what = args.tracking.describe();
    connect(op, &api::SingleCall::finished, this, [this, op, asked, what, limit] {
        op->deleteLater();
        if (op->error().isError())
            return failWith(op->error());
        QJsonArray json;
        m_table = {kTrackedColumns};
        for (const respond::TrackedMessage &m : op->messages()) {
            json.append(m.toJson());
            m_table.append(trackedRow(m));
        }
        const qsizetype count = op->messages().size();
        ActionOutcome out{true,
                          u"Message Finder tracked %1 message%2 for %3."_s.arg(count)
                              .arg(count == 1 ? QString() : u"s"_s)
                              .arg(what),
                          {{u"query"_s, asked}, {u"count"_s, count}, {u"messages"_s, json}},
                          ExitCode::Success};
        QStringList notes;
        if (op->cutShort())
            notes << u"Mimecast found more than %1; only the first %1 are shown (narrow the "
                     u"search or raise --limit)."_s.arg(limit);
        addNotes(out, notes, 0);
        out.tracked = op->messages();
        finishWith(out);
    });
    op->start();
}

void ActionRunner::runMessageInfo(const QString &trackingId)
{
    auto *op = new respond::GetMessageInfo(m_client, trackingId, this);
    m_operation = op;
    connect(op, &api::SingleCall::finished, this, [this, op] {
        op->deleteLater();
        if (op->error().isError())
            return failWith(op->error());
        const respond::MessageInfo &info = op->info();
        ActionOutcome out{true,
                          u"%1: %2 recipient%3 delivered."_s
                              .arg(info.subject.isEmpty() ? u"(no subject)"_s : info.subject)
                              .arg(info.deliveries.size())
                              .arg(info.deliveries.size() == 1 ? QString() : u"s"_s),
                          {{u"message"_s, info.raw}},
                          ExitCode::Success};
        out.messageInfo = info;
        finishWith(out);
    });
    op->start();
}

void ActionRunner::runGetIncident(const QString &id)
{
    auto *op = new respond::GetIncident(m_client, id, this);
    m_operation = op;
    connect(op, &api::SingleCall::finished, this, [this, op] {
        op->deleteLater();
        if (op->error().isError())
            return failWith(op->error());
        const respond::RemediationIncident &i = op->incident();
        m_table = {kIncidentColumns, incidentRow(i)};
        ActionOutcome out{
            true,
            u"Incident %1: %2%3."_s.arg(i.code, i.countsText(),
                                        i.settled() ? QString() : u" (still running)"_s),
            {{u"incident"_s, i.raw}, {u"settled"_s, i.settled()}},
            ExitCode::Success};
        out.incidents = {i};
        finishWith(out);
    });
    op->start();
}

void ActionRunner::runListIncidents(const respond::IncidentQuery &query)
{
    auto *op = new respond::FindIncidents(m_client, query, this);
    m_operation = op;
    connect(op, &respond::FindIncidents::pageArrived, this,
            [this, op] { emit progress(int(op->incidents().size()), op->totalCount()); });
    connect(op, &api::PagedCall::finished, this, [this, op] {
        op->deleteLater();
        QJsonArray json;
        m_table = {kIncidentColumns};
        for (const respond::RemediationIncident &i : op->incidents()) {
            json.append(i.raw);
            m_table.append(incidentRow(i));
        }
        const QJsonObject result{{u"count"_s, json.size()}, {u"incidents"_s, json}};
        const api::ApiError &error = op->error();
        ActionOutcome out =
            error.isError() ? ActionOutcome{false, error.describe(), result, exitCodeFor(error)}
                            : ActionOutcome{true, u"%1 remediation incidents."_s.arg(json.size()),
                                            result, ExitCode::Success};
        out.error = error;
        if (error.isError())
            out.result.insert(u"error"_s, errorJson(error));
        out.incidents = op->incidents();
        addNotes(out, op->notes(), op->skipped());
        finishWith(out);
    });
    op->start();
}

// One call per 20 hashes, one after another (SearchHashes::kPerCall).
struct ActionRunner::HashRun
{
    QStringList left;
    QList<respond::HashStatus> found;
    QStringList failed;
};

void ActionRunner::runSearchHash(const QStringList &hashes)
{
    auto run = std::make_shared<HashRun>();
    run->left = hashes;
    searchHashBatch(run);
}

void ActionRunner::searchHashBatch(const std::shared_ptr<HashRun> &run)
{
    if (run->left.isEmpty())
        return finishHashSearch(*run);
    const QStringList batch = run->left.mid(0, respond::SearchHashes::kPerCall);
    run->left = run->left.mid(batch.size());
    auto *op = new respond::SearchHashes(m_client, batch, this);
    m_operation = op;
    connect(op, &api::SingleCall::finished, this, [this, op, run] {
        op->deleteLater();
        if (op->error().isError())
            return failWith(op->error());
        run->found += op->statuses();
        run->failed += op->failedHashes();
        if (m_cancelled && !run->left.isEmpty())
            return failWith(api::cancelledError(u"Cancelled."_s));
        searchHashBatch(run);
    });
    op->start();
}

void ActionRunner::finishHashSearch(const HashRun &run)
{
    QJsonArray statuses;
    int detected = 0;
    m_table = {{u"hash"_s, u"detected"_s}};
    for (const respond::HashStatus &s : run.found) {
        statuses.append(QJsonObject{{u"hash"_s, s.hash}, {u"detected"_s, s.detected}});
        m_table.append({s.hash, s.detected ? u"true"_s : u"false"_s});
        detected += s.detected ? 1 : 0;
    }
    QString message =
        u"%1 of %2 hashes seen in the last year."_s.arg(detected).arg(run.found.size());
    if (!run.failed.isEmpty())
        message += u" Mimecast could not check %1: %2."_s.arg(run.failed.size())
                       .arg(run.failed.join(u", "_s));
    ActionOutcome out{
        run.failed.isEmpty(),
        message,
        {{u"hashes"_s, statuses}, {u"failed_hashes"_s, QJsonArray::fromStringList(run.failed)}},
        run.failed.isEmpty() ? ExitCode::Success : ExitCode::Refused};
    out.hashStatus = run.found;
    out.failedHashes = run.failed;
    finishWith(out);
}

} // namespace mcdesk::actions
