#include "cli/command.h"

#include "cli/connection.h"
#include "core/api/apiclient.h"
#include "core/audit/audittrail.h"
#include "core/export/csvwriter.h"
#include "core/simulator/simulatorhost.h"

#include <QEventLoop>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace mcdesk::cli {

namespace {

void printJson(const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fflush(stdout);
}

struct Shared
{
    actions::ActionContext context;
    int timeoutSeconds = 30;
    int maxReplyMb = 64;
    int batchesInFlight = 0; // --batches-in-flight; 0: the profile's setting
    actions::JobSettings jobs;
};

QString parseShared(const QCommandLineParser &parser, Shared &shared)
{
    actions::ActionContext &context = shared.context;
    context.caseId = parser.value(u"case-id"_s);
    context.alertGroups = splitList(parser.value(u"alert-group-identifiers"_s));
    for (const QString &t : parser.values(u"target-entity"_s))
        context.targets.append(actions::ActionContext::parseTarget(t));
    if (parser.isSet(u"scope"_s))
        context.scope = parser.value(u"scope"_s);
    bool ok = true;
    if (parser.isSet(u"timeout"_s))
        shared.timeoutSeconds = parser.value(u"timeout"_s).toInt(&ok);
    if (!ok || shared.timeoutSeconds < 1 || shared.timeoutSeconds > 3600)
        return u"--timeout must be a whole number of seconds from 1 to 3600"_s;
    if (parser.isSet(u"max-reply-mb"_s))
        shared.maxReplyMb = parser.value(u"max-reply-mb"_s).toInt(&ok);
    if (!ok || shared.maxReplyMb < 1 || shared.maxReplyMb > 1024)
        return u"--max-reply-mb must be a whole number of MB from 1 to 1024"_s;
    if (parser.isSet(u"batches-in-flight"_s)) {
        shared.batchesInFlight = parser.value(u"batches-in-flight"_s).toInt(&ok);
        if (!ok || shared.batchesInFlight < 1 || shared.batchesInFlight > 8)
            return u"--batches-in-flight must be a whole number from 1 to 8"_s;
    }
    if (parser.isSet(u"max-pause"_s)) {
        const int seconds = parser.value(u"max-pause"_s).toInt(&ok);
        if (!ok || seconds < 0 || seconds > 3600)
            return u"--max-pause must be a whole number of seconds from 0 to 3600"_s;
        shared.jobs.maxPauseMs = seconds * 1000;
    }
    return {};
}

} // namespace

void printErr(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stderr);
}

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    return out;
}

// --help's option lines: "  --name <VALUE>   description", aligned.
QString formatOptions(const QList<QCommandLineOption> &options)
{
    QList<std::pair<QString, QString>> rows;
    qsizetype width = 0;
    for (const QCommandLineOption &o : options) {
        QStringList names;
        for (const QString &n : o.names())
            names << (n.size() == 1 ? u"-"_s : u"--"_s) + n;
        QString left = names.join(u", "_s);
        if (!o.valueName().isEmpty())
            left += u" <"_s + o.valueName() + u'>';
        width = std::max(width, left.size());
        rows.append({left, o.description()});
    }
    QString out;
    for (const auto &[left, description] : rows)
        out += u"  "_s + left.leftJustified(width + 2) + description + u'\n';
    return out;
}

QCommandLineOption valueOption(const QString &name, const QString &description,
                               const QString &valueName)
{
    return QCommandLineOption(name, description, valueName);
}

QCommandLineOption flagOption(const QString &name, const QString &description)
{
    return QCommandLineOption(name, description);
}

const QList<QCommandLineOption> &sharedOptions()
{
    static const QList<QCommandLineOption> options{
        QCommandLineOption({u"h"_s, u"help"_s}, u"Show this help (after a command: its own)."_s),
        flagOption(u"version"_s, u"Show the version."_s),
        valueOption(u"base-url"_s, u"Mimecast API base URL (else MIMECAST_BASE_URL)."_s, u"URL"_s),
        valueOption(u"profile"_s, u"Connection profile whose secrets are in the keychain."_s,
                    u"NAME"_s),
        flagOption(u"demo"_s, u"Run against the built-in simulator."_s),
        valueOption(u"latency"_s, u"Simulated latency in ms with --demo (default 80)."_s, u"MS"_s),
        flagOption(u"allow-custom-host"_s, u"Allow a base URL outside Mimecast's domains."_s),
        valueOption(u"timeout"_s,
                    u"Seconds a request may stay silent (default 30); an attempt ends after "
                    u"twice that however slowly the reply arrives."_s,
                    u"SECONDS"_s),
        valueOption(u"max-reply-mb"_s,
                    u"Largest reply read, in MB (default 64); a larger one is an error."_s,
                    u"MB"_s),
        valueOption(u"batches-in-flight"_s,
                    u"Batches of a bulk write sent at once (1 to 8; default: the profile's "
                    u"setting, else 4). Drops to 1 after Mimecast's rate limit."_s,
                    u"N"_s),
        valueOption(u"max-pause"_s,
                    u"Seconds a bulk write waits for a lost connection to come back (default "
                    u"600; 0: stop at once). The job is kept for `resume` either way."_s,
                    u"SECONDS"_s),
        valueOption(u"case-id"_s, u"Case the action belongs to."_s, u"ID"_s),
        valueOption(u"alert-group-identifiers"_s, u"Comma-separated alert group identifiers."_s,
                    u"A,B"_s),
        valueOption(u"target-entity"_s, u"Target entity, repeatable."_s, u"ID[:TYPE]"_s),
        valueOption(u"scope"_s, u"Scope of the action (default \"All entities\")."_s, u"TEXT"_s),
        valueOption(u"csv"_s,
                    u"Also write the results to this CSV file (search and list actions)."_s,
                    u"FILE"_s)};
    return options;
}

Command::Command(actions::ActionId id, QString description, QList<QCommandLineOption> options)
    : m_id(id)
    , m_description(std::move(description))
    , m_options(std::move(options))
{}

bool Command::hasOption(const QString &name) const
{
    return std::any_of(m_options.cbegin(), m_options.cend(),
                       [&](const QCommandLineOption &o) { return o.names().contains(name); });
}

QString Command::helpText() const
{
    QString out = u"Usage: mcdesk-cli "_s + name() + u" [options]\n\n"_s + m_description + u'\n';
    if (!m_options.isEmpty())
        out += u"\nOptions:\n"_s + formatOptions(m_options);
    out += u"\nCommon options (connection, case, --csv, --timeout): mcdesk-cli --help\n"_s;
    return out;
}

std::optional<int> Command::beforeSending(const QCommandLineParser &, const actions::ActionArgs &,
                                          const QDateTime &) const
{
    return std::nullopt;
}

int Command::run(const QCommandLineParser &parser) const
{
    actions::ActionArgs args;
    if (const QString problem = parse(parser, args); !problem.isEmpty()) {
        printErr(problem);
        return InvalidInput;
    }
    Shared shared;
    if (const QString problem = parseShared(parser, shared); !problem.isEmpty()) {
        printErr(problem);
        return InvalidInput;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Bad input is refused before any credential is loaded or any request is sent.
    if (const QString problem = actions::ActionRunner::validate(m_id, args, now);
        !problem.isEmpty()) {
        printErr(problem + problemHint());
        return InvalidInput;
    }
    if (const std::optional<int> answered = beforeSending(parser, args, now))
        return *answered;

    std::unique_ptr<sim::SimulatorHost> simulator;
    Connection connection;
    api::ApiClient client;
    if (needsConnection()) {
        if (parser.isSet(u"demo"_s)) {
            sim::SimConfig config;
            config.latencyMs = parser.isSet(u"latency"_s) ? parser.value(u"latency"_s).toInt() : 80;
            simulator = std::make_unique<sim::SimulatorHost>(config);
            QString error;
            if (!simulator->start(0, &error)) {
                printErr(u"The built-in simulator could not start: "_s + error);
                return ConnectionFailure;
            }
            connection.baseUrl = simulator->baseUrl();
            connection.credentials = sim::demoCredentials();
            connection.profile = u"demo"_s;
        } else if (parser.isSet(u"profile"_s)) {
            connection = connectionFromProfile(parser.value(u"profile"_s));
        } else {
            connection = connectionFromEnvironment(parser.value(u"base-url"_s));
        }
        if (!connection.error.isEmpty()) {
            printErr(connection.error);
            return connection.errorExit;
        }

        api::ClientOptions clientOptions;
        clientOptions.timeoutMs = shared.timeoutSeconds * 1000;
        clientOptions.maxReplyBytes = qint64(shared.maxReplyMb) * 1024 * 1024;
        clientOptions.batchesInFlight =
            shared.batchesInFlight > 0 ? shared.batchesInFlight : connection.batchesInFlight;
        clientOptions.allowCustomHost =
            connection.allowCustomHost || parser.isSet(u"allow-custom-host"_s);
        if (const QString problem =
                client.configure(connection.baseUrl, connection.credentials, clientOptions);
            !problem.isEmpty()) {
            printErr(problem);
            return InvalidInput;
        }
        shared.context.profile = connection.profile;
    }
    audit::AuditTrail auditTrail;
    actions::ActionRunner runner(&client, &auditTrail, shared.context);
    runner.setJobSettings(shared.jobs);

    QEventLoop loop;
    QObject::connect(&runner, &actions::ActionRunner::finished, &loop, &QEventLoop::quit);
    // stdout stays one JSON object; a pause is news for the person watching.
    QObject::connect(&runner, &actions::ActionRunner::paused,
                     [](const QString &why) { printErr(why); });
    runner.run(m_id, args);
    loop.exec();

    const actions::ActionOutcome &outcome = runner.outcome();
    printJson(runner.output());
    if (!outcome.success)
        printErr(outcome.message);

    int exitCode = int(outcome.exitCode);
    if (parser.isSet(u"csv"_s) && !runner.table().isEmpty()) {
        const QString path = parser.value(u"csv"_s);
        exporting::CsvWriter csv;
        QString error;
        bool ok = csv.open(path, &error);
        for (const QStringList &row : runner.table())
            ok = ok && csv.writeRow(row);
        if (!ok || !csv.commit(&error)) {
            printErr(u"--csv "_s + path + u" could not be written: "_s +
                     (error.isEmpty() ? csv.errorString() : error));
            exitCode = exitCode == Success ? Refused : exitCode;
        }
    }
    return exitCode;
}

} // namespace mcdesk::cli
