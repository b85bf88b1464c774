// mcdesk-cli's archive commands: simple-archive-search and advanced-archive-search.
#include "cli/commands/commands.h"

#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace mcdesk::cli {

namespace {

class SimpleArchiveSearchCommand : public Command
{
public:
    SimpleArchiveSearchCommand()
        : Command(
              actions::ActionId::SimpleArchiveSearch,
              u"Search the archive with a form; the query XML is built for you "
              u"(/api/archive/search)."_s,
              {valueOption(u"fields-to-return"_s, u"Comma-separated archive return fields."_s,
                           u"a,b"_s),
               valueOption(u"time-frame"_s,
                           u"Last Hour|Last 6 Hours|Last 24 Hours|Last Week|Last Month|Custom"_s,
                           u"FRAME"_s),
               valueOption(u"mailboxes"_s, u"Comma-separated mailboxes to search."_s, u"LIST"_s),
               valueOption(u"from"_s, u"Comma-separated sender addresses."_s, u"LIST"_s),
               valueOption(u"to"_s, u"Comma-separated recipient addresses."_s, u"LIST"_s),
               valueOption(u"subject"_s, u"Subject to search for."_s, u"TEXT"_s),
               valueOption(u"start-time"_s, u"Custom start, ISO 8601."_s, u"ISO"_s),
               valueOption(u"end-time"_s, u"Custom end, ISO 8601 (default now)."_s, u"ISO"_s),
               valueOption(u"max-emails-to-return"_s, u"Maximum emails (default 50)."_s, u"N"_s),
               flagOption(u"print-query"_s, u"Print the archive query XML and send nothing."_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, actions::ActionArgs &args) const override
    {
        args.fieldsToReturn = p.value(u"fields-to-return"_s);
        if (p.isSet(u"time-frame"_s))
            args.timeFrame = p.value(u"time-frame"_s);
        args.mailboxes = p.value(u"mailboxes"_s);
        args.from = p.value(u"from"_s);
        args.to = p.value(u"to"_s);
        args.subject = p.value(u"subject"_s);
        args.startTime = p.value(u"start-time"_s);
        args.endTime = p.value(u"end-time"_s);
        if (p.isSet(u"max-emails-to-return"_s))
            args.maxEmails = p.value(u"max-emails-to-return"_s);
        return {};
    }

    std::optional<int> beforeSending(const QCommandLineParser &p, const actions::ActionArgs &args,
                                     const QDateTime &nowUtc) const override
    {
        if (!p.isSet(u"print-query"_s))
            return std::nullopt;
        std::fputs(
            qPrintable(actions::ActionRunner::simpleSearchXml(args, nowUtc, nullptr) + u'\n'),
            stdout);
        return Success;
    }
};

class AdvancedArchiveSearchCommand : public Command
{
public:
    AdvancedArchiveSearchCommand()
        : Command(actions::ActionId::AdvancedArchiveSearch,
                  u"Search the archive with query XML, checked locally and sent as written "
                  u"(/api/archive/search)."_s,
                  {valueOption(u"xml-query"_s, u"Archive query XML."_s, u"XML"_s),
                   valueOption(u"xml-query-file"_s, u"File holding the archive query XML."_s,
                               u"FILE"_s),
                   valueOption(u"max-results"_s,
                               u"Maximum results of an advanced search (default 1000)."_s, u"N"_s)})
    {}

protected:
    QString parse(const QCommandLineParser &p, actions::ActionArgs &args) const override
    {
        args.xmlQuery = p.value(u"xml-query"_s);
        if (p.isSet(u"xml-query-file"_s)) {
            QFile file(p.value(u"xml-query-file"_s));
            if (!file.open(QIODevice::ReadOnly))
                return u"--xml-query-file "_s + file.fileName() + u" cannot be read: "_s +
                       file.errorString();
            args.xmlQuery = QString::fromUtf8(file.readAll());
        }
        if (p.isSet(u"max-results"_s))
            args.maxResults = p.value(u"max-results"_s);
        return {};
    }
};

} // namespace

void addArchiveCommands(Commands &out)
{
    out.push_back(std::make_unique<SimpleArchiveSearchCommand>());
    out.push_back(std::make_unique<AdvancedArchiveSearchCommand>());
}

} // namespace mcdesk::cli
