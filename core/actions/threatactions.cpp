// ActionRunner's "who clicked, and block the link" reads: the three threat-protection logs, the
// managed URLs, URL decode; and validation for those and the managed-URL writes (journaled
// writes: journaledwrite.cpp, managedurljob.cpp).
#include "core/actions/actionrunner.h"

#include "core/actions/runnersupport.h"
#include "core/respond/remediation.h"
#include "core/threats/threatoperations.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace mcdesk::actions {

namespace {

constexpr int kMaxUrlsPerWrite = 1000;

threats::ThreatLog logOf(ActionId id)
{
    return id == ActionId::UrlLogs          ? threats::ThreatLog::UrlClicks
           : id == ActionId::AttachmentLogs ? threats::ThreatLog::Attachments
                                            : threats::ThreatLog::Impersonation;
}

QString validateLogs(ActionId id, ActionArgs &args, const QDateTime &nowUtc)
{
    threats::ThreatLogQuery &q = args.threatQuery;
    q.log = logOf(id);
    if (const QString bad =
            readPeriod(args, &q.start, &q.end,
                       nowUtc.addSecs(-3600 * threats::ThreatLogQuery::kDefaultHours), nowUtc);
        !bad.isEmpty())
        return bad;
    const std::optional<int> limit =
        positiveNumber(args.rowLimit, threats::ThreatLogQuery::kMaxRows);
    if (!limit)
        return u"--limit must be a number from 1 to %1, not \""_s.arg(
                   threats::ThreatLogQuery::kMaxRows) +
               args.rowLimit + u'"';
    q.limit = *limit;
    return q.validate(nowUtc);
}

QString validateUrlWrites(ActionId id, ActionArgs &args)
{
    const auto action = id == ActionId::PermitUrl ? threats::ManagedUrl::Action::Permit
                                                  : threats::ManagedUrl::Action::Block;
    QList<threats::ManagedUrl> entries;
    QSet<QString> keys;
    for (threats::ManagedUrl e : std::as_const(args.managedUrls)) {
        e.action = action;
        e.url = e.url.trimmed();
        e.comment = e.comment.trimmed();
        e.id.clear();
        if (const QString problem = e.problem(); !problem.isEmpty())
            return args.managedUrls.size() == 1 ? problem : e.url + u": "_s + problem;
        if (!keys.contains(e.key())) {
            keys.insert(e.key());
            entries.append(e);
        }
    }
    if (entries.isEmpty())
        return u"--url is required: give the link to %1, with http:// or https://"_s.arg(
            threats::ManagedUrl::actionName(action));
    if (entries.size() > kMaxUrlsPerWrite)
        return u"%1 URLs given: send at most %2 at once"_s.arg(entries.size())
            .arg(kMaxUrlsPerWrite);
    args.managedUrls = entries;
    return {};
}

} // namespace

bool isManagedUrlWrite(ActionId id)
{
    return id == ActionId::BlockUrl || id == ActionId::PermitUrl ||
           id == ActionId::DeleteManagedUrl;
}

QString validateThreats(ActionId id, ActionArgs &args, const QDateTime &nowUtc)
{
    switch (id) {
    case ActionId::UrlLogs:
    case ActionId::AttachmentLogs:
    case ActionId::ImpersonationLogs:
        return validateLogs(id, args, nowUtc);
    case ActionId::ListManagedUrls:
        args.managedUrlFilter = args.managedUrlFilter.trimmed();
        return {};
    case ActionId::BlockUrl:
    case ActionId::PermitUrl:
        return validateUrlWrites(id, args);
    case ActionId::DeleteManagedUrl: {
        QStringList ids;
        for (const QString &id : std::as_const(args.managedUrlIds))
            if (const QString t = id.trimmed(); !t.isEmpty() && !ids.contains(t))
                ids.append(t);
        if (ids.isEmpty())
            return u"--id is required: give the managed URL's id (list-managed-urls prints it)"_s;
        if (ids.size() > kMaxUrlsPerWrite)
            return u"--id is given %1 times: delete at most %2 at once"_s.arg(ids.size())
                .arg(kMaxUrlsPerWrite);
        args.managedUrlIds = ids;
        return {};
    }
    case ActionId::DecodeUrl: {
        QStringList urls;
        for (const QString &url : std::as_const(args.rewrittenUrls)) {
            if (const QString why = respond::checkWebUrl(url); !why.isEmpty())
                return u"--url "_s + why;
            if (!urls.contains(url.trimmed()))
                urls.append(url.trimmed());
        }
        if (urls.isEmpty())
            return u"--url is required: give a Mimecast-rewritten link (repeat for several)"_s;
        if (urls.size() > threats::DecodeUrls::kPerCall)
            return u"--url is given %1 times: decode at most %2 at once"_s.arg(urls.size())
                .arg(threats::DecodeUrls::kPerCall);
        args.rewrittenUrls = urls;
        return {};
    }
    default:
        return {};
    }
}

void ActionRunner::runThreatLogs(const threats::ThreatLogQuery &query)
{
    auto *op = new threats::GetThreatLogs(m_client, query, this);
    m_operation = op;
    connect(op, &threats::GetThreatLogs::pageArrived, this,
            [this, op] { emit progress(op->rows().size(), op->totalCount()); });
    connect(op, &api::PagedCall::finished, this, [this, op] {
        op->deleteLater();
        const threats::ThreatLogQuery &q = op->query();
        const threats::ThreatLogRows &rows = op->rows();
        m_table = threats::threatLogTable(q.log, rows);
        QJsonArray logs;
        for (const QJsonObject &record : threats::threatLogRecords(q.log, rows))
            logs.append(record);
        const QJsonObject result{{u"query"_s, q.toData()},
                                 {u"filter"_s, QJsonObject{{u"url_contains"_s, q.urlContains},
                                                           {u"message_id"_s, q.messageId}}},
                                 {u"count"_s, logs.size()},
                                 {u"scanned"_s, op->scanned()},
                                 {u"logs"_s, logs}};
        const api::ApiError &error = op->error();
        ActionOutcome out =
            error.isError()
                ? ActionOutcome{false, error.describe(), result, exitCodeFor(error)}
                : ActionOutcome{true,
                                u"%1 %2 for %3."_s.arg(logs.size())
                                    .arg(logs.size() == 1 ? u"row"_s : u"rows"_s, q.describe()),
                                result, ExitCode::Success};
        out.error = error;
        if (error.isError())
            out.result.insert(u"error"_s, errorJson(error));
        QStringList notes = op->notes();
        if (op->cutShort() && rows.size() >= q.limit)
            notes << u"Mimecast has more; only the first %1 are shown (narrow the window or raise "
                     u"--limit)."_s.arg(q.limit);
        else if (op->cutShort())
            notes << u"Read %1 rows looking for matches and stopped: narrow the window to see "
                     u"the rest."_s.arg(op->scanned());
        if (q.filtersRows() && !error.isError())
            notes << u"Filtered here: %1 of %2 rows read matched."_s.arg(rows.size())
                         .arg(op->scanned());
        addNotes(out, notes, op->skipped());
        out.threatRows = rows;
        out.threatScanned = op->scanned();
        finishWith(out);
    });
    op->start();
}

void ActionRunner::runListManagedUrls(const QString &filter)
{
    auto *op = new threats::ListManagedUrls(m_client, filter, this);
    m_operation = op;
    connect(op, &api::SingleCall::finished, this, [this, op, filter] {
        op->deleteLater();
        if (op->error().isError())
            return failWith(op->error());
        QJsonArray json;
        m_table = {{u"id"_s, u"url"_s, u"action"_s, u"match_type"_s, u"comment"_s,
                    u"disable_log_click"_s, u"disable_rewrite"_s, u"disable_user_awareness"_s}};
        const auto flag = [](bool b) {
            return b ? u"true"_s : u"false"_s;
        };
        for (const threats::ManagedUrl &m : op->entries()) {
            json.append(m.toJson());
            m_table.append({m.id, m.displayUrl(), threats::ManagedUrl::actionName(m.action),
                            threats::ManagedUrl::matchName(m.match), m.comment,
                            flag(m.disableLogClick), flag(m.disableRewrite),
                            flag(m.disableUserAwareness)});
        }
        ActionOutcome out{
            true,
            u"%1 managed URL%2%3."_s.arg(json.size())
                .arg(json.size() == 1 ? QString() : u"s"_s)
                .arg(filter.isEmpty() ? QString() : u" matching \""_s + filter + u'"'),
            {{u"count"_s, json.size()}, {u"managed_urls"_s, json}},
            ExitCode::Success};
        QStringList notes;
        if (op->cutShort())
            notes << u"Mimecast listed more than %1; only the first %1 are kept (filter the "
                     u"list)."_s.arg(threats::ListManagedUrls::kMaxEntries);
        addNotes(out, notes, 0);
        out.managedUrls = op->entries();
        finishWith(out);
    });
    op->start();
}

void ActionRunner::runDecodeUrls(const QStringList &urls)
{
    auto *op = new threats::DecodeUrls(m_client, urls, this);
    m_operation = op;
    connect(op, &api::SingleCall::finished, this, [this, op] {
        op->deleteLater();
        if (op->error().isError())
            return failWith(op->error());
        QJsonArray json;
        int decoded = 0;
        m_table = {{u"url"_s, u"original"_s, u"error"_s}};
        for (const threats::DecodedUrl &d : op->results()) {
            QJsonObject o{{u"url"_s, d.rewritten}, {u"decoded"_s, d.decoded()}};
            if (d.decoded())
                o.insert(u"original"_s, d.original);
            else
                o.insert(u"error"_s, d.error);
            json.append(o);
            m_table.append({d.rewritten, d.original, d.error});
            decoded += d.decoded() ? 1 : 0;
        }
        const bool all = decoded == json.size();
        QString message = u"%1 of %2 links decoded."_s.arg(decoded).arg(json.size());
        if (json.size() == 1 && all)
            message = u"Decoded: "_s + op->results().first().original;
        else if (json.size() == 1)
            message = u"Not decoded: "_s + op->results().first().error;
        ActionOutcome out{
            all, message, {{u"urls"_s, json}}, all ? ExitCode::Success : ExitCode::Refused};
        out.decodedUrls = op->results();
        finishWith(out);
    });
    op->start();
}

} // namespace mcdesk::actions
