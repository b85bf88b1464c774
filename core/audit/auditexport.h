#pragma once

#include "core/audit/auditlog.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mcdesk::audit::csv {

// The audit log as CSV for the case file (the Activity page's export): one row per action in
// the order given, written through CsvWriter (RFC 4180, formula-safe, atomic).
QStringList header();
QStringList row(const AuditEntry &entry);
bool write(const QString &path, const QList<AuditEntry> &entries, QString *error);

} // namespace mcdesk::audit::csv
