// mcdesk-cli's held-queue commands: release, reject, report, list, summary, and the combined
// moves (release-and-permit, reject-and-block).
#include "cli/commands/commands.h"

using namespace Qt::StringLiterals;

namespace mcdesk::cli {

namespace {

using actions::ActionArgs;
using actions::ActionId;

QCommandLineOption messageIdOption()
{
    return valueOption(u"message-id"_s, u"Held message id, repeatable."_s, u"ID"_s);
}

QCommandLineOption sandboxOption()
{
    return flagOption(u"release-to-sandbox"_s, u"Release to the sandbox instead."_s);
}

// What a rejection sends beside the ids (reject-message, reject-and-block).
QList<QCommandLineOption> rejectOptions()
{
    return {
        messageIdOption(), valueOption(u"note"_s, u"Note sent with a rejection."_s, u"TEXT"_s),
        valueOption(u"reason"_s, u"Rejection reason (Mimecast's value or a SOAR label)."_s, u"R"_s),
        flagOption(u"notify-sender"_s, u"Tell the sender about the rejection."_s)};
}

void parseReject(const QCommandLineParser &p, ActionArgs &args)
{
    args.messageIds = p.values(u"message-id"_s);
    args.note = p.value(u"note"_s);
    args.reason = p.value(u"reason"_s);
    args.notifySender = p.isSet(u"notify-sender"_s);
}

// release-message and release-and-permit: the ids, the sandbox when asked, and for
// release-and-permit which sender address to permit.
class ReleaseCommand : public Command
{
public:
    ReleaseCommand(ActionId id, const QString &description)
        : Command(id, description, releaseOptions(id))
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        args.messageIds = p.values(u"message-id"_s);
        args.releaseToSandbox = p.isSet(u"release-to-sandbox"_s);
        if (id() != ActionId::ReleaseAndPermit || !p.isSet(u"permit"_s))
            return {};
        args.permitAddress = held::permitAddressFromName(p.value(u"permit"_s));
        if (!args.permitAddress)
            return u"--permit: \"%1\" is not header or envelope. Use --permit header to permit "
                   u"the From header address, --permit envelope for the envelope sender."_s.arg(
                       p.value(u"permit"_s));
        return {};
    }

private:
    static QList<QCommandLineOption> releaseOptions(ActionId id)
    {
        QList<QCommandLineOption> out{messageIdOption(), sandboxOption()};
        if (id == ActionId::ReleaseAndPermit)
            out << valueOption(u"permit"_s,
                               u"header|envelope: the address to permit. Unset, a message sent "
                               u"through shared infrastructure (Amazon SES, SendGrid, …) whose "
                               u"envelope sender is a per-message address is refused."_s,
                               u"WHICH"_s);
        return out;
    }
};

// reject-message and reject-and-block.
class RejectCommand : public Command
{
public:
    RejectCommand(ActionId id, const QString &description)
        : Command(id, description, rejectOptions())
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        parseReject(p, args);
        return {};
    }
};

class ReportMessageCommand : public Command
{
public:
    ReportMessageCommand()
        : Command(ActionId::ReportMessage,
                  u"Deprecated by Mimecast: report a message as spam, malware or phishing "
                  u"(/api/message-finder/report-message)."_s,
                  {messageIdOption(),
                   valueOption(u"comment"_s, u"Comment for a report."_s, u"TEXT"_s),
                   valueOption(u"report-as"_s, u"spam|malware|phishing"_s, u"TYPE"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        args.messageIds = p.values(u"message-id"_s);
        args.comment = p.value(u"comment"_s);
        if (p.isSet(u"report-as"_s))
            args.reportAs = p.value(u"report-as"_s);
        return {};
    }

    std::optional<int> beforeSending(const QCommandLineParser &, const ActionArgs &,
                                     const QDateTime &) const override
    {
        printErr(u"warning: report-message is deprecated by Mimecast and may stop working."_s);
        return std::nullopt;
    }
};

class ListHeldCommand : public Command
{
public:
    ListHeldCommand()
        : Command(ActionId::ListHeld,
                  u"List the held queue (/api/gateway/get-hold-message-list)."_s,
                  {valueOption(u"search-by"_s, u"all|subject|sender|recipient|reason_code"_s,
                               u"FIELD"_s),
                   valueOption(u"value"_s, u"Value to search for."_s, u"V"_s),
                   valueOption(u"start"_s, u"Held since, ISO 8601."_s, u"ISO"_s),
                   valueOption(u"end"_s, u"Held until, ISO 8601."_s, u"ISO"_s),
                   valueOption(u"route"_s, u"all|internal|outbound|inbound|external"_s, u"R"_s),
                   valueOption(u"limit"_s, u"Maximum held messages (default 1000)."_s, u"N"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        args.heldQuery.searchBy = p.value(u"search-by"_s);
        args.heldQuery.value = p.value(u"value"_s);
        args.heldQuery.route = p.value(u"route"_s);
        args.heldStart = p.value(u"start"_s);
        args.heldEnd = p.value(u"end"_s);
        if (p.isSet(u"limit"_s))
            args.heldLimit = p.value(u"limit"_s);
        return {};
    }
};

class HeldSummaryCommand : public Command
{
public:
    HeldSummaryCommand()
        : Command(ActionId::HeldSummary,
                  u"Count held messages per policy (/api/gateway/get-hold-summary-list)."_s)
    {}

protected:
    QString parse(const QCommandLineParser &, ActionArgs &) const override { return {}; }
};

} // namespace

void addHeldCommands(Commands &out)
{
    out.push_back(std::make_unique<ReleaseCommand>(
        ActionId::ReleaseMessage,
        u"Release held messages (/api/gateway/hold-release, 25 ids a call)."_s));
    out.push_back(std::make_unique<RejectCommand>(
        ActionId::RejectMessage,
        u"Reject held messages (/api/gateway/hold-reject, 25 ids a call)."_s));
    out.push_back(std::make_unique<ReportMessageCommand>());
    out.push_back(std::make_unique<ListHeldCommand>());
    out.push_back(std::make_unique<HeldSummaryCommand>());
    out.push_back(std::make_unique<ReleaseCommand>(
        ActionId::ReleaseAndPermit,
        u"Release held messages, then permit their senders for their recipients "
        u"(audited as release-message and permit-sender)."_s));
    out.push_back(std::make_unique<RejectCommand>(
        ActionId::RejectAndBlock,
        u"Reject held messages, then block their senders for their recipients "
        u"(audited as reject-message and block-sender)."_s));
}

} // namespace mcdesk::cli
