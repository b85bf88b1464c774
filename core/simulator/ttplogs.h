#pragma once

#include "core/simulator/simdata.h"

namespace mcdesk::sim {

// Targeted Threat Protection logs over the tracked mail (mimecast-respond.md §3), built after
// buildTracking():
// - URL clicks: every campaign link was scanned on arrival ("Entry Scan", malicious); about
//   two copies in five were clicked by their recipient (warned or blocked); about half of the
//   archive's inbound mail that carries a link was clicked, clean.
// - Attachment protection: the files of messages held by TTP Attachment Protection
//   (malicious, held), and the files of half the archive's inbound mail (safe).
// - Impersonation: every message held by Impersonation Protect (hold, tagged malicious), and a
//   few inbound archive messages that matched one identifier without action.
void buildThreatLogs(SimData *data, qint64 nowMs);

// A few managed URLs an account has: blocked phishing domains, a permitted partner portal.
void seedManagedUrls(SimData *data);

// The managed URL object of create-managed-url and get-all-managed-urls (§5.1).
QJsonObject managedUrlJson(const ManagedUrl &entry);

} // namespace mcdesk::sim
