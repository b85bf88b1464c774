#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace mcdesk::api {

// API 1.0 request signing (docs/contract.md, authentication). Shared by the client that
// signs and the simulator that verifies, so both follow one definition; the known-answer
// test keeps it honest.
namespace RequestSigner {

// "Tue, 24 Nov 2015 12:50:11 UTC": English names whatever the locale.
QString httpDate(const QDateTime &when);
// Parses the x-mc-date form (accepts "UTC" or "GMT"); invalid QDateTime when unparseable.
QDateTime parseHttpDate(const QString &text);

// base64(HMAC-SHA1(base64decode(secretKey), date + ":" + reqId + ":" + path + ":" + appKey))
QByteArray signature(const QByteArray &secretKeyBase64, const QString &date, const QString &reqId,
                     const QString &path, const QString &appKey);

} // namespace RequestSigner
} // namespace mcdesk::api
