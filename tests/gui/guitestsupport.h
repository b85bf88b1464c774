#pragma once

// Shared by the GUI tests: a throw-away settings file, audit log and XDG directories, an
// in-memory secret store, profiles that point at an in-process simulator, and widget lookup by
// objectName.

#include "mainwindow.h"
#include "secrets/memorysecretstore.h"
#include "secrets/profilecredentials.h"
#include "secrets/profilestore.h"
#include "simulator/simulatorhost.h"

#include <QDir>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace mcdesk::testing {

class GuiEnvironment
{
public:
    GuiEnvironment()
    {
        // Nothing a test does may touch the analyst's real settings or audit log.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("mcdesk.ini")),
                                                 QSettings::IniFormat);
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString auditPath() const { return path(QStringLiteral("audit.jsonl")); }
    QSettings *settings() const { return m_settings.get(); }
    secrets::MemorySecretStore *secrets() { return &m_secrets; }

    ui::Services services()
    {
        ui::Services s;
        s.settings = m_settings.get();
        s.secrets = &m_secrets;
        s.auditLogPath = auditPath();
        s.demo.latencyMs = 0; // the demo in tests: small and quick
        s.demo.heldCount = 60;
        s.demo.archiveCount = 300;
        return s;
    }

    // Saves a profile (identifiers to settings, secrets to the memory store) and waits for it.
    bool addProfile(const QString &name, const QUrl &baseUrl,
                    const api::Credentials &credentials = sim::demoCredentials(),
                    bool storeSecrets = true)
    {
        secrets::ProfileStore store(m_settings.get());
        secrets::Profile profile;
        profile.name = name;
        profile.baseUrl = baseUrl;
        profile.authKind = credentials.kind;
        profile.appId = credentials.appId;
        profile.clientId = credentials.clientId;
        if (!store.save(profile))
            return false;
        if (!storeSecrets)
            return true;
        bool done = false;
        bool ok = false;
        secrets::ProfileCredentials::saveSecrets(
            m_secrets, name, credentials, [&](const secrets::ProfileCredentials::Outcome &o) {
                ok = o.ok;
                done = true;
            });
        return QTest::qWaitFor([&] { return done; }) && ok;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    secrets::MemorySecretStore m_secrets;
};

// Any warning fails the test, except the offscreen platform's and QStandardPaths' own notes.
inline void failOnUnexpectedWarnings()
{
    QTest::failOnWarning(QRegularExpression(
        QStringLiteral("^(?!This plugin does not support|QStandardPaths: XDG_RUNTIME_DIR).*")));
}

// A simulator on loopback with the demo credentials; no latency, so tests stay quick.
inline std::unique_ptr<sim::SimulatorHost> startSimulator()
{
    sim::SimConfig config;
    config.heldCount = 50;
    config.archiveCount = 200;
    auto host = std::make_unique<sim::SimulatorHost>(config);
    QString error;
    if (!host->start(0, &error))
        qFatal("simulator did not start: %s", qPrintable(error));
    return host;
}

// The widget or action called `name` under `root`; fails the test when there is none.
template<typename T> T *child(QObject *root, const QString &name)
{
    T *found = root->findChild<T *>(name);
    if (!found)
        qWarning("no %s called %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

// MCDESK_SCREENSHOT_DIR=/tmp/x ctest -L gui keeps a picture of each interesting state as
// <name>.png (the README's pictures come from here and from mcdesk --screenshot).
inline void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("MCDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    // As the --screenshot mode does: let queued layout (a chart's axes) settle first.
    QTest::qWait(50);
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path))
        qWarning("could not save the screenshot %s", qPrintable(path));
}

} // namespace mcdesk::testing
