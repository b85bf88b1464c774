#include "core/audit/auditexport.h"

#include "core/audit/auditsummary.h"
#include "core/export/csvwriter.h"

using namespace Qt::StringLiterals;

namespace mcdesk::audit::csv {

QStringList header()
{
    // Machine-friendly names, as the CLI's JSON uses: the file goes into scripts and sheets.
    return {u"time_utc"_s,
            u"time_local"_s,
            u"user"_s,
            u"profile"_s,
            u"action"_s,
            u"case_id"_s,
            u"alert_group_identifiers"_s,
            u"scope"_s,
            u"items"_s,
            u"done"_s,
            u"failed"_s,
            u"unknown"_s,
            u"outcome"_s,
            u"ids"_s,
            u"message"_s};
}

QStringList row(const AuditEntry &e)
{
    const ItemCounts c = countItems(e);
    return {e.timeUtc.toUTC().toString(Qt::ISODateWithMs),
            e.timeUtc.toLocalTime().toString(Qt::ISODate),
            e.osUser,
            e.profile,
            e.action,
            e.caseId,
            e.alertGroups.join(u","_s),
            e.scope,
            QString::number(c.total),
            QString::number(c.done),
            QString::number(c.failed),
            QString::number(c.unknown),
            resultKey(resultOf(e)),
            itemKeys(e).join(u";"_s),
            e.message};
}

bool write(const QString &path, const QList<AuditEntry> &entries, QString *error)
{
    exporting::CsvWriter csv;
    QString why;
    bool ok = csv.open(path, &why) && csv.writeRow(header());
    for (qsizetype i = 0; ok && i < entries.size(); ++i)
        ok = csv.writeRow(row(entries.at(i)));
    if (ok)
        ok = csv.commit(&why);
    if (!ok && error)
        *error = why.isEmpty() ? csv.errorString() : why;
    return ok;
}

} // namespace mcdesk::audit::csv
