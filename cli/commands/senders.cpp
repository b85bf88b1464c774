// mcdesk-cli's managed-sender commands: permit-sender, block-sender and import-senders.
#include "cli/commands/commands.h"

#include "core/senders/senderimport.h"

using namespace Qt::StringLiterals;

namespace mcdesk::cli {

namespace {

using actions::ActionArgs;
using actions::ActionId;

// permit-sender and block-sender: one sender for one recipient.
class PermitOrBlockCommand : public Command
{
public:
    PermitOrBlockCommand(ActionId id, const QString &description)
        : Command(id, description,
                  {valueOption(u"sender"_s, u"Sender address."_s, u"ADDR"_s),
                   valueOption(u"recipient"_s, u"Recipient address."_s, u"ADDR"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        args.sender = p.value(u"sender"_s);
        args.recipient = p.value(u"recipient"_s);
        return {};
    }
};

// The Sender lists page's bulk import from a file, with the page's preview rules: invalid rows
// named by row, repeated rows sent once, permit and block of one pair refused.
class ImportSendersCommand : public Command
{
public:
    ImportSendersCommand()
        : Command(ActionId::ImportManagedSenders,
                  u"Permit and block senders listed in a CSV file of sender,recipient,action "
                  u"rows, as the Sender lists page imports them (audited as permit-sender and "
                  u"block-sender)."_s,
                  {valueOption(u"file"_s,
                               u"UTF-8 CSV: sender,recipient,permit|block a row; a header row "
                               u"is optional."_s,
                               u"CSV"_s),
                   flagOption(u"skip-invalid"_s,
                              u"Send the valid rows even when some are invalid (they are "
                              u"listed in result.invalid); without it nothing is sent."_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, ActionArgs &args) const override
    {
        const QString path = p.value(u"file"_s);
        if (path.isEmpty())
            return u"--file is required: give the CSV file of sender,recipient,action rows"_s;
        const senders::ImportFile file = senders::readSenderImportFile(path);
        switch (file.status) {
        case senders::ImportFile::Status::TooLarge:
            return u"--file "_s + path + u" is larger than 20 MB; split it into smaller files"_s;
        case senders::ImportFile::Status::Unreadable:
            return u"--file "_s + path + u" cannot be read: "_s + file.error;
        case senders::ImportFile::Status::NotUtf8:
            return u"--file "_s + path + u" is not UTF-8 text: save it as CSV UTF-8"_s;
        case senders::ImportFile::Status::Ok:
            break;
        }
        args.importEntries = senders::parseSenderImport(file.text).entries;
        args.skipInvalid = p.isSet(u"skip-invalid"_s);
        return {};
    }
};

} // namespace

void addSenderCommands(Commands &out)
{
    out.push_back(std::make_unique<PermitOrBlockCommand>(
        ActionId::PermitSender,
        u"Permit a sender for a recipient (/api/managedsender/permit-or-block-sender)."_s));
    out.push_back(std::make_unique<PermitOrBlockCommand>(
        ActionId::BlockSender,
        u"Block a sender for a recipient (/api/managedsender/permit-or-block-sender)."_s));
    out.push_back(std::make_unique<ImportSendersCommand>());
}

} // namespace mcdesk::cli
