#pragma once

#include "core/actions/actioncontext.h"
#include "core/api/apiclient.h"

#include <QString>
#include <QUrl>

namespace mcdesk::cli {

// Where mcdesk-cli connects and as whom. Credentials come from a keychain profile or the
// environment, never from flags, which other users can read in the process list.
struct Connection
{
    QUrl baseUrl;
    api::Credentials credentials;
    QString profile;
    bool allowCustomHost = false;
    int batchesInFlight = 4; // the profile's setting
    QString error;           // set when there is no usable connection; the exit status is errorExit
    int errorExit = int(actions::ExitCode::InvalidInput);
};

// MIMECAST_BASE_URL (or --base-url) and the MIMECAST_* credential variables.
Connection connectionFromEnvironment(const QString &baseUrlFlag);
// A profile saved in the desktop app, its secrets read from the keychain.
Connection connectionFromProfile(const QString &name);

} // namespace mcdesk::cli
