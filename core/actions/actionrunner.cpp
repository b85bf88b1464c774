#include "core/actions/actionrunner.h"

#include "core/actions/runnersupport.h"

#include "core/account/account.h"
#include "core/archive/archivequeryxml.h"
#include "core/archive/archivesearch.h"
#include "core/archive/simplesearch.h"
#include "core/archive/timeframe.h"
#include "core/audit/audittrail.h"
#include "core/senders/managedsender.h"

#include <QLoggingCategory>
#include <QSet>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcActions, "mcdesk.actions")

namespace mcdesk::actions {

namespace {

QString cellText(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts.append(v.isObject() ? v.toObject().value(u"emailAddress"_s).toString()
                                      : cellText(v));
        return parts.join(u"; "_s);
    }
    if (value.isObject())
        return value.toObject().value(u"emailAddress"_s).toString();
    return value.toVariant().toString();
}

struct SimpleBuild
{
    archive::BuildResult built;
    int limit = 50;
};

SimpleBuild buildSimpleSearch(const ActionArgs &args, const QDateTime &nowUtc)
{
    SimpleBuild out;
    QString frameError;
    const std::optional<archive::TimeFrame> frame =
        archive::parseTimeFrame(args.timeFrame, &frameError);
    if (!frame) {
        out.built.error = u"--time-frame: "_s + frameError;
        return out;
    }
    const std::optional<int> limit = positiveNumber(args.maxEmails, archive::kMaxSimpleSearchLimit);
    if (!limit) {
        out.built.error = u"--max-emails-to-return must be a number from 1 to %1, not \""_s.arg(
                              archive::kMaxSimpleSearchLimit) +
                          args.maxEmails + u'"';
        return out;
    }
    archive::SimpleSearch search;
    search.fieldsToReturn = archive::splitCommaList(args.fieldsToReturn);
    if (search.fieldsToReturn.isEmpty())
        search.fieldsToReturn = archive::defaultReturnFields();
    search.mailboxes = archive::splitCommaList(args.mailboxes);
    search.from = archive::splitCommaList(args.from);
    search.to = archive::splitCommaList(args.to);
    search.subject = args.subject.trimmed();
    search.frame = *frame;
    search.startText = args.startTime;
    search.endText = args.endTime;
    search.limit = *limit;
    out.limit = *limit;
    out.built = archive::build(search, nowUtc);
    return out;
}

const QStringList kHeldColumns{u"id"_s,         u"dateReceived"_s, u"from"_s,
                               u"fromHeader"_s, u"to"_s,           u"subject"_s,
                               u"reason"_s,     u"reasonCode"_s,   u"policyInfo"_s,
                               u"route"_s,      u"size"_s,         u"hasAttachments"_s};

} // namespace

ExitCode exitCodeFor(const api::ApiError &error)
{
    using K = api::ApiError::Kind;
    switch (error.kind) {
    case K::None:
        return ExitCode::Success;
    case K::InvalidInput:
        return ExitCode::InvalidInput;
    case K::Connection:
    case K::Tls:
    case K::Timeout:
    case K::Authentication:
    case K::BindingExpired:
        return ExitCode::ConnectionFailure;
    default:
        return ExitCode::Refused;
    }
}

ActionRunner::ActionRunner(api::ApiClient *client, audit::AuditTrail *auditTrail,
                           ActionContext context, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_audit(auditTrail)
    , m_context(std::move(context))
{}

QString ActionRunner::validate(ActionId id, ActionArgs &args, const QDateTime &nowUtc)
{
    switch (id) {
    case ActionId::Ping:
    case ActionId::HeldSummary:
        return {};
    case ActionId::SimpleArchiveSearch: {
        QString error;
        simpleSearchXml(args, nowUtc, &error);
        return error;
    }
    case ActionId::AdvancedArchiveSearch: {
        if (args.xmlQuery.trimmed().isEmpty())
            return u"--xml-query is required: give the archive query XML or --xml-query-file FILE"_s;
        const archive::XmlCheck check = archive::checkWellFormed(args.xmlQuery);
        if (!check.ok())
            return u"--xml-query is not well-formed XML: "_s + check.toString();
        if (!positiveNumber(args.maxResults, 100000))
            return u"--max-results must be a number from 1 to 100000, not \""_s + args.maxResults +
                   u'"';
        return {};
    }
    case ActionId::ReleaseMessage:
    case ActionId::ReportMessage:
    case ActionId::RejectMessage:
    case ActionId::ReleaseAndPermit:
    case ActionId::RejectAndBlock: {
        args.messageIds.removeAll(QString());
        for (const held::HeldMessage &m : std::as_const(args.heldMessages))
            if (!args.messageIds.contains(m.id))
                args.messageIds.append(m.id);
        // Each message once: a second request for it would be a write sent twice.
        args.messageIds.removeDuplicates();
        if (args.messageIds.isEmpty())
            return u"--message-id is required: give the held message's id (repeat for several)"_s;
        const bool rejects = id == ActionId::RejectMessage || id == ActionId::RejectAndBlock;
        if (rejects && !args.reason.isEmpty()) {
            const std::optional<QString> reason = held::RejectReason::fromText(args.reason);
            if (!reason)
                return u"--reason \""_s + args.reason +
                       u"\" is not a reason Mimecast accepts: use one of "_s +
                       held::RejectReason::values().join(u", "_s);
            args.reason = *reason;
        }
        if (id == ActionId::ReportMessage) {
            args.reportAs = args.reportAs.trimmed().toLower();
            if (!held::ReportMessages::types().contains(args.reportAs))
                return u"--report-as must be one of spam, malware, phishing"_s;
        }
        return {};
    }
    case ActionId::PermitSender:
    case ActionId::BlockSender: {
        if (args.senderEntries.isEmpty()) {
            const auto action = id == ActionId::PermitSender
                                    ? senders::ManagedSender::Action::Permit
                                    : senders::ManagedSender::Action::Block;
            args.senderEntries = {{args.sender.trimmed(), args.recipient.trimmed(), action}};
            if (const QString bad = address::checkEmailAddress(args.sender.trimmed());
                !bad.isEmpty())
                return u"--sender "_s + bad;
            if (const QString bad = address::checkEmailAddress(args.recipient.trimmed());
                !bad.isEmpty())
                return u"--recipient "_s + bad;
        }
        // Each entry once, as for message ids.
        QSet<QString> seen;
        args.senderEntries.removeIf([&seen](const senders::ManagedSender &e) {
            const bool repeated = seen.contains(e.key());
            seen.insert(e.key());
            return repeated;
        });
        for (int i = 0; i < args.senderEntries.size(); ++i) {
            const senders::ManagedSender &e = args.senderEntries.at(i);
            const QString where =
                args.senderEntries.size() > 1 ? u"entry %1: "_s.arg(i + 1) : QString();
            if (const QString bad = address::checkEmailAddress(e.sender); !bad.isEmpty())
                return where + u"sender "_s + bad;
            if (const QString bad = address::checkEmailAddress(e.recipient); !bad.isEmpty())
                return where + u"recipient "_s + bad;
        }
        return {};
    }
    case ActionId::ListHeld: {
        held::HeldQuery &q = args.heldQuery;
        for (const auto &[text, target, name] : {std::tuple{args.heldStart, &q.start, u"--start"_s},
                                                 std::tuple{args.heldEnd, &q.end, u"--end"_s}})
            if (const QString bad = parseTimeArgument(name, text, target); !bad.isEmpty())
                return bad;
        const std::optional<int> limit = positiveNumber(args.heldLimit, 100000);
        if (!limit)
            return u"--limit must be a number from 1 to 100000, not \""_s + args.heldLimit + u'"';
        q.limit = *limit;
        return q.validate();
    }
    case ActionId::ListBlockedSenderPolicies:
        return {};
    case ActionId::CreateBlockedSenderPolicy: {
        senders::BlockedSenderPolicy &p = args.policy;
        for (const auto &[text, date, eternal, name] :
             {std::tuple{args.policyStart, &p.fromDate, &p.fromEternal, u"--start"_s},
              std::tuple{args.policyEnd, &p.toDate, &p.toEternal, u"--end"_s}}) {
            if (const QString bad = parseTimeArgument(name, text, date); !bad.isEmpty())
                return bad;
            *eternal = *eternal && text.isEmpty();
        }
        p.description = p.description.trimmed();
        p.from.value = p.from.value.trimmed();
        p.to.value = p.to.value.trimmed();
        return p.validate();
    }
    case ActionId::DeleteBlockedSenderPolicy:
        args.policyId = args.policyId.trimmed();
        if (args.policyId.isEmpty())
            return u"--id is required: give the blocked-sender policy's id "
                   u"(list-blocked-sender-policies shows them)"_s;
        return {};
    case ActionId::ImportManagedSenders:
        return validateImport(args);
    case ActionId::ListJobs:
        return {};
    case ActionId::ResumeJob: {
        args.jobId = args.jobId.trimmed();
        bool ok = true;
        if (!args.jobId.isEmpty() && (args.jobId.toLongLong(&ok) < 1 || !ok))
            return u"--job must be a job number, such as 12 (`mcdesk-cli jobs` lists them), not \""_s +
                   args.jobId + u'"';
        return {};
    }
    case ActionId::TrackMessage:
    case ActionId::MessageInfo:
    case ActionId::Remediate:
    case ActionId::GetIncident:
    case ActionId::ListIncidents:
    case ActionId::SearchHash:
        return validateRespond(id, args, nowUtc); // respondactions.cpp
    case ActionId::UrlLogs:
    case ActionId::AttachmentLogs:
    case ActionId::ImpersonationLogs:
    case ActionId::ListManagedUrls:
    case ActionId::BlockUrl:
    case ActionId::PermitUrl:
    case ActionId::DeleteManagedUrl:
    case ActionId::DecodeUrl:
        return validateThreats(id, args, nowUtc); // threatactions.cpp
    }
    return {};
}

QString ActionRunner::simpleSearchXml(const ActionArgs &args, const QDateTime &nowUtc,
                                      QString *error)
{
    const SimpleBuild simple = buildSimpleSearch(args, nowUtc);
    if (error)
        *error = simple.built.error;
    return simple.built.ok() ? archive::toXml(simple.built.query) : QString();
}

void ActionRunner::run(ActionId id, ActionArgs args)
{
    m_action = id;
    const QString problem = validate(id, args, m_client->now());
    if (!problem.isEmpty())
        return finishWith({false, problem, {}, ExitCode::InvalidInput});
    switch (id) {
    case ActionId::Ping:
        return runPing();
    case ActionId::SimpleArchiveSearch:
        return runSimpleSearch(args);
    case ActionId::AdvancedArchiveSearch:
        return runAdvancedSearch(args);
    case ActionId::ListHeld:
        return runListHeld(args);
    case ActionId::HeldSummary:
        return runHeldSummary();
    case ActionId::ReleaseMessage:
    case ActionId::RejectMessage:
    case ActionId::ReportMessage:
    case ActionId::PermitSender:
    case ActionId::BlockSender:
        return runJournaled(id, args, 0);
    case ActionId::ListBlockedSenderPolicies:
        return runListPolicies();
    case ActionId::CreateBlockedSenderPolicy:
        return runCreatePolicy(args.policy);
    case ActionId::DeleteBlockedSenderPolicy:
        return runDeletePolicy(args.policyId);
    case ActionId::ReleaseAndPermit:
    case ActionId::RejectAndBlock:
        return runHeldMove(id, args);
    case ActionId::ImportManagedSenders:
        return runImport(args);
    case ActionId::ListJobs:
        return runListJobs();
    case ActionId::ResumeJob:
        return runResume(args.jobId, args.discardJob);
    case ActionId::TrackMessage:
        return runTrackMessage(args);
    case ActionId::MessageInfo:
        return runMessageInfo(args.trackingId);
    case ActionId::Remediate:
        return runRemediate(args.remediation);
    case ActionId::GetIncident:
        return runGetIncident(args.incidentId);
    case ActionId::ListIncidents:
        return runListIncidents(args.incidentQuery);
    case ActionId::SearchHash:
        return runSearchHash(args.hashes);
    case ActionId::UrlLogs:
    case ActionId::AttachmentLogs:
    case ActionId::ImpersonationLogs:
        return runThreatLogs(args.threatQuery);
    case ActionId::ListManagedUrls:
        return runListManagedUrls(args.managedUrlFilter);
    case ActionId::BlockUrl:
    case ActionId::PermitUrl:
    case ActionId::DeleteManagedUrl:
        return runJournaled(id, args, 0);
    case ActionId::DecodeUrl:
        return runDecodeUrls(args.rewrittenUrls);
    }
}

void ActionRunner::cancel()
{
    m_cancelled = true;
    // Every request is an api::Operation; a write already sent is not taken back and finishes.
    if (auto *operation = qobject_cast<api::Operation *>(m_operation))
        operation->cancel();
    else if (auto *write = qobject_cast<JournaledWrite *>(m_operation))
        write->cancel();
    else if (auto *step = qobject_cast<ActionRunner *>(m_operation))
        step->cancel(); // a step of a combined move or an import
}

QJsonObject ActionRunner::output() const
{
    return {{u"success"_s, m_outcome.success},
            {u"action"_s, actionName(m_action)},
            {u"message"_s, m_outcome.message},
            {u"case_id"_s, m_context.caseId},
            {u"alert_group_identifiers"_s, QJsonArray::fromStringList(m_context.alertGroups)},
            {u"target_entities"_s, m_context.targetsJson()},
            {u"scope"_s, m_context.scope},
            {u"result"_s, m_outcome.result}};
}

void ActionRunner::finishWith(ActionOutcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    m_claim.reset(); // a policy change's job may be resumed by anyone from now on
    m_outcome = std::move(outcome);
    QMetaObject::invokeMethod(this, &ActionRunner::finished, Qt::QueuedConnection);
}

QJsonObject errorJson(const api::ApiError &error)
{
    return {{u"kind"_s, error.kindName()},
            {u"code"_s, error.code},
            {u"http_status"_s, error.httpStatus},
            {u"message"_s, error.message}};
}

void ActionRunner::failWith(const api::ApiError &error)
{
    QJsonObject result{{u"error"_s, errorJson(error)}};
    ActionOutcome out{false, error.describe(), result, exitCodeFor(error)};
    out.error = error;
    finishWith(out);
}

void ActionRunner::runPing()
{
    auto *op = new account::GetAccount(m_client, this);
    m_operation = op;
    connect(op, &account::GetAccount::finished, this, [this, op] {
        op->deleteLater();
        if (op->error().isError())
            return failWith(op->error());
        const AccountCheck check{op->accountName(), op->region(), op->roundTripMs(),
                                 op->clockSkewSeconds()};
        ActionOutcome out{true,
                          u"Connected to "_s + check.accountName + u" ("_s + check.region + u")"_s,
                          {{u"account"_s, op->summary()}},
                          ExitCode::Success};
        out.account = check;
        finishWith(out);
    });
    op->start();
}

void ActionRunner::runSimpleSearch(const ActionArgs &args)
{
    const SimpleBuild simple = buildSimpleSearch(args, m_client->now());
    ArchiveFound found;
    found.queryXml = archive::toXml(simple.built.query);
    found.fields = simple.built.query.metadata.returnFields;
    found.startUtc = simple.built.startUtc;
    found.endUtc = simple.built.endUtc;
    runArchiveQuery(std::move(found), simple.limit);
}

void ActionRunner::runAdvancedSearch(const ActionArgs &args)
{
    ArchiveFound found;
    found.queryXml = args.xmlQuery; // the analyst's XML goes out exactly as written
    const archive::ParseResult parsed = archive::fromXml(args.xmlQuery);
    if (parsed.ok())
        found.fields = parsed.query.metadata.returnFields;
    runArchiveQuery(std::move(found), positiveNumber(args.maxResults, 100000).value_or(1000));
}

namespace {

// What a read that still succeeded should tell the analyst: in the message, in the result.

QJsonObject archiveResultJson(const ArchiveFound &found)
{
    QJsonArray emails;
    for (const QJsonObject &email : found.emails)
        emails.append(email);
    QJsonObject result{{u"query"_s, found.queryXml},
                       {u"count"_s, emails.size()},
                       {u"emails"_s, emails},
                       {u"pages"_s, found.pages},
                       {u"query_duration_ms"_s, found.queryDurationMs}};
    if (found.startUtc.isValid())
        result.insert(u"time_range"_s, QJsonObject{{u"start"_s, archive::formatUtc(found.startUtc)},
                                                   {u"end"_s, archive::formatUtc(found.endUtc)}});
    return result;
}

} // namespace

void ActionRunner::runArchiveQuery(ArchiveFound found, int limit)
{
    auto *search = new archive::ArchiveSearch(m_client, found.queryXml, limit, this);
    m_operation = search;
    auto state = std::make_shared<ArchiveFound>(std::move(found));
    connect(search, &archive::ArchiveSearch::pageArrived, this,
            [this, state, limit](const QJsonArray &page) {
                for (const QJsonValue &v : page)
                    state->emails.append(v.toObject());
                emit progress(int(state->emails.size()), limit);
            });
    connect(search, &archive::ArchiveSearch::finished, this, [this, search, state] {
        search->deleteLater();
        ArchiveFound &found = *state;
        found.pages = search->pages();
        found.queryDurationMs = search->queryDurationMs();
        if (found.fields.isEmpty() && !found.emails.isEmpty())
            found.fields = found.emails.first().keys();
        m_table = {found.fields};
        for (const QJsonObject &email : std::as_const(found.emails)) {
            QStringList row;
            for (const QString &field : std::as_const(found.fields))
                row.append(cellText(email.value(field)));
            m_table.append(row);
        }
        const api::ApiError &error = search->error();
        const bool failed = error.isError() && error.kind != api::ApiError::Kind::Cancelled;
        ActionOutcome out{!failed,
                          failed                   ? error.describe()
                          : found.emails.isEmpty() ? u"No emails matched the query."_s
                                                   : u"Found %1 emails."_s.arg(found.emails.size()),
                          archiveResultJson(found),
                          failed ? exitCodeFor(error) : ExitCode::Success};
        if (failed) {
            out.error = error;
            out.result.insert(u"error"_s, errorJson(error));
        }
        out.archive = std::move(found);
        addNotes(out, search->notes(), search->skipped());
        finishWith(out);
    });
    search->start();
}

void ActionRunner::runListHeld(const ActionArgs &args)
{
    auto *list = new held::ListHeldMessages(m_client, args.heldQuery, this);
    m_operation = list;
    auto messages = std::make_shared<QList<held::HeldMessage>>();
    connect(list, &held::ListHeldMessages::pageArrived, this,
            [this, messages, list](const QList<held::HeldMessage> &page) {
                messages->append(page);
                emit progress(int(messages->size()), list->totalCount());
            });
    connect(list, &held::ListHeldMessages::finished, this, [this, list, messages] {
        list->deleteLater();
        QJsonArray json;
        m_table = {kHeldColumns};
        for (const held::HeldMessage &m : std::as_const(*messages)) {
            const QJsonObject row = m.toJson();
            json.append(row);
            QStringList cells;
            for (const QString &c : kHeldColumns)
                cells.append(cellText(row.value(c)));
            m_table.append(cells);
        }
        const QJsonObject result{
            {u"count"_s, json.size()}, {u"total"_s, list->totalCount()}, {u"messages"_s, json}};
        const api::ApiError &error = list->error();
        ActionOutcome out =
            error.isError()
                ? ActionOutcome{false, error.describe(), result, exitCodeFor(error)}
                : ActionOutcome{true,
                                list->totalCount() < 0
                                    ? u"Showing %1 held messages."_s.arg(messages->size())
                                    : u"Showing %1 of %2 held messages."_s.arg(messages->size())
                                          .arg(list->totalCount()),
                                result, ExitCode::Success};
        out.error = error;
        if (error.isError())
            out.result.insert(u"error"_s, errorJson(error));
        out.heldMessages = *messages;
        out.heldTotal = list->totalCount();
        addNotes(out, list->notes(), list->skipped());
        finishWith(out);
    });
    list->start();
}

void ActionRunner::runHeldSummary()
{
    auto *op = new held::GetHoldSummary(m_client, this);
    m_operation = op;
    connect(op, &held::GetHoldSummary::finished, this, [this, op] {
        op->deleteLater();
        if (op->error().isError())
            return failWith(op->error());
        QJsonArray policies;
        m_table = {{u"policyInfo"_s, u"numberOfItems"_s}};
        for (const held::PolicyHoldCount &p : op->policies()) {
            policies.append(
                QJsonObject{{u"policyInfo"_s, p.policy}, {u"numberOfItems"_s, p.count}});
            m_table.append({p.policy, QString::number(p.count)});
        }
        ActionOutcome out{true,
                          u"%1 policies hold messages."_s.arg(policies.size()),
                          {{u"policies"_s, policies}},
                          ExitCode::Success};
        out.holdCounts = op->policies();
        finishWith(out);
    });
    op->start();
}

void ActionRunner::finishAudited(ActionOutcome outcome, const QJsonArray &items,
                                 const QString &summary, std::function<QString()> onAudited)
{
    const auto finishAfterAudit = [this, summary, onAudited](ActionOutcome out,
                                                             const QString &auditError) {
        if (auditError.isEmpty() && onAudited) {
            if (const QString problem = onAudited(); !problem.isEmpty()) {
                out.message += u' ' + problem;
                out.notes.append(problem);
            }
        }
        if (!auditError.isEmpty()) {
            out.success = false;
            out.message = u"The action ran ("_s + summary +
                          u") but the audit log could not be written: "_s + auditError +
                          u". Fix the audit log location before continuing."_s;
            out.exitCode = ExitCode::Refused;
            out.error = {api::ApiError::Kind::Local, 0, u"mcdesk_audit_failed"_s, out.message,
                         false};
        }
        finishWith(std::move(out));
    };
    if (!m_audit)
        return finishAfterAudit(std::move(outcome), u"no audit log is open"_s);
    audit::AuditEntry entry;
    entry.profile = m_context.profile;
    entry.action = actionName(m_action);
    entry.caseId = m_context.caseId;
    entry.alertGroups = m_context.alertGroups;
    entry.targetEntities = m_context.targetsJson();
    entry.scope = m_context.scope;
    entry.items = items;
    entry.message = summary;
    entry.job = m_job;
    // Nothing reports success before the entry is on disk: finishWith runs in the callback.
    m_audit->append(std::move(entry), this,
                    [finishAfterAudit, outcome = std::move(outcome)](const QString &error) {
                        finishAfterAudit(outcome, error);
                    });
}

std::optional<int> positiveNumber(const QString &text, int max)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < 1 || value > max)
        return std::nullopt;
    return value;
}

QString parseTimeArgument(const QString &name, const QString &text, QDateTime *target)
{
    if (text.isEmpty())
        return {};
    QString why;
    const QDateTime parsed = archive::parseIsoDateTime(text, &why);
    if (!parsed.isValid())
        return name + u" \""_s + text +
               u"\" is not an ISO 8601 time, such as 2026-11-27T09:00:00Z ("_s + why + u')';
    *target = parsed.toUTC();
    return {};
}

QString readPeriod(const ActionArgs &args, QDateTime *start, QDateTime *end,
                   const QDateTime &defaultStart, const QDateTime &defaultEnd)
{
    *start = {};
    *end = {};
    if (const QString bad = parseTimeArgument(u"--start"_s, args.periodStart, start);
        !bad.isEmpty())
        return bad;
    if (const QString bad = parseTimeArgument(u"--end"_s, args.periodEnd, end); !bad.isEmpty())
        return bad;
    if (!start->isValid())
        *start = defaultStart;
    if (!end->isValid())
        *end = defaultEnd;
    return {};
}

void addNotes(ActionOutcome &out, const QStringList &notes, int skipped)
{
    out.notes = notes;
    if (skipped > 0)
        out.result.insert(u"skipped"_s, skipped);
    if (notes.isEmpty())
        return;
    out.result.insert(u"notes"_s, QJsonArray::fromStringList(notes));
    out.message += u' ' + notes.join(u' ');
}

} // namespace mcdesk::actions
