#pragma once

#include "ui/shell/connectioncontroller.h"
#include "ui/shell/mainactions.h"

#include <QMainWindow>
#include <QString>

class QListWidget;
class QMenu;
class QSettings;
class QSplitter;
class QStackedWidget;

namespace mcdesk::secrets {
class SecretStore;
}

namespace mcdesk::ui {

class ActivityPage;
class ArchiveSearchPage;
class HeldQueuePage;
class MessageBar;
class Page;
class QueryBuilderPage;
class SenderListsPage;
class Session;
class SessionToolbar;
class WelcomePage;

// What the window is given rather than finding itself, so tests can use a temporary settings
// file and an in-memory secret store.
struct Services
{
    QSettings *settings = nullptr;           // window layout and connection profiles; not owned
    secrets::SecretStore *secrets = nullptr; // not owned
    QString auditLogPath;                    // empty: AuditLog::defaultPath()
    sim::SimConfig demo =
        ConnectionController::defaultDemoConfig(); // for --demo and "Try the demo"
};

// The frame every analyst screen lives in: navigation between the pages (Ctrl+1…Ctrl+5), the
// session toolbar, the message bar, menus and a status bar with progress and Cancel. Shows the
// welcome page while there is neither a connection profile nor the demo.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Page keys as --page takes them: held, archive, builder, senders, activity, investigate.
    static QStringList pageKeys();
    // The window's size on first run (no saved layout): `preferred` where the screen's
    // available area holds it, otherwise most of that area.
    static QSize firstRunSize(const QSize &available, const QSize &preferred);
    bool showPage(const QString &key);
    Page *page(const QString &key) const;
    Page *currentPage() const;
    bool isWelcomeShown() const;

    // The first connection: the demo, the named profile, the last used one, or the first one.
    void chooseInitialConnection(bool demo, const QString &profile);

    Session *session() const { return m_session; }
    ConnectionController *connections() const { return m_connections; }
    MessageBar *messageBar() const { return m_messageBar; }

    void saveLayout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createWorkspace();
    void connectPages(HeldQueuePage *held, ArchiveSearchPage *archive, QueryBuilderPage *builder,
                      SenderListsPage *senders);
    void restoreLayout();
    void updateRoot();
    void updateTitle();
    void refresh();
    void showPageMenu(QMenu *menu);
    void startDemo();
    void addConnection();
    void manageConnections();
    void about();

    QSettings *m_settings;
    Session *m_session;
    ConnectionController *m_connections;
    MessageBar *m_messageBar;
    QStackedWidget *m_root;
    WelcomePage *m_welcome;
    QSplitter *m_workspace;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    SessionToolbar *m_toolbar = nullptr;
    QList<Page *> m_pageList;
    MainActions m_actions;
    QAction *m_pageMenu = nullptr; // the current page's menu in the menu bar, if it has one
};

} // namespace mcdesk::ui
