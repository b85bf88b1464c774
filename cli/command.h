#pragma once

#include "core/actions/actionrunner.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace mcdesk::cli {

// The exit codes as main() returns them (docs/cli.md, Exit status).
constexpr int Success = int(actions::ExitCode::Success);
constexpr int Refused = int(actions::ExitCode::Refused);
constexpr int InvalidInput = int(actions::ExitCode::InvalidInput);
constexpr int ConnectionFailure = int(actions::ExitCode::ConnectionFailure);

void printErr(const QString &text);
// Splits "A, B,,C" into its non-empty, trimmed parts.
QStringList splitList(const QString &text);

// The options every command takes (docs/cli.md: Credentials and Common options), declared once.
const QList<QCommandLineOption> &sharedOptions();

// One mcdesk-cli command: one action of the actions layer, with its own options. A command
// turns its options into typed ActionArgs; run() does the rest the same way for every command:
// validate, connect, run the action, print its JSON, write --csv.
class Command
{
public:
    Command(actions::ActionId id, QString description, QList<QCommandLineOption> options = {});
    virtual ~Command() = default;
    Command(const Command &) = delete;
    Command &operator=(const Command &) = delete;

    actions::ActionId id() const { return m_id; }
    QString name() const { return actions::actionName(m_id); }
    const QString &description() const { return m_description; }
    const QList<QCommandLineOption> &options() const { return m_options; }
    bool hasOption(const QString &name) const;
    // "Usage: mcdesk-cli NAME [options]", the description and this command's own options.
    QString helpText() const;

    // Returns the exit status.
    int run(const QCommandLineParser &parser) const;

protected:
    // This command's options as typed arguments. Returns the problem, naming the option and
    // the fix, or an empty string; ActionRunner::validate() checks the values afterwards.
    virtual QString parse(const QCommandLineParser &parser, actions::ActionArgs &args) const = 0;
    // After validation, before any credential is loaded or any request sent: a command may
    // answer by itself (--print-query) and return its exit status, or warn and go on.
    virtual std::optional<int> beforeSending(const QCommandLineParser &parser,
                                             const actions::ActionArgs &args,
                                             const QDateTime &nowUtc) const;
    // A command that reads only local state (the job journal) runs without credentials.
    virtual bool needsConnection() const { return true; }
    // Appended to a validation problem, to point at the options that fix it.
    virtual QString problemHint() const { return {}; }

private:
    actions::ActionId m_id;
    QString m_description;
    QList<QCommandLineOption> m_options;
};

using Commands = std::vector<std::unique_ptr<Command>>;

// A value option, as the commands declare them.
QCommandLineOption valueOption(const QString &name, const QString &description,
                               const QString &valueName);
QCommandLineOption flagOption(const QString &name, const QString &description);
// --help's option lines: "  --name <VALUE>   description", aligned.
QString formatOptions(const QList<QCommandLineOption> &options);

} // namespace mcdesk::cli
