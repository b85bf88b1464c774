#include "ui/app.h"

#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/profilestore.h"
#include "ui/common/palette.h"
#include "ui/shell/appicon.h"
#include "ui/shell/appoptions.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/screenshotrunner.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
void print(std::FILE *stream, const QString &text)
{
    const QByteArray bytes = (text.endsWith(u'\n') ? text : text + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// The screenshot mode needs no display: without X11 or Wayland it renders offscreen.
void chooseOffscreenWhenHeadless()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
}
} // namespace

int runApp(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const AppOptions options = AppOptions::parse(arguments);
    if (!options.error.isEmpty()) {
        print(stderr, u"mcdesk: "_s + options.error + u" (see --help)"_s);
        return 2;
    }
    if (options.help) {
        print(stdout, options.helpText);
        return 0;
    }
    if (options.version) {
        print(stdout, u"mcdesk "_s + QStringLiteral(MCDESK_VERSION));
        return 0;
    }
    const bool screenshot = !options.screenshot.isEmpty();
    if (screenshot)
        chooseOffscreenWhenHeadless();

    QApplication app(argc, argv);
    // As mcdesk-cli: no organisation name, so both use ~/.local/share/mcdesk/audit.jsonl and
    // ~/.config/mcdesk/mcdesk.ini.
    QApplication::setApplicationName(u"mcdesk"_s);
    QApplication::setApplicationDisplayName(QApplication::translate("App", "Mimecast Triage Desk"));
    QApplication::setApplicationVersion(QStringLiteral(MCDESK_VERSION));
    QGuiApplication::setDesktopFileName(u"mcdesk"_s);
    QApplication::setWindowIcon(appIcon());

    if (options.colorScheme == AppOptions::ColorScheme::Dark)
        QApplication::setPalette(palette::dark());
    else if (options.colorScheme == AppOptions::ColorScheme::Light)
        QApplication::setPalette(QApplication::style()->standardPalette());

    const std::unique_ptr<QSettings> settings = secrets::ProfileStore::openDefaultSettings();
    secrets::KeychainSecretStore secretStore;
    Services services;
    services.settings = settings.get();
    services.secrets = &secretStore;
    services.demo.latencyMs = options.latencyMs;
    MainWindow window(services);

    if (!screenshot) {
        if (!options.windowSize.isEmpty())
            window.resize(options.windowSize);
        window.show();
        window.chooseInitialConnection(options.demo, options.profile);
        if (!options.page.isEmpty())
            window.showPage(options.page);
        return app.exec();
    }

    // A fixed size keeps screenshots comparable; the saved layout is neither used nor changed.
    window.setWindowState(Qt::WindowNoState);
    window.resize(options.windowSize.isEmpty() ? QSize(1280, 800) : options.windowSize);
    window.show();
    window.chooseInitialConnection(options.demo, options.profile);
    ScreenshotRunner runner(&window, options.page, options.screenshot);
    QObject::connect(&runner, &ScreenshotRunner::finished, &app, [&runner](int code) {
        print(code == 0 ? stdout : stderr,
              (code == 0 ? QString() : u"mcdesk: "_s) + runner.message());
        QCoreApplication::exit(code);
    });
    runner.start();
    return app.exec();
}

} // namespace mcdesk::ui
