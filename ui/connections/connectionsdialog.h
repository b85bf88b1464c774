#pragma once

#include "core/secrets/profilestore.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace mcdesk::secrets {
class SecretStore;
}

namespace mcdesk::ui {

// The list of Mimecast connections with Add, Edit, Rename and Delete. Renaming and deleting
// keep the keychain in step with the settings: secrets move before the profile is renamed,
// and are removed before the profile is deleted, so no entry is ever orphaned silently.
class ConnectionsDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionsDialog(secrets::ProfileStore *profiles, secrets::SecretStore *secrets,
                      QWidget *parent = nullptr);

signals:
    void profilesChanged();

private:
    void reload(const QString &select = {});
    QString currentName() const;
    void updateButtons();
    void openProfileDialog(const std::optional<secrets::Profile> &existing);
    void editCurrent();
    void renameCurrent();
    void deleteCurrent();
    void rename(const QString &from, const QString &to);
    void remove(const QString &name);
    void showStatus(const QString &text, bool isError);
    void setBusy(bool busy);

    secrets::ProfileStore *m_profiles;
    secrets::SecretStore *m_secrets;
    bool m_busy = false;
    QTreeWidget *m_list;
    QLabel *m_emptyHint;
    QLabel *m_status;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_rename;
    QPushButton *m_delete;
};

} // namespace mcdesk::ui
