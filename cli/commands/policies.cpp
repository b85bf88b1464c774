// mcdesk-cli's blocked-sender policy commands: list, create and delete.
#include "cli/commands/commands.h"

using namespace Qt::StringLiterals;

namespace mcdesk::cli {

namespace {

using actions::ActionArgs;
using actions::ActionId;

class ListPoliciesCommand : public Command
{
public:
    ListPoliciesCommand()
        : Command(ActionId::ListBlockedSenderPolicies,
                  u"List the blocked-sender policies (/api/policy/blockedsenders/get-policy)."_s)
    {}

protected:
    QString parse(const QCommandLineParser &, ActionArgs &) const override { return {}; }
};

class CreatePolicyCommand : public Command
{
public:
    CreatePolicyCommand()
        : Command(ActionId::CreateBlockedSenderPolicy,
                  u"Create a blocked-sender policy (/api/policy/blockedsenders/create-policy)."_s,
                  // The options that take a value come first: problemHint() lists them in order.
                  {valueOption(u"description"_s,
                               u"Why the blocked-sender policy exists (required)."_s, u"TEXT"_s),
                   valueOption(u"option"_s, u"block_sender (default) or no_action."_s, u"OPTION"_s),
                   valueOption(u"from-part"_s, u"envelope_from, header_from or both (default)."_s,
                               u"PART"_s),
                   valueOption(u"from-type"_s,
                               u"Policy sender: everyone, email_domain, email_address, "
                               u"internal_addresses, external_addresses or profile_group."_s,
                               u"TYPE"_s),
                   valueOption(u"from-value"_s, u"The sender's address, domain or group id."_s,
                               u"VALUE"_s),
                   valueOption(u"to-type"_s, u"Policy recipient, as --from-type."_s, u"TYPE"_s),
                   valueOption(u"to-value"_s, u"The recipient's address, domain or group id."_s,
                               u"VALUE"_s),
                   valueOption(u"start"_s, u"When the policy starts, ISO 8601 (default now)."_s,
                               u"ISO"_s),
                   valueOption(u"end"_s, u"When the policy ends, ISO 8601 (default never)."_s,
                               u"ISO"_s),
                   flagOption(u"bidirectional"_s, u"Apply the policy in both directions."_s),
                   flagOption(u"override"_s, u"Let the policy override others."_s),
                   flagOption(u"disabled"_s, u"Create the policy disabled."_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        senders::BlockedSenderPolicy &policy = args.policy;
        policy.description = p.value(u"description"_s);
        if (p.isSet(u"option"_s))
            policy.option = p.value(u"option"_s);
        if (p.isSet(u"from-part"_s))
            policy.fromPart = p.value(u"from-part"_s);
        policy.from = {p.value(u"from-type"_s), p.value(u"from-value"_s)};
        policy.to = {p.value(u"to-type"_s), p.value(u"to-value"_s)};
        policy.bidirectional = p.isSet(u"bidirectional"_s);
        policy.override = p.isSet(u"override"_s);
        policy.enabled = !p.isSet(u"disabled"_s);
        args.policyStart = p.value(u"start"_s);
        args.policyEnd = p.value(u"end"_s);
        return {};
    }

    // A policy has many fields; a problem with one lists the options that set them.
    QString problemHint() const override
    {
        QStringList names;
        for (const QCommandLineOption &o : options())
            if (!o.valueName().isEmpty())
                names << u"--"_s + o.names().constFirst();
        return u" (options: "_s + names.join(u", "_s) + u')';
    }
};

class DeletePolicyCommand : public Command
{
public:
    DeletePolicyCommand()
        : Command(ActionId::DeleteBlockedSenderPolicy,
                  u"Delete a blocked-sender policy, read first so the audit entry names it "
                  u"(/api/policy/blockedsenders/delete-policy)."_s,
                  {valueOption(u"id"_s, u"The blocked-sender policy's id."_s, u"ID"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        args.policyId = p.value(u"id"_s);
        return {};
    }
};

} // namespace

void addPolicyCommands(Commands &out)
{
    out.push_back(std::make_unique<ListPoliciesCommand>());
    out.push_back(std::make_unique<CreatePolicyCommand>());
    out.push_back(std::make_unique<DeletePolicyCommand>());
}

} // namespace mcdesk::cli
