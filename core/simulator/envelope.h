#pragma once

#include "core/simulator/httpmessage.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mcdesk::sim {

// Mimecast's response envelope: {"meta":{"status":N,"pagination":{…}},"data":[…],"fail":[…]}.
QJsonObject errorObject(const QString &code, const QString &message, const QString &field = {},
                        bool retryable = false);
// A fail[] item; key is omitted when it is undefined (whole-call errors).
QJsonObject failItem(const QJsonValue &key, const QJsonObject &error);

HttpReply jsonReply(int httpStatus, const QJsonObject &body);
// meta.status mirrors the HTTP status.
HttpReply envelopeReply(int status, const QJsonArray &data, const QJsonArray &fail = {},
                        const QJsonObject &pagination = {});
// A whole-call error: data [] and one fail item without key.
HttpReply errorReply(int status, const QString &code, const QString &message,
                     const QString &field = {}, bool retryable = false);

// Page tokens are opaque to clients; ours carry the offset and the filters of the first call,
// so a client may send just the token (as Elastic does) or re-send data with it (as XSOAR does).
QString encodePageToken(int offset, const QJsonObject &dataItem);
bool decodePageToken(const QString &token, int *offset, QJsonObject *dataItem);

// "2011-12-03T10:15:30+0000"
QString isoDate(qint64 msecsSinceEpoch);
// Accepts +0000, +00:00, Z and other offsets; nullopt when unparseable.
std::optional<qint64> parseIsoDate(const QString &text);

bool isValidEmail(const QString &text);

} // namespace mcdesk::sim
