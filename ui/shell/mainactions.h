#pragma once

#include <QCoreApplication>
#include <QStringList>

class QAction;
class QActionGroup;
class QMenuBar;
class QWidget;

namespace mcdesk::ui {

// The main window's actions, each named, with its shortcut, and added to the window so the
// shortcuts work even when the menu bar is hidden; and the File, View and Help menus built
// from them. The window connects them.
struct MainActions
{
    Q_DECLARE_TR_FUNCTIONS(MainActions)
public:
    QAction *addConnection = nullptr;
    QAction *manageConnections = nullptr;
    QAction *startDemo = nullptr;
    QAction *quit = nullptr;
    QAction *refresh = nullptr;
    QAction *shortcuts = nullptr; // Help → Keyboard shortcuts
    QAction *about = nullptr;
    QAction *aboutQt = nullptr;
    QAction *dismissMessage = nullptr;
    QActionGroup *pages = nullptr; // one per page, in pageKeys order, Ctrl+1…

    static MainActions create(QWidget *window, const QStringList &pageKeys);
    void buildMenus(QMenuBar *menuBar) const;
};

} // namespace mcdesk::ui
