#pragma once

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>

namespace mcdesk::ui {

// mcdesk's command line. Parsed before QApplication exists, so --help and --version work
// without a display and the screenshot mode can choose the offscreen platform first.
struct AppOptions
{
    Q_DECLARE_TR_FUNCTIONS(AppOptions)
public:
    bool demo = false;
    int latencyMs = 80;
    QString profile;
    QString page;       // held, archive, builder, senders, activity; empty = last shown
    QString screenshot; // PNG path: render the page once loaded, write it, exit
    QSize windowSize;   // --window-size WxH; empty = saved layout, or fitted to the screen
    enum class ColorScheme { System, Light, Dark } colorScheme = ColorScheme::System;
    bool help = false;
    bool version = false;
    QString error;    // invalid input: print and exit 2
    QString helpText; // filled by parse()

    static AppOptions parse(const QStringList &arguments);
};

} // namespace mcdesk::ui
