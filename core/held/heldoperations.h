#pragma once

#include "core/api/batchwrite.h"
#include "core/api/pagedcall.h"
#include "core/api/singlecall.h"
#include "core/held/heldmessage.h"

#include <optional>

namespace mcdesk::held {

// Filters of /api/gateway/get-hold-message-list.
struct HeldQuery
{
    QString searchBy; // all | subject | sender | recipient | reason_code (empty = no search)
    QString value;
    QDateTime start; // invalid = not sent
    QDateTime end;
    QString route; // all | internal | outbound | inbound | external (empty = not sent)
    int limit = 1000;

    static const QStringList &searchFields();
    static const QStringList &routes();
    // Names the bad field and the fix, or returns an empty string.
    QString validate() const;
    QJsonObject toData() const;
};

// /api/gateway/get-hold-message-list — pages arrive as they come.
class ListHeldMessages : public api::PagedCall
{
    Q_OBJECT
public:
    ListHeldMessages(api::ApiClient *client, HeldQuery query, QObject *parent = nullptr);

signals:
    void pageArrived(const QList<mcdesk::held::HeldMessage> &messages);
};

// /api/gateway/get-hold-summary-list
class GetHoldSummary : public api::SingleCall
{
    Q_OBJECT
public:
    explicit GetHoldSummary(api::ApiClient *client, QObject *parent = nullptr);
    const QList<PolicyHoldCount> &policies() const { return m_policies; }

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    QList<PolicyHoldCount> m_policies;
};

// /api/gateway/message/get-message-detail: attachments (with SHA-256) and headers of one
// held message, for the details pane.
class GetHeldMessageDetail : public api::SingleCall
{
    Q_OBJECT
public:
    GetHeldMessageDetail(api::ApiClient *client, QString id, QObject *parent = nullptr);
    const HeldMessageDetail &detail() const { return m_detail; }

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    QString m_id;
    HeldMessageDetail m_detail;
};

// /api/gateway/hold-release, at most 25 ids a call.
class ReleaseHeldMessages : public api::BatchWrite
{
    Q_OBJECT
public:
    static constexpr int kBatchSize = 25;
    ReleaseHeldMessages(api::ApiClient *client, const QStringList &ids, QObject *parent = nullptr);

protected:
    QJsonArray dataFor(const QStringList &batch) const override;
};

// /api/message-finder/release-held-email-to-sandbox
class ReleaseHeldToSandbox : public api::BatchWrite
{
    Q_OBJECT
public:
    ReleaseHeldToSandbox(api::ApiClient *client, const QStringList &ids, QObject *parent = nullptr);

protected:
    QJsonArray dataFor(const QStringList &batch) const override;
};

// The five reasonType values Mimecast documents for hold-reject.
struct RejectReason
{
    static const QStringList &values();
    // Accepts the documented value (any case) or a SOAR label; empty optional when unknown.
    static std::optional<QString> fromText(const QString &text);
};

// /api/gateway/hold-reject, at most 25 ids a call, one data item per call.
class RejectHeldMessages : public api::BatchWrite
{
    Q_OBJECT
public:
    static constexpr int kBatchSize = 25;
    RejectHeldMessages(api::ApiClient *client, const QStringList &ids, QString note,
                       QString reasonType, bool notifySender, QObject *parent = nullptr);

protected:
    QJsonArray dataFor(const QStringList &batch) const override;

private:
    QString m_note;
    QString m_reasonType;
    bool m_notify;
};

// /api/message-finder/report-message (deprecated by Mimecast; kept for the seed's action).
class ReportMessages : public api::BatchWrite
{
    Q_OBJECT
public:
    ReportMessages(api::ApiClient *client, const QStringList &ids, QString type, QString comment,
                   QObject *parent = nullptr);
    static const QStringList &types();

protected:
    QJsonArray dataFor(const QStringList &batch) const override;

private:
    QString m_type;
    QString m_comment;
};

} // namespace mcdesk::held
