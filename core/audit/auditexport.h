#pragma once

#include "audit/auditlog.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mcdesk::audit::csv {

// The CSV the Activity page exports (and anything else that wants the audit log as a sheet) for the case file: one row per action in the order given,
// written through CsvWriter (RFC 4180, formula-safe, atomic).
QStringList header();
QStringList row(const AuditEntry &entry);
bool write(const QString &path, const QList<AuditEntry> &entries, QString *error);

} // namespace mcdesk::audit::csv
