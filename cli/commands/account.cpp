// mcdesk-cli's account command: ping.
#include "cli/commands/commands.h"

using namespace Qt::StringLiterals;

namespace mcdesk::cli {

namespace {

class PingCommand : public Command
{
public:
    PingCommand()
        : Command(actions::ActionId::Ping,
                  u"Check the connection: account name, region and clock skew "
                  u"(/api/account/get-account)."_s)
    {}

protected:
    QString parse(const QCommandLineParser &, actions::ActionArgs &) const override { return {}; }
};

} // namespace

void addAccountCommands(Commands &out)
{
    out.push_back(std::make_unique<PingCommand>());
}

} // namespace mcdesk::cli
