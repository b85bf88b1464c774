#include "ui/shell/mainactions.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

MainActions MainActions::create(QWidget *window, const QStringList &pageKeys)
{
    auto make = [window](const QString &name, const QString &text, const QKeySequence &key = {}) {
        auto *action = new QAction(text, window);
        action->setObjectName(name);
        action->setShortcut(key);
        window->addAction(action);
        return action;
    };
    MainActions a;
    a.addConnection = make(u"addConnectionAction"_s, tr("&Add connection…"), QKeySequence::New);
    a.manageConnections = make(u"manageConnectionsAction"_s, tr("&Manage connections…"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    a.startDemo = make(u"startDemoAction"_s, tr("Start the &demo"));
    a.quit = make(u"quitAction"_s, tr("&Quit"), QKeySequence::Quit);
    a.quit->setMenuRole(QAction::QuitRole);
    a.refresh = make(u"refreshAction"_s, tr("&Refresh"), QKeySequence::Refresh);
    a.refresh->setIcon(window->style()->standardIcon(QStyle::SP_BrowserReload));
    a.refresh->setToolTip(tr("Check the connection and reload the page (F5)"));
    a.shortcuts = make(u"shortcutsAction"_s, tr("&Keyboard shortcuts"),
                       QKeySequence(Qt::CTRL | Qt::Key_Slash));
    a.shortcuts->setToolTip(tr("Every key of the window and of each page"));
    a.about = make(u"aboutAction"_s, tr("&About Mimecast Triage Desk"));
    a.about->setMenuRole(QAction::AboutRole);
    a.aboutQt = make(u"aboutQtAction"_s, tr("About &Qt"));
    a.aboutQt->setMenuRole(QAction::AboutQtRole);
    a.dismissMessage = make(u"dismissMessageAction"_s, tr("Close message"), Qt::Key_Escape);
    a.dismissMessage->setShortcutContext(Qt::WindowShortcut);

    a.pages = new QActionGroup(window);
    a.pages->setExclusive(true);
    const QStringList titles{tr("&Held queue"),    tr("&Archive search"),
                             tr("&Query builder"), tr("&Sender && URL lists"),
                             tr("A&ctivity"),      tr("&Investigate")};
    for (int i = 0; i < pageKeys.size() && i < titles.size(); ++i) {
        QAction *action = make(u"show_"_s + pageKeys.at(i) + u"Action"_s, titles.at(i),
                               QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setCheckable(true);
        action->setToolTip(tr("Show %1 (%2)")
                               .arg(QString(titles.at(i)).remove(u'&'),
                                    action->shortcut().toString(QKeySequence::NativeText)));
        a.pages->addAction(action);
    }
    return a;
}

void MainActions::buildMenus(QMenuBar *menuBar) const
{
    menuBar->setObjectName(u"menuBar"_s);
    QMenu *file = menuBar->addMenu(tr("&File"));
    file->setObjectName(u"fileMenu"_s);
    file->addAction(addConnection);
    file->addAction(manageConnections);
    file->addAction(startDemo);
    file->addSeparator();
    file->addAction(quit);
    QMenu *view = menuBar->addMenu(tr("&View"));
    view->setObjectName(u"viewMenu"_s);
    view->addActions(pages->actions());
    view->addSeparator();
    view->addAction(refresh);
    QMenu *help = menuBar->addMenu(tr("&Help"));
    help->setObjectName(u"helpMenu"_s);
    help->addAction(shortcuts);
    help->addSeparator();
    help->addAction(about);
    help->addAction(aboutQt);
}

} // namespace mcdesk::ui
