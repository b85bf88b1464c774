#pragma once

#include <QToolBar>

class QComboBox;
class QLineEdit;

namespace mcdesk::ui {

class ConnectionController;
class ConnectionIndicator;
class Session;

// The main window's toolbar: the connection (profile) switcher with "Manage connections…", the
// Case and Alert group fields that go with every action, the connection indicator and Refresh.
class SessionToolbar : public QToolBar
{
    Q_OBJECT
public:
    SessionToolbar(Session *session, ConnectionController *connections, QAction *refresh,
                   QWidget *parent = nullptr);

    QComboBox *profileSwitcher() const { return m_profiles; }
    QLineEdit *caseField() const { return m_case; }
    QLineEdit *alertGroupField() const { return m_alertGroups; }
    ConnectionIndicator *indicator() const { return m_indicator; }

signals:
    void manageConnectionsRequested();

private:
    enum Kind { ProfileItem = 1, DemoItem, ManageItem }; // 0: a separator
    void rebuildProfiles();
    void selectActive();
    void onActivated(int index);

    Session *m_session;
    ConnectionController *m_connections;
    QComboBox *m_profiles;
    QLineEdit *m_case;
    QLineEdit *m_alertGroups;
    ConnectionIndicator *m_indicator;
};

} // namespace mcdesk::ui
