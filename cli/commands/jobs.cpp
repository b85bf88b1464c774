// mcdesk-cli's job journal commands: jobs, resume (docs/jobs.md).
#include "cli/commands/commands.h"

using namespace Qt::StringLiterals;

namespace mcdesk::cli {

namespace {

class JobsCommand : public Command
{
public:
    JobsCommand()
        : Command(actions::ActionId::ListJobs,
                  u"List the unfinished bulk writes of the job journal, as JSON: what each did, "
                  u"what is left, and whether a process is running it. Sends nothing."_s)
    {}

protected:
    QString parse(const QCommandLineParser &, actions::ActionArgs &) const override { return {}; }
    bool needsConnection() const override { return false; }
};

class ResumeCommand : public Command
{
public:
    ResumeCommand()
        : Command(actions::ActionId::ResumeJob,
                  u"Finish an unfinished bulk write: items that were in flight are checked with a "
                  u"read first and sent again only if they did not take effect; the rest are "
                  u"sent. Exit status as for the job's own action."_s,
                  {valueOption(u"job"_s,
                               u"The job (`mcdesk-cli jobs`); default: the newest unfinished job "
                               u"of this connection."_s,
                               u"ID"_s),
                   flagOption(u"discard"_s,
                              u"Send nothing: end the job, failing what was not sent and leaving "
                              u"what was in flight unknown; audited."_s)})
    {}

protected:
    QString parse(const QCommandLineParser &parser, actions::ActionArgs &args) const override
    {
        args.jobId = parser.value(u"job"_s);
        args.discardJob = parser.isSet(u"discard"_s);
        return {};
    }
};

} // namespace

void addJobCommands(Commands &out)
{
    out.push_back(std::make_unique<JobsCommand>());
    out.push_back(std::make_unique<ResumeCommand>());
}

} // namespace mcdesk::cli
