// mcdesk-cli's "who clicked, and block the link" commands: the threat-protection logs
// (url-logs, attachment-logs, impersonation-logs), the managed URLs (list-managed-urls,
// block-url, permit-url, delete-managed-url) and decode-url.
#include "cli/commands/commands.h"

using namespace Qt::StringLiterals;

namespace mcdesk::cli {

namespace {

using actions::ActionArgs;
using actions::ActionId;

QList<QCommandLineOption> logOptions()
{
    return {
        valueOption(u"start"_s, u"Start, ISO 8601 (default 24 hours ago)."_s, u"ISO"_s),
        valueOption(u"end"_s, u"End, ISO 8601 (default now); at most 31 days after --start."_s,
                    u"ISO"_s),
        valueOption(u"limit"_s, u"At most this many rows (default 500, at most 5000)."_s, u"N"_s),
        valueOption(u"message-id"_s,
                    u"Only rows of this internet Message-ID (filtered here: Mimecast has no "
                    u"such filter)."_s,
                    u"ID"_s),
        flagOption(u"oldest-first"_s, u"Oldest rows first (default newest first)."_s)};
}

QCommandLineOption routeOption()
{
    return valueOption(u"route"_s, u"all, inbound, outbound or internal (default all)."_s,
                       u"ROUTE"_s);
}

void parseLogOptions(const QCommandLineParser &p, ActionArgs &args)
{
    args.periodStart = p.value(u"start"_s);
    args.periodEnd = p.value(u"end"_s);
    if (p.isSet(u"limit"_s))
        args.rowLimit = p.value(u"limit"_s);
    args.threatQuery.messageId = p.value(u"message-id"_s);
    args.threatQuery.oldestFirst = p.isSet(u"oldest-first"_s);
}

class UrlLogsCommand : public Command
{
public:
    UrlLogsCommand()
        : Command(ActionId::UrlLogs,
                  u"Who clicked which link: the URL Protect click log (/api/ttp/url/get-logs), "
                  u"with Mimecast's verdict, the action taken and any override."_s,
                  logOptions() +
                      QList<QCommandLineOption>{
                          routeOption(),
                          valueOption(u"scan-result"_s, u"all, clean or malicious (default all)."_s,
                                      u"RESULT"_s),
                          valueOption(u"url"_s,
                                      u"Only clicks on URLs containing this text (filtered "
                                      u"here)."_s,
                                      u"TEXT"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        parseLogOptions(p, args);
        args.threatQuery.route = p.value(u"route"_s);
        args.threatQuery.result = p.value(u"scan-result"_s);
        args.threatQuery.urlContains = p.value(u"url"_s);
        return {};
    }
};

class AttachmentLogsCommand : public Command
{
public:
    AttachmentLogsCommand()
        : Command(ActionId::AttachmentLogs,
                  u"Attachments sandboxed by Attachment Protect, with their SHA-256 and verdict "
                  u"(/api/ttp/attachment/get-logs)."_s,
                  logOptions() + QList<QCommandLineOption>{
                                     routeOption(),
                                     valueOption(u"result"_s,
                                                 u"all, malicious, safe, timeout, error or unsafe "
                                                 u"(default all)."_s,
                                                 u"RESULT"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        parseLogOptions(p, args);
        args.threatQuery.route = p.value(u"route"_s);
        args.threatQuery.result = p.value(u"result"_s);
        return {};
    }
};

class ImpersonationLogsCommand : public Command
{
public:
    ImpersonationLogsCommand()
        : Command(ActionId::ImpersonationLogs,
                  u"Impersonation Protect hits: the identifiers hit, the action and the policy "
                  u"(/api/ttp/impersonation/get-logs). Mimecast has no route filter here."_s,
                  logOptions() +
                      QList<QCommandLineOption>{
                          routeOption(),
                          flagOption(u"tagged-malicious"_s, u"Only hits tagged malicious."_s),
                          valueOption(u"action"_s,
                                      u"Only hits whose action was hold, bounce or "
                                      u"none."_s,
                                      u"ACTION"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        parseLogOptions(p, args);
        args.threatQuery.route = p.value(u"route"_s); // refused by validation: none exists
        if (p.isSet(u"tagged-malicious"_s))
            args.threatQuery.taggedMalicious = true;
        args.threatQuery.impersonationAction = p.value(u"action"_s);
        return {};
    }
};

class ListManagedUrlsCommand : public Command
{
public:
    ListManagedUrlsCommand()
        : Command(ActionId::ListManagedUrls,
                  u"The managed URLs: URL Protect's block and permit entries "
                  u"(/api/ttp/url/get-all-managed-urls)."_s,
                  {valueOption(u"filter"_s, u"Only entries whose domain or URL contains this."_s,
                               u"TEXT"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        args.managedUrlFilter = p.value(u"filter"_s);
        return {};
    }
};

class ManageUrlCommand : public Command
{
public:
    explicit ManageUrlCommand(ActionId id)
        : Command(
              id,
              (id == ActionId::BlockUrl ? u"Block a URL or its whole domain for everyone"_s
                                        : u"Permit a URL or its whole domain"_s) +
                  u" (/api/ttp/url/create-managed-url). Journaled and audited; a lost reply "
                  u"is checked against the list before anything is sent again."_s,
              {valueOption(u"url"_s, u"The URL, with http:// or https://; repeatable."_s, u"URL"_s),
               valueOption(u"match-type"_s,
                           u"explicit (this URL only, the default) or domain (any URL on "
                           u"its domain)."_s,
                           u"TYPE"_s),
               valueOption(u"comment"_s, u"Kept with the entry (a case number helps)."_s,
                           u"TEXT"_s),
               flagOption(u"disable-rewrite"_s, u"Permits only: do not rewrite the link."_s),
               flagOption(u"disable-log-click"_s, u"Do not log clicks on it."_s),
               flagOption(u"disable-user-awareness"_s,
                          u"Permits only: no user-awareness challenge."_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        threats::ManagedUrl::Match match = threats::ManagedUrl::Match::Explicit;
        if (p.isSet(u"match-type"_s)) {
            const auto m = threats::ManagedUrl::matchFromName(p.value(u"match-type"_s));
            if (!m)
                return u"--match-type must be explicit or domain, not \""_s +
                       p.value(u"match-type"_s) + u'"';
            match = *m;
        }
        for (const QString &url : p.values(u"url"_s)) {
            threats::ManagedUrl e;
            e.url = url;
            e.match = match;
            e.comment = p.value(u"comment"_s);
            e.disableRewrite = p.isSet(u"disable-rewrite"_s);
            e.disableLogClick = p.isSet(u"disable-log-click"_s);
            e.disableUserAwareness = p.isSet(u"disable-user-awareness"_s);
            args.managedUrls.append(e);
        }
        return {};
    }
};

class DeleteManagedUrlCommand : public Command
{
public:
    DeleteManagedUrlCommand()
        : Command(ActionId::DeleteManagedUrl,
                  u"Delete managed URLs by id (/api/ttp/url/delete-managed-url). Journaled and "
                  u"audited."_s,
                  {valueOption(u"id"_s,
                               u"The entry's id (list-managed-urls prints it); "
                               u"repeatable."_s,
                               u"ID"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        args.managedUrlIds = p.values(u"id"_s);
        return {};
    }
};

class DecodeUrlCommand : public Command
{
public:
    DecodeUrlCommand()
        : Command(ActionId::DecodeUrl,
                  u"The original of Mimecast-rewritten links (/api/ttp/url/decode-url); the "
                  u"target is never visited."_s,
                  {valueOption(u"url"_s, u"A rewritten link; repeatable (up to 25)."_s, u"URL"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        args.rewrittenUrls = p.values(u"url"_s);
        return {};
    }
};

} // namespace

void addThreatCommands(Commands &out)
{
    out.push_back(std::make_unique<UrlLogsCommand>());
    out.push_back(std::make_unique<AttachmentLogsCommand>());
    out.push_back(std::make_unique<ImpersonationLogsCommand>());
    out.push_back(std::make_unique<ListManagedUrlsCommand>());
    out.push_back(std::make_unique<ManageUrlCommand>(ActionId::BlockUrl));
    out.push_back(std::make_unique<ManageUrlCommand>(ActionId::PermitUrl));
    out.push_back(std::make_unique<DeleteManagedUrlCommand>());
    out.push_back(std::make_unique<DecodeUrlCommand>());
}

} // namespace mcdesk::cli
