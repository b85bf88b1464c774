#pragma once

// Shared by the GUI tests: a throw-away settings file, audit log and XDG directories, an
// in-memory secret store, scripted dialogs (none is ever shown), profiles that point at an
// in-process simulator, and widget lookup by objectName.

#include "core/secrets/memorysecretstore.h"
#include "core/secrets/profilecredentials.h"
#include "core/secrets/profilestore.h"
#include "core/simulator/simulatorhost.h"
#include "tests/support/dialogscript.h"
#include "ui/shell/mainwindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
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
    DialogScript m_dialogs; // first in, last out: it checks the script once the pages are gone
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
    // Queued layout (a chart's axes) may still move things: take the picture once two grabs,
    // with the event queue run between them, come out the same.
    QImage shot = widget->grab().toImage();
    const bool settled = QTest::qWaitFor(
        [&] {
            QCoreApplication::sendPostedEvents();
            const QImage next = widget->grab().toImage();
            const bool same = next == shot;
            shot = next;
            return same;
        },
        2000);
    if (!settled)
        qWarning("the screenshot %s did not settle within 2 s", qPrintable(name));
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (!shot.save(path))
        qWarning("could not save the screenshot %s", qPrintable(path));
}

} // namespace mcdesk::testing
