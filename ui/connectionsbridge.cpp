#include "connectionsbridge.h"

#if defined(MCDESK_HAVE_CONNECTIONS)
#include "connections/connectionsdialog.h"
#include "connections/profiledialog.h"

#include <QObject>
#include <optional>
#endif

namespace mcdesk::ui::connectionsbridge {

#if defined(MCDESK_HAVE_CONNECTIONS)

namespace {
// savedProfile() may return the profile or an optional of it.
template<typename T> QString nameOf(const std::optional<T> &profile)
{
    return profile ? profile->name : QString();
}
template<typename T> QString nameOf(const T &profile)
{
    return profile.name;
}
} // namespace

bool available()
{
    return true;
}

bool addConnection(secrets::ProfileStore *profiles, secrets::SecretStore *secrets, QWidget *parent,
                   QString *savedName)
{
    ProfileDialog dialog(profiles, secrets, std::nullopt, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QString name = nameOf(dialog.savedProfile());
    if (name.isEmpty())
        return false;
    if (savedName)
        *savedName = name;
    return true;
}

bool manageConnections(secrets::ProfileStore *profiles, secrets::SecretStore *secrets,
                       QWidget *parent, const std::function<void()> &changed)
{
    ConnectionsDialog dialog(profiles, secrets, parent);
    QObject::connect(&dialog, &ConnectionsDialog::profilesChanged, &dialog, [changed] {
        if (changed)
            changed();
    });
    dialog.exec();
    return true;
}

#else

bool available()
{
    return false;
}

bool addConnection(secrets::ProfileStore *, secrets::SecretStore *, QWidget *, QString *)
{
    return false;
}

bool manageConnections(secrets::ProfileStore *, secrets::SecretStore *, QWidget *,
                       const std::function<void()> &)
{
    return false;
}

#endif

} // namespace mcdesk::ui::connectionsbridge
