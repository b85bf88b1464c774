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

class GetHeldReleaseLogs : public QObject
{
    Q_OBJECT
public:
    // Invalid start/end are not sent; pages arrive as they come, up to limit entries.
    GetHeldReleaseLogs(api::ApiClient *client, const QDateTime &start, const QDateTime &end,
                       int limit = 1000, QObject *parent = nullptr);
    void start() { m_paged.start(); }
    void cancel() { m_paged.cancel(); }
    const api::ApiError &error() const { return m_paged.error(); }
    int totalCount() const { return m_paged.totalCount(); }

signals:
    void pageArrived(const QList<mcdesk::held::ReleaseLogEntry> &entries);
    void finished();

private:
    static QJsonObject filter(const QDateTime &start, const QDateTime &end);
    api::PagedCall m_paged;
};

} // namespace mcdesk::held
