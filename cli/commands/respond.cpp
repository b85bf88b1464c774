// mcdesk-cli's incident-response commands: who received a message (track-message), one copy's
// delivery detail (message-info), removing it from every mailbox (remediate), the incidents
// (get-incident, list-incidents) and whether an attachment hash was seen (search-hash).
#include "cli/commands/commands.h"

using namespace Qt::StringLiterals;

namespace mcdesk::cli {

namespace {

using actions::ActionArgs;
using actions::ActionId;

QList<QCommandLineOption> periodOptions(const QString &startDefault, const QString &endDefault)
{
    return {
        valueOption(u"start"_s, u"Start, ISO 8601 (default "_s + startDefault + u")."_s, u"ISO"_s),
        valueOption(u"end"_s, u"End, ISO 8601 (default "_s + endDefault + u")."_s, u"ISO"_s)};
}

void parsePeriod(const QCommandLineParser &p, ActionArgs &args)
{
    args.periodStart = p.value(u"start"_s);
    args.periodEnd = p.value(u"end"_s);
}

class TrackMessageCommand : public Command
{
public:
    TrackMessageCommand()
        : Command(
              ActionId::TrackMessage,
              u"Find every copy of a message with Message Finder "
              u"(/api/message-finder/search): by internet Message-ID, or by sender, "
              u"recipient, subject or sender IP, within the last 28 days."_s,
              QList<QCommandLineOption>{
                  valueOption(u"message-id"_s,
                              u"Internet Message-ID, <local@host> (the brackets are added "
                              u"when missing)."_s,
                              u"ID"_s),
                  valueOption(u"from"_s, u"Sender address or domain (envelope or header)."_s,
                              u"ADDRESS"_s),
                  valueOption(u"to"_s, u"Recipient address or domain."_s, u"ADDRESS"_s),
                  valueOption(u"subject"_s, u"Words of the subject."_s, u"TEXT"_s),
                  valueOption(u"sender-ip"_s, u"The sending server's IP address."_s, u"IP"_s),
                  valueOption(u"route"_s,
                              u"inbound, outbound, internal, external or all; repeatable."_s,
                              u"ROUTE"_s),
                  valueOption(u"search-reason"_s,
                              u"Why you search, kept in Mimecast's audit trail."_s, u"TEXT"_s),
                  valueOption(u"limit"_s, u"At most this many messages (default 500)."_s, u"N"_s)} +
                  periodOptions(u"24 hours ago"_s, u"now"_s))
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        respond::TrackingQuery &q = args.tracking;
        q.messageId = p.value(u"message-id"_s);
        q.from = p.value(u"from"_s);
        q.to = p.value(u"to"_s);
        q.subject = p.value(u"subject"_s);
        q.senderIp = p.value(u"sender-ip"_s);
        for (const QString &route : p.values(u"route"_s))
            q.routes += splitList(route.toLower());
        q.searchReason = p.value(u"search-reason"_s);
        if (p.isSet(u"limit"_s))
            args.rowLimit = p.value(u"limit"_s);
        parsePeriod(p, args);
        return {};
    }
};

class MessageInfoCommand : public Command
{
public:
    MessageInfoCommand()
        : Command(
              ActionId::MessageInfo,
              u"Delivery per recipient, SPF / DKIM / DMARC, the policies that fired and "
              u"retention of one tracked message (/api/message-finder/get-message-info)."_s,
              {valueOption(u"id"_s, u"The tracking id track-message printed."_s, u"TRACKING_ID"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        args.trackingId = p.value(u"id"_s);
        return {};
    }
};

class RemediateCommand : public Command
{
public:
    RemediateCommand()
        : Command(ActionId::Remediate,
                  u"Remove messages from every mailbox with Threat Remediation "
                  u"(/api/ttp/remediation/v2/create): by Message-ID, by an attachment's "
                  u"SHA-256 or by a URL. Journaled and audited; prints the incident."_s,
                  QList<QCommandLineOption>{
                      valueOption(u"reason"_s, u"Why they are removed (required)."_s, u"TEXT"_s),
                      valueOption(u"message-id"_s, u"Internet Message-ID, repeatable (up to 25)."_s,
                                  u"ID"_s),
                      valueOption(u"hash"_s, u"The attachment's SHA-256."_s, u"SHA256"_s),
                      valueOption(u"url"_s, u"A URL the messages contain."_s, u"URL"_s)} +
                      periodOptions(u"a month ago"_s, u"now"_s))
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        respond::RemediationRequest &r = args.remediation;
        const int kinds = (p.isSet(u"message-id"_s) ? 1 : 0) + (p.isSet(u"hash"_s) ? 1 : 0) +
                          (p.isSet(u"url"_s) ? 1 : 0);
        if (kinds > 1)
            return u"give one of --message-id, --hash or --url: one remediation searches by one"_s;
        r.reason = p.value(u"reason"_s);
        if (p.isSet(u"hash"_s)) {
            r.target = respond::RemediationRequest::Target::Hash;
            r.hash = p.value(u"hash"_s);
        } else if (p.isSet(u"url"_s)) {
            r.target = respond::RemediationRequest::Target::Url;
            r.url = p.value(u"url"_s);
        } else {
            r.target = respond::RemediationRequest::Target::MessageIds;
            r.messageIds = p.values(u"message-id"_s);
        }
        parsePeriod(p, args);
        return {};
    }
};

class GetIncidentCommand : public Command
{
public:
    GetIncidentCommand()
        : Command(ActionId::GetIncident,
                  u"One remediation incident with its counts "
                  u"(/api/ttp/remediation/get-incident)."_s,
                  {valueOption(u"id"_s, u"The incident's id."_s, u"ID"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        args.incidentId = p.value(u"id"_s);
        return {};
    }
};

class ListIncidentsCommand : public Command
{
public:
    ListIncidentsCommand()
        : Command(ActionId::ListIncidents,
                  u"The remediation incidents created in a period "
                  u"(/api/ttp/remediation/find-incidents)."_s,
                  QList<QCommandLineOption>{
                      valueOption(u"search-by"_s, u"all, code, file_hash or reason."_s, u"FIELD"_s),
                      valueOption(u"value"_s, u"What --search-by looks for."_s, u"TEXT"_s),
                      valueOption(u"type"_s,
                                  u"notify_only, automatic, manual or restored; repeatable."_s,
                                  u"TYPE"_s),
                      valueOption(u"limit"_s, u"At most this many incidents (default 500)."_s,
                                  u"N"_s)} +
                      periodOptions(u"30 days ago"_s, u"now"_s))
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        respond::IncidentQuery &q = args.incidentQuery;
        q.searchField = p.value(u"search-by"_s);
        q.searchValue = p.value(u"value"_s);
        for (const QString &type : p.values(u"type"_s))
            q.types += splitList(type.toLower());
        if (p.isSet(u"limit"_s))
            args.rowLimit = p.value(u"limit"_s);
        parsePeriod(p, args);
        return {};
    }
};

class SearchHashCommand : public Command
{
public:
    SearchHashCommand()
        : Command(ActionId::SearchHash,
                  u"Was an attachment with this SHA-256 seen in the last year "
                  u"(/api/ttp/remediation/search-hash)?"_s,
                  {valueOption(u"hash"_s, u"An attachment's SHA-256, repeatable (up to 100)."_s,
                               u"SHA256"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        args.hashes = p.values(u"hash"_s);
        return {};
    }
};

} // namespace

void addRespondCommands(Commands &out)
{
    out.push_back(std::make_unique<TrackMessageCommand>());
    out.push_back(std::make_unique<MessageInfoCommand>());
    out.push_back(std::make_unique<RemediateCommand>());
    out.push_back(std::make_unique<GetIncidentCommand>());
    out.push_back(std::make_unique<ListIncidentsCommand>());
    out.push_back(std::make_unique<SearchHashCommand>());
}

} // namespace mcdesk::cli
