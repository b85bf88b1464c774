#include "cli/commandline.h"

#include "cli/command.h"
#include "cli/commands/commands.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace mcdesk::cli {

namespace {

// Options that promise nothing is sent: given to a command that does not have them, they are
// refused rather than ignored, since ignoring one would send.
const QStringList kDryRunOptions{u"print-query"_s};

const Command *find(const Commands &commands, const QString &name)
{
    for (const std::unique_ptr<Command> &c : commands)
        if (c->name() == name)
            return c.get();
    return nullptr;
}

bool isShared(const QString &name)
{
    const QList<QCommandLineOption> &shared = sharedOptions();
    return std::any_of(shared.cbegin(), shared.cend(),
                       [&](const QCommandLineOption &o) { return o.names().contains(name); });
}

QString overallHelp(const Commands &commands)
{
    qsizetype width = 0;
    for (const std::unique_ptr<Command> &c : commands)
        width = std::max(width, c->name().size());
    QString out = u"Usage: mcdesk-cli [options] COMMAND [command options]\n\n"
                  u"Mimecast Triage Desk command line: runs one action and prints one JSON "
                  u"object.\n\nCommands:\n"_s;
    for (const std::unique_ptr<Command> &c : commands)
        out += u"  "_s + c->name().leftJustified(width + 2) + c->description() + u'\n';
    out += u"\nCommon options:\n"_s + formatOptions(sharedOptions());
    out += u"\nCredentials: --profile NAME (keychain) or the MIMECAST_* environment variables.\n"
           u"Exit status: 0 success, 1 Mimecast refused or items failed, 2 invalid input "
           u"(nothing sent), 3 connection, TLS or authentication failure.\n"
           u"mcdesk-cli COMMAND --help shows that command's options.\n"_s;
    return out;
}

} // namespace

Commands allCommands()
{
    Commands out;
    addAccountCommands(out);
    addArchiveCommands(out);
    addHeldCommands(out);
    addSenderCommands(out);
    addPolicyCommands(out);
    addJobCommands(out);
    addRespondCommands(out);
    addThreatCommands(out);
    const QStringList order = actions::actionNames();
    std::sort(out.begin(), out.end(), [&](const auto &a, const auto &b) {
        return order.indexOf(a->name()) < order.indexOf(b->name());
    });
    return out;
}

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"mcdesk"_s);
    // No organisation name: data lives in ~/.local/share/mcdesk, shared with the desktop app.
    QCoreApplication::setApplicationVersion(QStringLiteral(MCDESK_VERSION));
    // stdout carries the JSON result; keep stderr for diagnostics that matter to the caller.
    if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"mcdesk.*.info=false\nmcdesk.*.debug=false"_s);

    const Commands commands = allCommands();
    // Every command's options are known to the parser, so an option of another command is
    // warned about and ignored, as it always was, rather than failing a script that passes it.
    // (Commands that share an option name agree on whether it takes a value.)
    QCommandLineParser parser;
    parser.addOptions(sharedOptions());
    QSet<QString> added;
    for (const std::unique_ptr<Command> &c : commands)
        for (const QCommandLineOption &o : c->options())
            if (!added.contains(o.names().constFirst())) {
                added.insert(o.names().constFirst());
                parser.addOption(o);
            }
    parser.addPositionalArgument(u"command"_s, u"The command to run."_s);

    if (!parser.parse(app.arguments())) {
        printErr(parser.errorText() + u" (see --help)"_s);
        return InvalidInput;
    }
    const QStringList positional = parser.positionalArguments();
    const Command *command = positional.size() == 1 ? find(commands, positional.first()) : nullptr;
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(command ? command->helpText() : overallHelp(commands)), stdout);
        return Success;
    }
    if (parser.isSet(u"version"_s)) {
        std::fputs(qPrintable(u"mcdesk-cli "_s + QCoreApplication::applicationVersion() + u'\n'),
                   stdout);
        return Success;
    }
    if (!command) {
        printErr(u"Give exactly one action: "_s + actions::actionNames().join(u", "_s));
        return InvalidInput;
    }
    QStringList given = parser.optionNames();
    given.removeDuplicates();
    for (const QString &name : std::as_const(given)) {
        if (isShared(name) || command->hasOption(name))
            continue;
        QStringList owners;
        for (const std::unique_ptr<Command> &c : commands)
            if (c->hasOption(name))
                owners << c->name();
        if (kDryRunOptions.contains(name)) {
            printErr(u"--"_s + name + u" only applies to "_s + owners.join(u", "_s));
            return InvalidInput;
        }
        printErr(u"warning: --"_s + name + u" is not an option of "_s + command->name() +
                 u" (it belongs to "_s + owners.join(u", "_s) + u"); ignored. See mcdesk-cli "_s +
                 command->name() + u" --help."_s);
    }
    return command->run(parser);
}

} // namespace mcdesk::cli
