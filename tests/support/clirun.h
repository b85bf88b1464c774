#pragma once

// Runs the built mcdesk-cli (MCDESK_CLI) as a script would, and keeps what it said.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace mcdesk::testing {

struct CliRun
{
    int exitCode = -1; // -1 when it crashed or did not finish
    QJsonObject json;  // stdout, parsed
    QString out;
    QString err;
};

inline CliRun runCli(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("MCDESK_CLI"), args);
    if (!p.waitForFinished(120000))
        qWarning("mcdesk-cli did not finish");
    CliRun r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    return r;
}

} // namespace mcdesk::testing
