#pragma once

#include <functional>
#include <optional>

#include "core/simulator/envelope.h"
#include "core/simulator/httpmessage.h"
#include "core/simulator/simdata.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

namespace mcdesk::sim {

// What an endpoint sees: the state (already locked by SimService), the parsed body and who
// is calling.
struct SimContext
{
    SimData &data;
    const SimConfig &config;
    QJsonObject body;
    QString operatorName;
    qint64 nowMs = 0;
    QSet<QString> failingIds; // FaultKind::ItemFailure for this request
    QUrl baseUrl;

    QJsonArray items() const { return body.value(QLatin1String("data")).toArray(); }
};

using Endpoint = HttpReply (*)(SimContext &);
const QHash<QString, Endpoint> &endpoints();

// Shared helpers for endpoints.
// Whole-call check of data[]: every item an object, count within [min, max].
bool checkItemCount(const SimContext &ctx, int min, int max, HttpReply *reply);

struct PageRequest
{
    int size = 25;
    int offset = 0;
    bool sizeGiven = false; // meta.pagination.pageSize was sent
    QJsonObject item;       // the filters: data[0], or the ones carried by the page token
};
// Reads meta.pagination (pageSize clamped to 1..500, pageToken) and data[0].
bool readPage(const SimContext &ctx, int fallbackSize, PageRequest *page, HttpReply *reply);
QJsonObject pagination(const PageRequest &page, int total, bool withTotal);

// Reads the optional "start" and "end" dates (+0000, +00:00 or Z, see parseIsoDate); one error
// object is appended to *errors for each that is present but not a date.
// The TTP logs name them "from" and "to".
void readDateRange(const QJsonObject &item, std::optional<qint64> *start,
                   std::optional<qint64> *end, QJsonArray *errors,
                   const QString &startField = QStringLiteral("start"),
                   const QString &endField = QStringLiteral("end"));

QJsonObject personJson(const Person &p);
QJsonArray personList(const QList<Person> &people);
// RFC 5322-style headers as get-message-detail returns them: [{name, values[]}].
QJsonArray mailHeaders(const Person &from, const QList<Person> &to, const QString &subject,
                       qint64 ms, const QString &messageId);
QJsonObject attachmentJson(const Attachment &a, const QString &ownerId, int index);
QString bodyPreviewFor(const QString &id);
QJsonObject injectedFailure(const QJsonValue &key);
HttpReply okReply(const QJsonArray &data, const QJsonArray &fail = {},
                  const QJsonObject &pagination = {});
// The get-*-detail shape: data[] of {"id"} (1 to 25), each looked up in `index` and answered
// with describe(row), or a fail[] entry (blank id, injected failure, `notFoundCode`).
HttpReply detailById(SimContext &ctx, const QHash<QString, int> &index, const QString &notFoundCode,
                     const QString &notFoundMessage,
                     const std::function<QJsonObject(int row)> &describe);

// Domain endpoints.
HttpReply getAccount(SimContext &ctx);
HttpReply discoverAuthentication(SimContext &ctx);
HttpReply holdMessageList(SimContext &ctx);
HttpReply holdSummaryList(SimContext &ctx);
HttpReply heldMessageDetail(SimContext &ctx);
HttpReply heldReleaseLogs(SimContext &ctx);
HttpReply holdRelease(SimContext &ctx);
HttpReply releaseToSandbox(SimContext &ctx);
HttpReply holdReject(SimContext &ctx);
HttpReply permitOrBlockSender(SimContext &ctx);
HttpReply reportMessage(SimContext &ctx);
HttpReply getBlockedSenderPolicy(SimContext &ctx);
HttpReply createBlockedSenderPolicy(SimContext &ctx);
HttpReply deleteBlockedSenderPolicy(SimContext &ctx);
HttpReply archiveSearch(SimContext &ctx);
HttpReply archiveMessageDetail(SimContext &ctx);
HttpReply messageFinderSearch(SimContext &ctx);
HttpReply messageFinderInfo(SimContext &ctx);
HttpReply remediationCreate(SimContext &ctx);   // v1: searchBy hash|messageId|url
HttpReply remediationCreateV2(SimContext &ctx); // v2: searchBy hash|message_ids|url
HttpReply remediationGetIncident(SimContext &ctx);
HttpReply remediationFindIncidents(SimContext &ctx);
HttpReply remediationSearchHash(SimContext &ctx);
HttpReply ttpUrlLogs(SimContext &ctx);
HttpReply ttpAttachmentLogs(SimContext &ctx);
HttpReply ttpImpersonationLogs(SimContext &ctx);
HttpReply createManagedUrl(SimContext &ctx);
HttpReply getAllManagedUrls(SimContext &ctx);
HttpReply deleteManagedUrl(SimContext &ctx);
HttpReply decodeUrl(SimContext &ctx);

} // namespace mcdesk::sim
