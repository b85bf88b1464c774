#include "ui/shell/screenshotrunner.h"

#include "ui/common/page.h"
#include "ui/common/uilogging.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/session.h"

#include <QDir>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

ScreenshotRunner::ScreenshotRunner(MainWindow *window, QString pageKey, QString file, int timeoutMs,
                                   QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_pageKey(std::move(pageKey))
    , m_file(std::move(file))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("The page did not finish loading within %1 s.").arg(m_timeout.interval() / 1000));
    });
}

void ScreenshotRunner::start()
{
    if (!m_pageKey.isEmpty() && !m_window->showPage(m_pageKey))
        return fail(tr("There is no page \"%1\".").arg(m_pageKey));
    m_timeout.start();
    Session *session = m_window->session();
    connect(session, &Session::connectionStatusChanged, this, &ScreenshotRunner::poll);
    if (Page *page = m_window->currentPage())
        connect(page, &Page::loaded, this, &ScreenshotRunner::poll);
    // Evaluate once the connection choice made before start() has had its first event turn.
    QTimer::singleShot(0, this, &ScreenshotRunner::poll);
}

void ScreenshotRunner::poll()
{
    if (!m_window)
        return fail(tr("The window is gone."));
    Page *page = m_window->isWelcomeShown() ? nullptr : m_window->currentPage();
    switch (m_stage) {
    case Stage::WaitingForConnection:
        if (m_window->session()->connectionStatus().state == ConnectionStatus::State::Checking)
            return;
        m_stage = Stage::WaitingForPage;
        // Read the page's data now that the connection is settled (and, for Activity, the ping
        // is in the network log).
        if (page) {
            page->reload();
            return;
        }
        [[fallthrough]];
    case Stage::WaitingForPage:
        if (page && !page->isLoaded())
            return;
        m_stage = Stage::Capturing;
        // Two event-loop turns so queued layout, scrolling and repaint requests are applied.
        QTimer::singleShot(0, this,
                           [this] { QTimer::singleShot(0, this, &ScreenshotRunner::capture); });
        return;
    case Stage::Capturing:
    case Stage::Done:
        return;
    }
}

void ScreenshotRunner::capture()
{
    if (!m_window)
        return fail(tr("The window is gone."));
    const QPixmap pixmap = m_window->grab();
    if (pixmap.isNull())
        return fail(tr("The window could not be rendered."));
    if (!pixmap.save(m_file, "PNG"))
        return fail(tr("Could not write %1.").arg(QDir::toNativeSeparators(m_file)));
    m_stage = Stage::Done;
    m_timeout.stop();
    m_message = tr("Wrote %1 (%2x%3)")
                    .arg(QDir::toNativeSeparators(m_file))
                    .arg(pixmap.width())
                    .arg(pixmap.height());
    qCInfo(lcUi).noquote() << m_message;
    emit finished(0);
}

void ScreenshotRunner::fail(const QString &why)
{
    if (m_stage == Stage::Done)
        return;
    m_stage = Stage::Done;
    m_timeout.stop();
    m_message = why;
    emit finished(1);
}

} // namespace mcdesk::ui
