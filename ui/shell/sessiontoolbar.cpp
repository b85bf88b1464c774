#include "ui/shell/sessiontoolbar.h"

#include "ui/shell/connectioncontroller.h"
#include "ui/shell/connectionindicator.h"
#include "ui/shell/session.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr int KindRole = Qt::UserRole + 1;

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    label->setContentsMargins(label->fontMetrics().averageCharWidth(), 0,
                              label->fontMetrics().averageCharWidth() / 2, 0);
    return label;
}
} // namespace

SessionToolbar::SessionToolbar(Session *session, ConnectionController *connections,
                               QAction *refresh, QWidget *parent)
    : QToolBar(tr("Session"), parent)
    , m_session(session)
    , m_connections(connections)
    , m_profiles(new QComboBox(this))
    , m_case(new QLineEdit(this))
    , m_alertGroups(new QLineEdit(this))
    , m_indicator(new ConnectionIndicator(this))
{
    setObjectName(u"sessionToolbar"_s);
    setMovable(false);
    setFloatable(false);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const int em = fontMetrics().averageCharWidth();

    m_profiles->setObjectName(u"profileSwitcher"_s);
    m_profiles->setPlaceholderText(tr("No connection"));
    m_profiles->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profiles->setMinimumWidth(em * 18);
    m_profiles->setToolTip(tr("The Mimecast connection every page and action uses"));
    connect(m_profiles, &QComboBox::activated, this, &SessionToolbar::onActivated);

    m_case->setObjectName(u"caseField"_s);
    m_case->setPlaceholderText(tr("e.g. INC-1042"));
    m_case->setClearButtonEnabled(true);
    m_case->setFixedWidth(em * 18);
    m_case->setToolTip(tr("Case ID recorded with every action in the audit log"));
    connect(m_case, &QLineEdit::textChanged, session, &Session::setCaseId);

    m_alertGroups->setObjectName(u"alertGroupField"_s);
    m_alertGroups->setPlaceholderText(tr("comma-separated"));
    m_alertGroups->setClearButtonEnabled(true);
    m_alertGroups->setFixedWidth(em * 22);
    m_alertGroups->setToolTip(tr("Alert group identifiers, separated by commas, recorded with "
                                 "every action"));
    connect(m_alertGroups, &QLineEdit::textChanged, session, [session](const QString &text) {
        session->setAlertGroups(Session::parseAlertGroups(text));
    });

    addWidget(buddyLabel(tr("Co&nnection:"), m_profiles, this));
    addWidget(m_profiles);
    addSeparator();
    addWidget(buddyLabel(tr("Ca&se:"), m_case, this));
    addWidget(m_case);
    addWidget(buddyLabel(tr("Alert &group:"), m_alertGroups, this));
    addWidget(m_alertGroups);
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    addWidget(spacer);
    addWidget(m_indicator);
    addAction(refresh);

    connect(session, &Session::connectionStatusChanged, m_indicator,
            &ConnectionIndicator::setStatus);
    connect(connections, &ConnectionController::profilesChanged, this,
            &SessionToolbar::rebuildProfiles);
    connect(connections, &ConnectionController::activeChanged, this,
            &SessionToolbar::rebuildProfiles);
    m_indicator->setStatus(session->connectionStatus());
    rebuildProfiles();
}

void SessionToolbar::rebuildProfiles()
{
    const QSignalBlocker block(m_profiles);
    m_profiles->clear();
    if (m_connections->isDemoRunning()) {
        m_profiles->addItem(tr("Demo (simulator)"), ConnectionController::demoProfileName());
        m_profiles->setItemData(0, DemoItem, KindRole);
        m_profiles->setItemData(0, tr("The built-in simulator; nothing leaves this computer"),
                                Qt::ToolTipRole);
    }
    for (const QString &name : m_connections->profileNames()) {
        m_profiles->addItem(name, name);
        m_profiles->setItemData(m_profiles->count() - 1, ProfileItem, KindRole);
    }
    if (m_profiles->count() > 0)
        m_profiles->insertSeparator(m_profiles->count());
    m_profiles->addItem(tr("Manage connections…"));
    m_profiles->setItemData(m_profiles->count() - 1, ManageItem, KindRole);
    selectActive();
}

void SessionToolbar::selectActive()
{
    const QSignalBlocker block(m_profiles);
    int active = -1;
    for (int i = 0; i < m_profiles->count(); ++i) {
        const int kind = m_profiles->itemData(i, KindRole).toInt();
        const bool demo = kind == DemoItem;
        if ((kind == ProfileItem || demo) && demo == m_connections->isDemoActive() &&
            m_profiles->itemData(i).toString() == m_connections->activeProfile())
            active = i;
    }
    m_profiles->setCurrentIndex(active);
}

void SessionToolbar::onActivated(int index)
{
    const int kind = m_profiles->itemData(index, KindRole).toInt();
    const QString name = m_profiles->itemData(index).toString();
    if (kind == ManageItem) {
        selectActive();
        emit manageConnectionsRequested();
        return;
    }
    if (kind == DemoItem) {
        QString error;
        if (!m_connections->startDemo(&error))
            m_session->reportError(error);
        return;
    }
    if (!name.isEmpty() &&
        (name != m_connections->activeProfile() || m_connections->isDemoActive()))
        m_connections->activate(name);
}

} // namespace mcdesk::ui
