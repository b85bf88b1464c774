// mcdesk-sim: the offline Mimecast as a standalone server on 127.0.0.1.
#include "core/simulator/simulatorhost.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
void out(const QString &line)
{
    std::fputs((line + u'\n').toUtf8().constData(), stdout);
    std::fflush(stdout); // scripts wait for the "listening on" line
}

void err(const QString &line)
{
    std::fputs((u"mcdesk-sim: "_s + line + u'\n').toUtf8().constData(), stderr);
}

bool readInt(const QCommandLineParser &parser, const QString &name, int min, int *value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int parsed = parser.value(name).toInt(&ok);
    if (!ok || parsed < min) {
        err(u"--%1 must be a whole number >= %2"_s.arg(name).arg(min));
        return false;
    }
    *value = parsed;
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"mcdesk-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MCDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Offline Mimecast simulator for Mimecast Triage Desk. Listens on 127.0.0.1 only and "
        u"prints public demo credentials for API 1.0 and API 2.0."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"port"_s, u"TCP port on 127.0.0.1 (0 = any free port)."_s, u"N"_s, u"0"_s},
        {u"seed"_s, u"Seed of the generated data."_s, u"S"_s, u"1"_s},
        {u"latency"_s, u"Delay every reply by MS milliseconds."_s, u"MS"_s, u"0"_s},
        {u"held"_s, u"Number of held messages."_s, u"N"_s, u"2000"_s},
        {u"archive"_s, u"Number of archived messages."_s, u"N"_s, u"20000"_s},
        {u"remediation-settle-ms"_s,
         u"How long a Threat Remediation incident takes to settle (successful + failed = "
         u"identified)."_s,
         u"N"_s, u"4000"_s},
        {u"fault"_s,
         u"Inject a fault: KIND[:PATH[:TIMES[:ID,ID...]]], KIND one of %1; TIMES -1 = forever. "
         u"Repeatable."_s.arg(mcdesk::sim::faultKindNames().join(u", "_s)),
         u"SPEC"_s},
    });
    parser.process(app);

    mcdesk::sim::SimConfig config;
    int port = 0;
    int seed = 1;
    if (!readInt(parser, u"port"_s, 0, &port) || port > 65535 ||
        !readInt(parser, u"seed"_s, 0, &seed) ||
        !readInt(parser, u"latency"_s, 0, &config.latencyMs) ||
        !readInt(parser, u"held"_s, 0, &config.heldCount) ||
        !readInt(parser, u"archive"_s, 0, &config.archiveCount) ||
        !readInt(parser, u"remediation-settle-ms"_s, 0, &config.remediationSettleMs))
        return 2;
    config.seed = quint32(seed);

    mcdesk::sim::SimulatorHost host(config);
    for (const QString &spec : parser.values(u"fault"_s)) {
        QString error;
        const auto rule = mcdesk::sim::parseFaultSpec(spec, &error);
        if (!rule) {
            err(error);
            return 2;
        }
        host.addFault(*rule);
    }
    QString error;
    if (!host.start(quint16(port), &error)) {
        err(u"cannot listen on 127.0.0.1:%1: %2"_s.arg(port).arg(error));
        return 1;
    }
    const QString base = host.baseUrl().toString();
    const auto api1 = mcdesk::sim::demoCredentials();
    const auto api2 = mcdesk::sim::demoOAuthCredentials();
    out(u"listening on "_s + base);
    out(u"# API 1.0 demo credentials (public demo values, not secrets)"_s);
    out(u"export MIMECAST_BASE_URL="_s + base);
    out(u"export MIMECAST_APP_ID="_s + api1.appId);
    out(u"export MIMECAST_APP_KEY="_s + api1.appKey);
    out(u"export MIMECAST_ACCESS_KEY="_s + api1.accessKey);
    out(u"export MIMECAST_SECRET_KEY="_s + api1.secretKey);
    out(u"# API 2.0 demo client (public demo values, not secrets)"_s);
    out(u"export MIMECAST_CLIENT_ID="_s + api2.clientId);
    out(u"export MIMECAST_CLIENT_SECRET="_s + api2.clientSecret);
    return app.exec();
}
