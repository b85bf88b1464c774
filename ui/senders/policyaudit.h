#pragma once

#include "actions/actioncontext.h"
#include "api/apierror.h"
#include "audit/auditlog.h"
#include "senders/blockedsenderpolicy.h"

// Audit entries for blocked-sender policy changes. They are no ActionId, so ActionRunner does
// not write them; these are built exactly as ActionRunner builds its entries (profile, case,
// alert groups, targets, scope from the context of the moment the change was asked for), so
// the Activity page and exports read them alike.
namespace mcdesk::ui::policyaudit {

inline const QString kCreate = QStringLiteral("create-blocked-sender-policy");
inline const QString kDelete = QStringLiteral("delete-blocked-sender-policy");

// {"id","outcome":"done"|"failed"|"unknown","description","from","to","error":{"code","message"}}
QJsonObject item(const QString &id, const senders::BlockedSenderPolicy &policy,
                 const api::ApiError &error);
// Appends one entry and flushes it; returns why it could not be written, or an empty string.
QString append(const audit::AuditLog &log, const actions::ActionContext &context,
               const QString &action, const QJsonObject &item, const QString &message);

} // namespace mcdesk::ui::policyaudit
