#include "ui/shell/appoptions.h"

#include "ui/shell/mainwindow.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

AppOptions AppOptions::parse(const QStringList &arguments)
{
    AppOptions out;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Mimecast Triage Desk: triage held mail, keep sender lists and search the Mimecast "
           "archive. Connections are kept in the system keychain; --demo runs everything on a "
           "built-in simulator."));
    const QCommandLineOption help({u"h"_s, u"help"_s}, tr("Show this help."));
    const QCommandLineOption version(u"version"_s, tr("Show the version."));
    const QCommandLineOption demo(u"demo"_s, tr("Start on the built-in Mimecast simulator."));
    const QCommandLineOption latency(u"latency"_s,
                                     tr("Delay every simulator reply by MS milliseconds "
                                        "(default 80)."),
                                     u"MS"_s);
    const QCommandLineOption profile(u"profile"_s, tr("Start with the connection NAME."),
                                     u"NAME"_s);
    const QCommandLineOption page(
        u"page"_s, tr("Open this page: %1.").arg(MainWindow::pageKeys().join(u", "_s)), u"PAGE"_s);
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        tr("Render the page once its data has loaded, write it to FILE as PNG and exit. Needs "
           "no display."),
        u"FILE"_s);
    const QCommandLineOption windowSize(
        u"window-size"_s,
        tr("Open the window at WIDTHxHEIGHT pixels, such as 1024x640 (screenshots default to "
           "1280x800)."),
        u"WxH"_s);
    const QCommandLineOption colorScheme(
        u"color-scheme"_s,
        tr("Use the system's colours, or force light or dark: system, light, dark."), u"SCHEME"_s);
    parser.addOptions(
        {help, version, demo, latency, profile, page, screenshot, windowSize, colorScheme});
    out.helpText = parser.helpText();
    // Parsed before QCoreApplication exists, so Qt cannot name the program itself.
    out.helpText.replace(u"<executable_name>"_s, u"mcdesk"_s);
    if (!parser.parse(arguments)) {
        out.error = parser.errorText();
        return out;
    }
    out.help = parser.isSet(help);
    out.version = parser.isSet(version);
    out.demo = parser.isSet(demo);
    out.profile = parser.value(profile);
    out.page = parser.value(page);
    out.screenshot = parser.value(screenshot);
    if (!parser.positionalArguments().isEmpty()) {
        out.error =
            tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst());
        return out;
    }
    if (parser.isSet(latency)) {
        bool ok = false;
        out.latencyMs = parser.value(latency).toInt(&ok);
        if (!ok || out.latencyMs < 0 || out.latencyMs > 60000) {
            out.error = tr("--latency must be a number of milliseconds from 0 to 60000.");
            return out;
        }
    }
    if (parser.isSet(windowSize)) {
        const QStringList parts = parser.value(windowSize).split(u'x');
        bool okW = false, okH = false;
        const int w = parts.size() == 2 ? parts[0].toInt(&okW) : 0;
        const int h = parts.size() == 2 ? parts[1].toInt(&okH) : 0;
        if (!okW || !okH || w < 640 || h < 400 || w > 7680 || h > 4320) {
            out.error = tr("--window-size must be WIDTHxHEIGHT in pixels, from 640x400 to "
                           "7680x4320, such as 1280x800.");
            return out;
        }
        out.windowSize = QSize(w, h);
    }
    if (parser.isSet(colorScheme)) {
        const QString scheme = parser.value(colorScheme);
        if (scheme == u"system"_s)
            out.colorScheme = ColorScheme::System;
        else if (scheme == u"light"_s)
            out.colorScheme = ColorScheme::Light;
        else if (scheme == u"dark"_s)
            out.colorScheme = ColorScheme::Dark;
        else {
            out.error = tr("--color-scheme must be system, light or dark.");
            return out;
        }
    }
    if (!out.page.isEmpty() && !MainWindow::pageKeys().contains(out.page)) {
        out.error = tr("--page must be one of %1.").arg(MainWindow::pageKeys().join(u", "_s));
        return out;
    }
    if (out.demo && !out.profile.isEmpty()) {
        out.error = tr("Give either --demo or --profile, not both.");
        return out;
    }
    if (parser.isSet(screenshot) && out.screenshot.isEmpty()) {
        out.error = tr("--screenshot needs a file name.");
        return out;
    }
    return out;
}

} // namespace mcdesk::ui
