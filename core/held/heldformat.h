#pragma once

#include "core/held/heldmessage.h"

#include <QString>

// Small text helpers shared by the held queue's model, details pane and dialogs.
namespace mcdesk::heldformat {

// "Name <address>", or the address alone when there is no name.
QString address(const held::Address &a);
// The local time the analyst reads in the table ("2026-11-27 09:14").
QString localTime(const QDateTime &when);
// The same moment in UTC, for tooltips and case notes ("2026-11-27 08:14:03 UTC").
QString utcTime(const QDateTime &when);
// 1536 -> "1.5 KB", in the analyst's locale.
QString size(qint64 bytes);
// English singular or plural (the app loads no numerus translations yet, so tr()'s %n would
// show "message(s)"): `one` when n is 1, else `many` with its lowest placeholder set to n.
QString plural(int n, const QString &one, const QString &many);

} // namespace mcdesk::heldformat
