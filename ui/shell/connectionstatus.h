#pragma once

#include "core/api/apierror.h"

#include <QDateTime>
#include <QString>

namespace mcdesk::ui {

// What the toolbar's connection indicator shows: the outcome of the last ping.
struct ConnectionStatus
{
    enum class State {
        None,     // no connection chosen yet
        Checking, // loading credentials or waiting for the ping
        Ok,       // the last ping answered
        Failed,   // credentials or ping failed; `error` says why
    };
    State state = State::None;
    QString profile;
    QString accountName;
    QString region;
    qint64 roundTripMs = 0;
    qint64 clockSkewSeconds = 0;
    QDateTime checkedUtc;
    api::ApiError error;
};

} // namespace mcdesk::ui
