#pragma once

#include "audit/auditlog.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mcdesk::ui::auditexport {

// The CSV the Activity page exports for the case file: one row per action in the order given,
// written through CsvWriter (RFC 4180, formula-safe, atomic).
QStringList header();
QStringList row(const audit::AuditEntry &entry);
bool write(const QString &path, const QList<audit::AuditEntry> &entries, QString *error);

} // namespace mcdesk::ui::auditexport
