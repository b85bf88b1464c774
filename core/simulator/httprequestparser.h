#pragma once

#include "core/simulator/httpmessage.h"

#include <QByteArray>

namespace mcdesk::sim {

enum class HttpParse { Incomplete, Complete, Error };

// Takes the first request off the front of `buffer`, the bytes a connection has received and
// not yet answered. Complete: `request` is filled and its bytes are removed from `buffer`.
// Incomplete: wait for more bytes (`buffer` is unchanged). Error: `error` is the protocol-error
// reply to send before closing. A pure function so it can be fuzzed without a socket.
HttpParse parseHttpRequest(QByteArray *buffer, HttpRequest *request, HttpReply *error);

} // namespace mcdesk::sim
