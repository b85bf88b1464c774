#pragma once

// Runs the built mcdesk-cli (MCDESK_CLI) as a script would, and keeps what it said.

#include "core/api/credentials.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace mcdesk::testing {

struct CliRun
{
    int exitCode = -1; // -1 when it crashed or did not finish
    QJsonObject json;  // stdout, parsed
    QString out;
    QString err;
};

// mcdesk-cli's environment in a test: none of the caller's MIMECAST_* variables, data and
// configuration under `home`, and the base URL and credentials given.
inline QProcessEnvironment cliEnvironment(const QString &home, const QUrl &baseUrl,
                                          const api::Credentials &c)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &k : env.keys())
        if (k.startsWith(QStringLiteral("MIMECAST_")))
            env.remove(k);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("MIMECAST_BASE_URL"), baseUrl.toString());
    if (c.kind == api::Credentials::Kind::Api1) {
        env.insert(QStringLiteral("MIMECAST_APP_ID"), c.appId);
        env.insert(QStringLiteral("MIMECAST_APP_KEY"), c.appKey);
        env.insert(QStringLiteral("MIMECAST_ACCESS_KEY"), c.accessKey);
        env.insert(QStringLiteral("MIMECAST_SECRET_KEY"), c.secretKey);
    } else {
        env.insert(QStringLiteral("MIMECAST_CLIENT_ID"), c.clientId);
        env.insert(QStringLiteral("MIMECAST_CLIENT_SECRET"), c.clientSecret);
    }
    return env;
}

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
