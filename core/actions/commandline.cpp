#include "commandline.h"

#include "actionrunner.h"
#include "api/apiclient.h"
#include "audit/auditlog.h"
#include "export/csvwriter.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/profilecredentials.h"
#include "secrets/profilestore.h"
#include "simulator/simulatorhost.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSettings>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace mcdesk::cli {

namespace {

// The exit codes as main() returns them.
constexpr int Success = int(actions::ExitCode::Success);
constexpr int Refused = int(actions::ExitCode::Refused);
constexpr int InvalidInput = int(actions::ExitCode::InvalidInput);
constexpr int ConnectionFailure = int(actions::ExitCode::ConnectionFailure);

void printErr(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stderr);
}

void printJson(const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fflush(stdout);
}

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    return out;
}

struct Connection
{
    QUrl baseUrl;
    api::Credentials credentials;
    QString profile;
    bool allowCustomHost = false;
    QString error; // exit 2 when set
    int errorExit = InvalidInput;
};

// Credentials come from the keychain profile or the environment, never from flags, which other
// users can read in the process list.
Connection connectionFromEnvironment(const QString &baseUrlFlag)
{
    Connection c;
    c.profile = u"environment"_s;
    const QString base =
        baseUrlFlag.isEmpty() ? qEnvironmentVariable("MIMECAST_BASE_URL") : baseUrlFlag;
    if (base.isEmpty()) {
        c.error =
            u"No connection given: use --profile NAME, --demo, or set MIMECAST_BASE_URL and the "
            u"MIMECAST_CLIENT_ID/MIMECAST_CLIENT_SECRET (API 2.0) or MIMECAST_APP_ID, "
            u"MIMECAST_APP_KEY, MIMECAST_ACCESS_KEY, MIMECAST_SECRET_KEY (API 1.0) variables"_s;
        return c;
    }
    c.baseUrl = QUrl(base);
    api::Credentials &cr = c.credentials;
    if (qEnvironmentVariableIsSet("MIMECAST_CLIENT_ID") ||
        qEnvironmentVariableIsSet("MIMECAST_CLIENT_SECRET")) {
        cr.kind = api::Credentials::Kind::Api2;
        cr.clientId = qEnvironmentVariable("MIMECAST_CLIENT_ID");
        cr.clientSecret = qEnvironmentVariable("MIMECAST_CLIENT_SECRET");
    } else {
        cr.kind = api::Credentials::Kind::Api1;
        cr.appId = qEnvironmentVariable("MIMECAST_APP_ID");
        cr.appKey = qEnvironmentVariable("MIMECAST_APP_KEY");
        cr.accessKey = qEnvironmentVariable("MIMECAST_ACCESS_KEY");
        cr.secretKey = qEnvironmentVariable("MIMECAST_SECRET_KEY");
    }
    static const QMap<QString, QString> variableOf{
        {u"Application ID"_s, u"MIMECAST_APP_ID"_s},
        {u"Application Key"_s, u"MIMECAST_APP_KEY"_s},
        {u"Access Key"_s, u"MIMECAST_ACCESS_KEY"_s},
        {u"Secret Key"_s, u"MIMECAST_SECRET_KEY"_s},
        {u"Client ID"_s, u"MIMECAST_CLIENT_ID"_s},
        {u"Client Secret"_s, u"MIMECAST_CLIENT_SECRET"_s}};
    if (const QString missing = cr.missingField(); !missing.isEmpty())
        c.error =
            missing + u" is missing: set "_s + variableOf.value(missing) + u" in the environment"_s;
    return c;
}

Connection connectionFromProfile(const QString &name)
{
    Connection c;
    c.profile = name;
    const std::unique_ptr<QSettings> settings = secrets::ProfileStore::openDefaultSettings();
    secrets::ProfileStore profiles(settings.get());
    const std::optional<secrets::Profile> profile = profiles.get(name);
    if (!profile) {
        const QStringList names = profiles.names();
        c.error = u"--profile \""_s + name + u"\" does not exist"_s +
                  (names.isEmpty() ? u"; add one in the mcdesk app"_s
                                   : u"; known profiles: "_s + names.join(u", "_s));
        return c;
    }
    c.baseUrl = profile->baseUrl;
    c.allowCustomHost = profile->allowCustomHost;
    secrets::KeychainSecretStore store;
    QEventLoop loop;
    secrets::ProfileCredentials::loadCredentials(
        store, *profile, [&](const secrets::ProfileCredentials::LoadResult &result) {
            if (result.ok)
                c.credentials = result.credentials;
            else {
                c.error = result.error;
                c.errorExit = result.status == secrets::SecretResult::Status::NotFound
                                  ? InvalidInput
                                  : ConnectionFailure;
            }
            loop.quit();
        });
    loop.exec();
    return c;
}

} // namespace

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"mcdesk"_s);
    // No organisation name: data lives in ~/.local/share/mcdesk, shared with the desktop app.
    QCoreApplication::setApplicationVersion(QStringLiteral(MCDESK_VERSION));
    // stdout carries the JSON result; keep stderr for diagnostics that matter to the caller.
    if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"mcdesk.*.info=false\nmcdesk.*.debug=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Mimecast Triage Desk command line: runs one action and prints one JSON object.\n"
        u"Actions: "_s +
        actions::actionNames().join(u", "_s) +
        u"\nCredentials: --profile NAME (keychain) or the MIMECAST_* environment variables.\n"
        u"Exit status: 0 success, 1 Mimecast refused or items failed, 2 invalid input (nothing "
        u"sent), 3 connection, TLS or authentication failure."_s);
    parser.addPositionalArgument(u"action"_s, u"The action to run."_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    const QCommandLineOption version(u"version"_s, u"Show the version."_s);
    auto opt = [](const QString &name, const QString &description, const QString &value = {}) {
        return QCommandLineOption(name, description, value);
    };
    const QList<QCommandLineOption> options{
        help,
        version,
        opt(u"base-url"_s, u"Mimecast API base URL (else MIMECAST_BASE_URL)."_s, u"URL"_s),
        opt(u"profile"_s, u"Connection profile whose secrets are in the keychain."_s, u"NAME"_s),
        opt(u"demo"_s, u"Run against the built-in simulator."_s),
        opt(u"latency"_s, u"Simulated latency in ms with --demo (default 80)."_s, u"MS"_s),
        opt(u"allow-custom-host"_s, u"Allow a base URL outside Mimecast's domains."_s),
        opt(u"timeout"_s, u"Seconds to wait for each request (default 30)."_s, u"SECONDS"_s),
        opt(u"case-id"_s, u"Case the action belongs to."_s, u"ID"_s),
        opt(u"alert-group-identifiers"_s, u"Comma-separated alert group identifiers."_s, u"A,B"_s),
        opt(u"target-entity"_s, u"Target entity, repeatable."_s, u"ID[:TYPE]"_s),
        opt(u"scope"_s, u"Scope of the action (default \"All entities\")."_s, u"TEXT"_s),
        opt(u"csv"_s, u"Also write the results to this CSV file (search and list actions)."_s,
            u"FILE"_s),
        opt(u"fields-to-return"_s, u"Comma-separated archive return fields."_s, u"a,b"_s),
        opt(u"time-frame"_s, u"Last Hour|Last 6 Hours|Last 24 Hours|Last Week|Last Month|Custom"_s,
            u"FRAME"_s),
        opt(u"mailboxes"_s, u"Comma-separated mailboxes to search."_s, u"LIST"_s),
        opt(u"from"_s, u"Comma-separated sender addresses."_s, u"LIST"_s),
        opt(u"to"_s, u"Comma-separated recipient addresses."_s, u"LIST"_s),
        opt(u"subject"_s, u"Subject to search for."_s, u"TEXT"_s),
        opt(u"start-time"_s, u"Custom start, ISO 8601."_s, u"ISO"_s),
        opt(u"end-time"_s, u"Custom end, ISO 8601 (default now)."_s, u"ISO"_s),
        opt(u"max-emails-to-return"_s, u"Maximum emails (default 50)."_s, u"N"_s),
        opt(u"print-query"_s, u"Print the archive query XML and send nothing."_s),
        opt(u"xml-query"_s, u"Archive query XML."_s, u"XML"_s),
        opt(u"xml-query-file"_s, u"File holding the archive query XML."_s, u"FILE"_s),
        opt(u"max-results"_s, u"Maximum results of an advanced search (default 1000)."_s, u"N"_s),
        opt(u"message-id"_s, u"Held message id, repeatable."_s, u"ID"_s),
        opt(u"release-to-sandbox"_s, u"Release to the sandbox instead."_s),
        opt(u"note"_s, u"Note sent with a rejection."_s, u"TEXT"_s),
        opt(u"reason"_s, u"Rejection reason."_s, u"R"_s),
        opt(u"notify-sender"_s, u"Tell the sender about the rejection."_s),
        opt(u"sender"_s, u"Sender address."_s, u"ADDR"_s),
        opt(u"recipient"_s, u"Recipient address."_s, u"ADDR"_s),
        opt(u"comment"_s, u"Comment for a report."_s, u"TEXT"_s),
        opt(u"report-as"_s, u"spam|malware|phishing"_s, u"TYPE"_s),
        opt(u"search-by"_s, u"all|subject|sender|recipient|reason_code"_s, u"FIELD"_s),
        opt(u"value"_s, u"Value to search for."_s, u"V"_s),
        opt(u"start"_s,
            u"list-held: held since; create-blocked-sender-policy: starts (default now). "
            u"ISO 8601."_s,
            u"ISO"_s),
        opt(u"end"_s,
            u"list-held: held until; create-blocked-sender-policy: ends (default never). "
            u"ISO 8601."_s,
            u"ISO"_s),
        opt(u"route"_s, u"all|internal|outbound|inbound|external"_s, u"R"_s),
        opt(u"limit"_s, u"Maximum held messages (default 1000)."_s, u"N"_s),
        opt(u"description"_s, u"Why the blocked-sender policy exists (required)."_s, u"TEXT"_s),
        opt(u"option"_s, u"block_sender (default) or no_action."_s, u"OPTION"_s),
        opt(u"from-part"_s, u"envelope_from, header_from or both (default)."_s, u"PART"_s),
        opt(u"from-type"_s,
            u"Policy sender: everyone, email_domain, email_address, internal_addresses, "
            u"external_addresses or profile_group."_s,
            u"TYPE"_s),
        opt(u"from-value"_s, u"The sender's address, domain or group id."_s, u"VALUE"_s),
        opt(u"to-type"_s, u"Policy recipient, as --from-type."_s, u"TYPE"_s),
        opt(u"to-value"_s, u"The recipient's address, domain or group id."_s, u"VALUE"_s),
        opt(u"bidirectional"_s, u"Apply the policy in both directions."_s),
        opt(u"override"_s, u"Let the policy override others."_s),
        opt(u"disabled"_s, u"Create the policy disabled."_s),
        opt(u"id"_s, u"The blocked-sender policy's id."_s, u"ID"_s)};
    parser.addOptions(options);

    if (!parser.parse(app.arguments())) {
        printErr(parser.errorText() + u" (see --help)"_s);
        return InvalidInput;
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Success;
    }
    if (parser.isSet(version)) {
        std::fputs(qPrintable(u"mcdesk-cli "_s + QCoreApplication::applicationVersion() + u'\n'),
                   stdout);
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    const std::optional<actions::ActionId> action =
        positional.size() == 1 ? actions::actionFromName(positional.first()) : std::nullopt;
    if (!action) {
        printErr(u"Give exactly one action: "_s + actions::actionNames().join(u", "_s));
        return InvalidInput;
    }
    auto value = [&](const QString &name) {
        return parser.value(name);
    };

    actions::ActionContext context;
    context.caseId = value(u"case-id"_s);
    context.alertGroups = splitList(value(u"alert-group-identifiers"_s));
    for (const QString &t : parser.values(u"target-entity"_s))
        context.targets.append(actions::ActionContext::parseTarget(t));
    if (parser.isSet(u"scope"_s))
        context.scope = value(u"scope"_s);

    actions::ActionArgs args;
    args.fieldsToReturn = value(u"fields-to-return"_s);
    if (parser.isSet(u"time-frame"_s))
        args.timeFrame = value(u"time-frame"_s);
    args.mailboxes = value(u"mailboxes"_s);
    args.from = value(u"from"_s);
    args.to = value(u"to"_s);
    args.subject = value(u"subject"_s);
    args.startTime = value(u"start-time"_s);
    args.endTime = value(u"end-time"_s);
    if (parser.isSet(u"max-emails-to-return"_s))
        args.maxEmails = value(u"max-emails-to-return"_s);
    args.xmlQuery = value(u"xml-query"_s);
    if (parser.isSet(u"xml-query-file"_s)) {
        QFile file(value(u"xml-query-file"_s));
        if (!file.open(QIODevice::ReadOnly)) {
            printErr(u"--xml-query-file "_s + file.fileName() + u" cannot be read: "_s +
                     file.errorString());
            return InvalidInput;
        }
        args.xmlQuery = QString::fromUtf8(file.readAll());
    }
    if (parser.isSet(u"max-results"_s))
        args.maxResults = value(u"max-results"_s);
    args.messageIds = parser.values(u"message-id"_s);
    args.releaseToSandbox = parser.isSet(u"release-to-sandbox"_s);
    args.note = value(u"note"_s);
    args.reason = value(u"reason"_s);
    args.notifySender = parser.isSet(u"notify-sender"_s);
    args.sender = value(u"sender"_s);
    args.recipient = value(u"recipient"_s);
    args.comment = value(u"comment"_s);
    if (parser.isSet(u"report-as"_s))
        args.reportAs = value(u"report-as"_s);
    args.heldQuery.searchBy = value(u"search-by"_s);
    args.heldQuery.value = value(u"value"_s);
    args.heldQuery.route = value(u"route"_s);
    args.heldStart = value(u"start"_s);
    args.heldEnd = value(u"end"_s);
    if (parser.isSet(u"limit"_s))
        args.heldLimit = value(u"limit"_s);
    if (*action == actions::ActionId::CreateBlockedSenderPolicy) {
        senders::BlockedSenderPolicy &p = args.policy;
        p.description = value(u"description"_s);
        if (parser.isSet(u"option"_s))
            p.option = value(u"option"_s);
        if (parser.isSet(u"from-part"_s))
            p.fromPart = value(u"from-part"_s);
        p.from = {value(u"from-type"_s), value(u"from-value"_s)};
        p.to = {value(u"to-type"_s), value(u"to-value"_s)};
        p.bidirectional = parser.isSet(u"bidirectional"_s);
        p.override = parser.isSet(u"override"_s);
        p.enabled = !parser.isSet(u"disabled"_s);
        args.policyStart = value(u"start"_s); // --start/--end: when the policy applies
        args.policyEnd = value(u"end"_s);
    }
    args.policyId = value(u"id"_s);

    bool timeoutOk = true;
    const int timeoutSeconds =
        parser.isSet(u"timeout"_s) ? value(u"timeout"_s).toInt(&timeoutOk) : 30;
    if (!timeoutOk || timeoutSeconds < 1) {
        printErr(u"--timeout must be a whole number of seconds, at least 1"_s);
        return InvalidInput;
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();

    // Bad input is refused before any credential is loaded or any request is sent.
    if (const QString problem = actions::ActionRunner::validate(*action, args, now);
        !problem.isEmpty()) {
        printErr(problem + (*action == actions::ActionId::CreateBlockedSenderPolicy
                                ? u" (options: --description, --option, --from-part, --from-type, "
                                  u"--from-value, --to-type, --to-value, --start, --end)"_s
                                : QString()));
        return InvalidInput;
    }
    if (parser.isSet(u"print-query"_s)) {
        if (*action != actions::ActionId::SimpleArchiveSearch) {
            printErr(u"--print-query only applies to simple-archive-search"_s);
            return InvalidInput;
        }
        std::fputs(qPrintable(actions::ActionRunner::simpleSearchXml(args, now, nullptr) + u'\n'),
                   stdout);
        return Success;
    }
    if (*action == actions::ActionId::ReportMessage)
        printErr(u"warning: report-message is deprecated by Mimecast and may stop working."_s);

    std::unique_ptr<sim::SimulatorHost> simulator;
    Connection connection;
    if (parser.isSet(u"demo"_s)) {
        sim::SimConfig config;
        config.latencyMs = parser.isSet(u"latency"_s) ? value(u"latency"_s).toInt() : 80;
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
        connection = connectionFromProfile(value(u"profile"_s));
    } else {
        connection = connectionFromEnvironment(value(u"base-url"_s));
    }
    if (!connection.error.isEmpty()) {
        printErr(connection.error);
        return connection.errorExit;
    }

    api::ApiClient client;
    api::ClientOptions clientOptions;
    clientOptions.timeoutMs = timeoutSeconds * 1000;
    clientOptions.allowCustomHost =
        connection.allowCustomHost || parser.isSet(u"allow-custom-host"_s);
    if (const QString problem =
            client.configure(connection.baseUrl, connection.credentials, clientOptions);
        !problem.isEmpty()) {
        printErr(problem);
        return InvalidInput;
    }
    context.profile = connection.profile;
    audit::AuditLog auditLog;
    actions::ActionRunner runner(&client, &auditLog, context);

    QEventLoop loop;
    QObject::connect(&runner, &actions::ActionRunner::finished, &loop, &QEventLoop::quit);
    runner.run(*action, args);
    loop.exec();

    const actions::ActionOutcome &outcome = runner.outcome();
    printJson(runner.output());
    if (!outcome.success)
        printErr(outcome.message);

    int exitCode = int(outcome.exitCode);
    if (parser.isSet(u"csv"_s) && !runner.table().isEmpty()) {
        exporting::CsvWriter csv;
        QString error;
        bool ok = csv.open(value(u"csv"_s), &error);
        for (const QStringList &row : runner.table())
            ok = ok && csv.writeRow(row);
        if (!ok || !csv.commit(&error)) {
            printErr(u"--csv "_s + value(u"csv"_s) + u" could not be written: "_s +
                     (error.isEmpty() ? csv.errorString() : error));
            exitCode = exitCode == Success ? Refused : exitCode;
        }
    }
    return exitCode;
}

} // namespace mcdesk::cli
