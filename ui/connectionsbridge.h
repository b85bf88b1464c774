#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace mcdesk::secrets {
class ProfileStore;
class SecretStore;
} // namespace mcdesk::secrets

namespace mcdesk::ui::connectionsbridge {

// The connection dialogs live in ui/connections/ (ProfileDialog, ConnectionsDialog). These
// functions are the only place the frame refers to them, so the app builds and runs before
// they land; without them each call returns false.
bool available();

// Opens ProfileDialog for a new connection. Returns true and sets `savedName` when the analyst
// saved one.
bool addConnection(secrets::ProfileStore *profiles, secrets::SecretStore *secrets, QWidget *parent,
                   QString *savedName);

// Opens ConnectionsDialog; `changed` runs whenever it reports profilesChanged().
bool manageConnections(secrets::ProfileStore *profiles, secrets::SecretStore *secrets,
                       QWidget *parent, const std::function<void()> &changed);

} // namespace mcdesk::ui::connectionsbridge
