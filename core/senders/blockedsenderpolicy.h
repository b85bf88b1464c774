#pragma once

#include "core/api/singlecall.h"

#include <QDateTime>

namespace mcdesk::senders {

// One side (from or to) of a blocked-sender policy.
struct PolicyParty
{
    QString type;  // everyone | email_domain | email_address | internal_addresses |
                   // external_addresses | profile_group
    QString value; // address, domain or group id, when the type needs one

    static const QStringList &types();
    static bool typeNeedsValue(const QString &type);
    // "email_domain: example.com", or the type alone: Mimecast's names, for logs and CSV.
    QString describe() const;
};

// /api/policy/blockedsenders/*: a policy Mimecast enforces for everyone it matches.
struct BlockedSenderPolicy
{
    QString id;
    QString option = QStringLiteral("block_sender"); // block_sender | no_action
    QString description;
    QString fromPart = QStringLiteral("both"); // envelope_from | header_from | both
    PolicyParty from;
    PolicyParty to;
    bool fromEternal = true;
    bool toEternal = true;
    QDateTime fromDate;
    QDateTime toDate;
    bool enabled = true;
    bool bidirectional = false;
    bool override = false;
    QJsonObject raw;

    static BlockedSenderPolicy fromJson(const QJsonObject &json);
    // The create-policy data item: {"option", "policy": {…}}.
    QJsonObject toCreateItem() const;
    // Names the field and the fix, or returns an empty string.
    QString validate() const;
};

class GetBlockedSenderPolicies : public api::SingleCall
{
    Q_OBJECT
public:
    explicit GetBlockedSenderPolicies(api::ApiClient *client, QObject *parent = nullptr);
    const QList<BlockedSenderPolicy> &policies() const { return m_policies; }

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    QList<BlockedSenderPolicy> m_policies;
};

class CreateBlockedSenderPolicy : public api::SingleCall
{
    Q_OBJECT
public:
    CreateBlockedSenderPolicy(api::ApiClient *client, BlockedSenderPolicy policy,
                              QObject *parent = nullptr);
    const BlockedSenderPolicy &created() const { return m_created; }

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    BlockedSenderPolicy m_policy;
    BlockedSenderPolicy m_created;
};

class DeleteBlockedSenderPolicy : public api::SingleCall
{
    Q_OBJECT
public:
    DeleteBlockedSenderPolicy(api::ApiClient *client, QString id, QObject *parent = nullptr);

protected:
    QJsonObject body() const override;
    void parse(const api::ApiReply &reply) override;

private:
    QString m_id;
};

} // namespace mcdesk::senders
