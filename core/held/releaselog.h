#pragma once

#include "core/api/pagedcall.h"
#include "core/held/heldmessage.h"

namespace mcdesk::held {

// One line of /api/gateway/get-held-release-logs: who released or rejected what, and when,
// across the whole team.
struct ReleaseLogEntry
{
    QString id;
    QString operatorName;
    QDateTime time;
    QString action; // release | release_to_sandbox | reject
    Address from;
    Address to;
    QString subject;
    QString route;
    QString reason;
    QString policy;
    QString rejectReason;

    static ReleaseLogEntry fromJson(const QJsonObject &json);
};

class GetHeldReleaseLogs : public api::PagedCall
{
    Q_OBJECT
public:
    // Invalid start/end are not sent; pages arrive as they come, up to limit entries.
    GetHeldReleaseLogs(api::ApiClient *client, const QDateTime &start, const QDateTime &end,
                       int limit = 1000, QObject *parent = nullptr);

signals:
    void pageArrived(const QList<mcdesk::held::ReleaseLogEntry> &entries);

private:
    static QJsonObject filter(const QDateTime &start, const QDateTime &end);
};

} // namespace mcdesk::held
