#include "ui/shell/mainwindow.h"

#include "core/audit/auditlog.h"
#include "core/secrets/profilestore.h"
#include "ui/activity/activitypage.h"
#include "ui/archive/archivesearchpage.h"
#include "ui/builder/querybuilderpage.h"
#include "ui/common/dialogs.h"
#include "ui/common/uilogging.h"
#include "ui/connections/connectionsdialog.h"
#include "ui/connections/profiledialog.h"
#include "ui/held/heldqueuepage.h"
#include "ui/investigate/investigatepage.h"
#include "ui/senders/senderlistspage.h"
#include "ui/shell/appicon.h"
#include "ui/shell/connectioncontroller.h"
#include "ui/shell/connectionindicator.h"
#include "ui/shell/mainactions.h"
#include "ui/shell/messagebar.h"
#include "ui/shell/navigationdelegate.h"
#include "ui/shell/session.h"
#include "ui/shell/sessiontoolbar.h"
#include "ui/shell/shortcutsheet.h"
#include "ui/shell/taskstatus.h"
#include "ui/shell/unfinishedjobsbar.h"
#include "ui/shell/welcomepage.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
const QString kWindowGroup = u"ui/mainWindow"_s;
const QString kPagesGroup = u"ui/pages/"_s;
} // namespace

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(services.settings)
    , m_session(new Session(services.auditLogPath.isEmpty() ? audit::AuditLog::defaultPath()
                                                            : services.auditLogPath,
                            this))
    , m_connections(new ConnectionController(m_session, services.settings, services.secrets, this))
    , m_messageBar(new MessageBar(this))
    , m_root(new QStackedWidget(this))
    , m_welcome(new WelcomePage(this))
    , m_workspace(new QSplitter(Qt::Horizontal, this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
{
    Q_ASSERT(services.settings && services.secrets);
    setObjectName(u"mainWindow"_s);
    setWindowIcon(appIcon());
    m_connections->setDemoConfig(services.demo);

    createActions();
    createWorkspace();
    m_actions.buildMenus(menuBar());
    m_toolbar = new SessionToolbar(m_session, m_connections, m_actions.refresh, this);
    addToolBar(Qt::TopToolBarArea, m_toolbar);
    connect(m_toolbar, &SessionToolbar::manageConnectionsRequested, this,
            &MainWindow::manageConnections);
    // Keyboard order: the toolbar's fields, then the page list, then the page.
    setTabOrder(m_toolbar->profileSwitcher(), m_toolbar->caseField());
    setTabOrder(m_toolbar->caseField(), m_toolbar->alertGroupField());
    setTabOrder(m_toolbar->alertGroupField(), m_toolbar->indicator());
    setTabOrder(m_toolbar->indicator(), m_navigation);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_messageBar);
    layout->addWidget(new UnfinishedJobsBar(m_session, central));
    layout->addWidget(m_root, 1);
    m_root->setObjectName(u"rootStack"_s);
    m_root->addWidget(m_welcome);
    m_root->addWidget(m_workspace);
    setCentralWidget(central);

    auto *status = new QStatusBar(this);
    status->setObjectName(u"statusBar"_s);
    status->addPermanentWidget(new TaskStatus(m_session, status));
    setStatusBar(status);

    connect(m_session, &Session::errorReported, m_messageBar, &MessageBar::showError);
    connect(m_session, &Session::statusMessage, status,
            [status](const QString &text) { status->showMessage(text, 8000); });
    // Good news with a way to the details: the button stays until the message changes.
    auto *statusButton = new QToolButton(status);
    statusButton->setObjectName(u"statusActionButton"_s);
    statusButton->setAutoRaise(true);
    statusButton->hide();
    status->insertPermanentWidget(0, statusButton);
    connect(m_session, &Session::statusMessageWithAction, status,
            [status, statusButton](const QString &text, QAction *action) {
                statusButton->setProperty("forMessage", text);
                statusButton->setDefaultAction(action);
                statusButton->setVisible(action != nullptr);
                status->showMessage(text, 30000);
            });
    connect(status, &QStatusBar::messageChanged, statusButton, [statusButton](const QString &m) {
        if (m != statusButton->property("forMessage").toString())
            statusButton->hide();
    });
    // A paused bulk write stays in the status bar until it goes on.
    connect(m_session, &Session::jobPauseChanged, status, [status](const QString &why) {
        if (why.isEmpty())
            status->clearMessage();
        else
            status->showMessage(why);
    });
    connect(m_session, &Session::contextChanged, this, &MainWindow::updateTitle);
    connect(m_session, &Session::connectionStatusChanged, this, [this](const ConnectionStatus &s) {
        // A working connection clears a stale connection error.
        if (s.state == ConnectionStatus::State::Ok && m_messageBar->isVisible() &&
            m_messageBar->level() == MessageBar::Level::Error)
            m_messageBar->dismiss();
    });
    connect(m_connections, &ConnectionController::profilesChanged, this, &MainWindow::updateRoot);
    connect(m_connections, &ConnectionController::activeChanged, this, &MainWindow::updateRoot);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::startDemo);
    connect(m_welcome, &WelcomePage::addConnectionRequested, this, &MainWindow::addConnection);

    restoreLayout();
    updateRoot();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Children are deleted in creation order, and the session came first; pages end their
    // tasks on it as they go (a search still running, say), so they go while it still exists.
    delete m_root;
}

// The pages hand work to each other: a query built visually runs in the archive grid, a sender
// found anywhere can be blocked on the sender page.
void MainWindow::connectPages(HeldQueuePage *held, ArchiveSearchPage *archive,
                              QueryBuilderPage *builder, SenderListsPage *senders)
{
    connect(builder, &QueryBuilderPage::runQueryRequested, this,
            [this, archive](const QString &xml, int limit, const QString &title) {
                showPage(u"archive"_s);
                archive->runXml(xml, limit, title);
            });
    connect(archive, &ArchiveSearchPage::openInBuilderRequested, this,
            [this, builder](const archive::ArchiveQuery &query) {
                builder->setQuery(query);
                showPage(u"builder"_s);
            });
    const auto blockSender = [this, senders](const QString &sender, const QString &recipient) {
        showPage(u"senders"_s);
        senders->prefillBlock(sender, recipient);
    };
    connect(archive, &ArchiveSearchPage::blockSenderRequested, this, blockSender);
    connect(held, &HeldQueuePage::blockSenderRequested, this, blockSender);
    connect(archive, &ArchiveSearchPage::showHeldFromSenderRequested, this,
            [this, held](const QString &address) {
                showPage(u"held"_s);
                held->showHeldFromSender(address);
            });
    connect(held, &HeldQueuePage::searchArchiveForSender, this,
            [this, archive](const QString &address) {
                showPage(u"archive"_s);
                archive->searchForSender(address);
            });
}

QStringList MainWindow::pageKeys()
{
    return {u"held"_s, u"archive"_s, u"builder"_s, u"senders"_s, u"activity"_s, u"investigate"_s};
}

void MainWindow::showPageMenu(QMenu *menu)
{
    if (m_pageMenu)
        menuBar()->removeAction(m_pageMenu);
    m_pageMenu = menu ? menu->menuAction() : nullptr;
    if (!m_pageMenu)
        return;
    // Between View and Help, where an application's own menus go.
    const QList<QAction *> menus = menuBar()->actions();
    menuBar()->insertAction(menus.isEmpty() ? nullptr : menus.constLast(), m_pageMenu);
}

void MainWindow::createWorkspace()
{
    auto *archive = new ArchiveSearchPage(m_session, m_pages);
    auto *builder = new QueryBuilderPage(m_session, m_pages);
    auto *senders = new SenderListsPage(m_session, m_pages);
    auto *activity = new ActivityPage(m_session, m_pages);
    auto *held = new HeldQueuePage(m_session, m_pages);
    auto *investigate = new InvestigatePage(m_session, m_pages);
    m_pageList = {held, archive, builder, senders, activity, investigate};
    connectPages(held, archive, builder, senders);
    // Find every copy, from the held queue or an archive result.
    const auto findCopies = [this, investigate](const QString &messageId, const QString &sender,
                                                const QString &subject) {
        showPage(u"investigate"_s);
        investigate->findEveryCopy(messageId, sender, subject);
    };
    connect(held, &HeldQueuePage::findEveryCopyRequested, this, findCopies);
    connect(archive, &ArchiveSearchPage::findEveryCopyRequested, this, findCopies);
    // Who clicked this?, from a message or a link anywhere: the click log on Investigate.
    connect(m_session, &Session::whoClickedRequested, this,
            [this, investigate](const QString &url, const QString &messageId) {
                showPage(u"investigate"_s);
                investigate->showWhoClicked(url, messageId);
            });
    m_navigation->setObjectName(u"navigation"_s);
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setItemDelegate(new NavigationDelegate(m_navigation));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setBackgroundRole(QPalette::Window);
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    m_navigation->setFont(navFont);
    const QList<QAction *> actions = m_actions.pages->actions();
    for (int i = 0; i < m_pageList.size(); ++i) {
        m_pages->addWidget(m_pageList.at(i));
        auto *item = new QListWidgetItem(m_pageList.at(i)->title(), m_navigation);
        item->setToolTip(actions.at(i)->toolTip());
    }
    m_navigation->setMinimumWidth(m_navigation->fontMetrics().averageCharWidth() * 18);
    m_navigation->setMaximumWidth(m_navigation->fontMetrics().averageCharWidth() * 36);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_pages->setCurrentIndex(row);
        m_actions.pages->actions().at(row)->setChecked(true);
        if (m_root->currentWidget() == m_workspace)
            showPageMenu(m_pageList.at(row)->menu());
    });
    m_pages->setObjectName(u"pages"_s);
    m_workspace->setObjectName(u"mainSplitter"_s);
    m_workspace->addWidget(m_navigation);
    m_workspace->addWidget(m_pages);
    m_workspace->setStretchFactor(1, 1);
    m_workspace->setChildrenCollapsible(false);
    const int em = m_navigation->fontMetrics().averageCharWidth();
    m_workspace->setSizes({em * 24, em * 150}); // until the analyst's own layout is restored
    m_navigation->setCurrentRow(0);
}

void MainWindow::createActions()
{
    m_actions = MainActions::create(this, pageKeys());
    const QList<QAction *> pages = m_actions.pages->actions();
    for (int i = 0; i < pages.size(); ++i)
        connect(pages.at(i), &QAction::triggered, this, [this, i] { showPage(pageKeys().at(i)); });
    connect(m_actions.addConnection, &QAction::triggered, this, &MainWindow::addConnection);
    connect(m_actions.manageConnections, &QAction::triggered, this, &MainWindow::manageConnections);
    connect(m_actions.startDemo, &QAction::triggered, this, &MainWindow::startDemo);
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions.refresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_actions.about, &QAction::triggered, this, &MainWindow::about);
    connect(m_actions.shortcuts, &QAction::triggered, this, [this] {
        auto *sheet = new ShortcutSheet(this);
        sheet->setAttribute(Qt::WA_DeleteOnClose);
        sheet->open();
    });
    connect(m_actions.aboutQt, &QAction::triggered, this, [this] { dialogs::aboutQt(this); });
    connect(m_actions.dismissMessage, &QAction::triggered, m_messageBar, &MessageBar::dismiss);
}

bool MainWindow::showPage(const QString &key)
{
    const int index = int(pageKeys().indexOf(key));
    if (index < 0 || index >= m_pageList.size())
        return false;
    m_navigation->setCurrentRow(index);
    return true;
}

Page *MainWindow::page(const QString &key) const
{
    const int index = int(pageKeys().indexOf(key));
    return index < 0 || index >= m_pageList.size() ? nullptr : m_pageList.at(index);
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_pages->currentWidget());
}

bool MainWindow::isWelcomeShown() const
{
    return m_root->currentWidget() == m_welcome;
}

void MainWindow::chooseInitialConnection(bool demo, const QString &profile)
{
    if (demo) {
        startDemo();
        return;
    }
    QString name = profile;
    if (name.isEmpty())
        name = m_connections->profiles()->lastUsed();
    if (name.isEmpty() && !m_connections->profileNames().isEmpty())
        name = m_connections->profileNames().constFirst();
    if (!name.isEmpty())
        m_connections->activate(name);
}

void MainWindow::updateRoot()
{
    const bool welcome = m_connections->profileNames().isEmpty() && !m_connections->isDemoRunning();
    m_root->setCurrentWidget(welcome ? static_cast<QWidget *>(m_welcome) : m_workspace);
    m_toolbar->setEnabled(!welcome);
    m_actions.refresh->setEnabled(!welcome);
    m_actions.pages->setEnabled(!welcome);
    Page *page = currentPage();
    showPageMenu(welcome || !page ? nullptr : page->menu());
    m_actions.startDemo->setEnabled(!m_connections->isDemoActive());
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString app = tr("Mimecast Triage Desk");
    if (m_connections->activeProfile().isEmpty())
        setWindowTitle(app);
    else if (m_connections->isDemoActive())
        setWindowTitle(tr("%1 — %2").arg(tr("Demo (simulator)"), app));
    else
        setWindowTitle(tr("%1 — %2").arg(m_connections->activeProfile(), app));
}

void MainWindow::refresh()
{
    // Without a client (the keychain was locked, a secret was missing) try the profile again.
    if (!m_session->client() && !m_connections->activeProfile().isEmpty() &&
        !m_connections->isDemoActive())
        m_connections->activate(m_connections->activeProfile());
    else
        m_session->checkConnection();
    if (Page *page = currentPage())
        page->reload();
}

void MainWindow::startDemo()
{
    QString error;
    if (!m_connections->startDemo(&error))
        m_session->reportError(error);
}

void MainWindow::addConnection()
{
    ProfileDialog dialog(m_connections->profiles(), m_connections->secretStore(), std::nullopt,
                         this);
    if (dialog.exec() != QDialog::Accepted || dialog.savedProfile().name.isEmpty())
        return;
    m_connections->notifyProfilesChanged();
    m_connections->activate(dialog.savedProfile().name);
}

void MainWindow::manageConnections()
{
    bool changed = false;
    ConnectionsDialog dialog(m_connections->profiles(), m_connections->secretStore(), this);
    connect(&dialog, &ConnectionsDialog::profilesChanged, this, [this, &changed] {
        changed = true;
        m_connections->notifyProfilesChanged();
    });
    dialog.exec();
    if (!changed || m_connections->isDemoActive())
        return;
    // The active connection may have new keys or a new host: connect again with what is
    // stored now. With none active, take the first one there is.
    if (!m_connections->activeProfile().isEmpty())
        m_connections->activate(m_connections->activeProfile());
    else
        chooseInitialConnection(false, {});
}

void MainWindow::about()
{
    dialogs::Message message;
    message.title = tr("About Mimecast Triage Desk");
    message.text = tr("Mimecast Triage Desk %1").arg(QCoreApplication::applicationVersion());
    message.informativeText =
        tr("Triage held mail, keep sender lists and search the Mimecast archive. Every action "
           "is written to the audit log with its case.\n\nAudit log: %1\nSettings: %2")
            .arg(m_session->auditTrail()->path(), m_settings->fileName());
    message.iconPixmap = appIcon().pixmap(64, 64);
    message.objectName = u"aboutBox"_s;
    dialogs::information(this, message);
}

QSize MainWindow::firstRunSize(const QSize &available, const QSize &preferred)
{
    // The preferred size where it fits; otherwise most of the screen, leaving room for the
    // window frame and the desktop's panels, and never below what the pages can lay out.
    const QSize most(available.width() * 92 / 100, available.height() * 90 / 100);
    return preferred.boundedTo(most).expandedTo(QSize(800, 500).boundedTo(available));
}

void MainWindow::restoreLayout()
{
    m_settings->beginGroup(kWindowGroup);
    if (!restoreGeometry(m_settings->value(u"geometry"_s).toByteArray())) {
        const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
        const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1280, 800);
        const QSize preferred(fontMetrics().averageCharWidth() * 170, fontMetrics().height() * 48);
        const QSize size = firstRunSize(available.size(), preferred);
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
    }
    restoreState(m_settings->value(u"state"_s).toByteArray());
    m_workspace->restoreState(m_settings->value(u"splitter"_s).toByteArray());
    const QString key = m_settings->value(u"page"_s, pageKeys().constFirst()).toString();
    m_settings->endGroup();
    for (Page *page : std::as_const(m_pageList)) {
        m_settings->beginGroup(kPagesGroup + page->objectName());
        page->restoreLayout(*m_settings);
        m_settings->endGroup();
    }
    if (!showPage(key))
        showPage(pageKeys().constFirst());
}

void MainWindow::saveLayout()
{
    m_settings->beginGroup(kWindowGroup);
    m_settings->setValue(u"geometry"_s, saveGeometry());
    m_settings->setValue(u"state"_s, saveState());
    m_settings->setValue(u"splitter"_s, m_workspace->saveState());
    m_settings->setValue(u"page"_s, pageKeys().value(m_pages->currentIndex()));
    m_settings->endGroup();
    for (Page *page : std::as_const(m_pageList)) {
        m_settings->beginGroup(kPagesGroup + page->objectName());
        page->saveLayout(*m_settings);
        m_settings->endGroup();
    }
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace mcdesk::ui
