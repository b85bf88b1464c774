#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace mcdesk::ui {

class MainWindow;

// The --screenshot mode: shows a page, waits until the connection check is over and the page
// has loaded its data (for Activity: after the ping, a fresh read of the audit log), grabs the
// window and writes it as PNG. finished(exitCode) reports the outcome: 0 written, 1 failed.
class ScreenshotRunner : public QObject
{
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow *window, QString pageKey, QString file, int timeoutMs = 60000,
                     QObject *parent = nullptr);

    // Call after the window is shown and its connection chosen.
    void start();
    QString message() const { return m_message; } // what was written, or why not

signals:
    void finished(int exitCode);

private:
    void poll();
    void capture();
    void fail(const QString &why);

    QPointer<MainWindow> m_window;
    QString m_pageKey;
    QString m_file;
    QString m_message;
    QTimer m_timeout;
    enum class Stage { WaitingForConnection, WaitingForPage, Capturing, Done };
    Stage m_stage = Stage::WaitingForConnection;
};

} // namespace mcdesk::ui
