#include "core/simulator/endpoints.h"

#include "core/simulator/datapools.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

const QHash<QString, Endpoint> &endpoints()
{
    static const QHash<QString, Endpoint> table = {
        {u"/api/account/get-account"_s, &getAccount},
        {u"/api/login/discover-authentication"_s, &discoverAuthentication},
        {u"/api/gateway/get-hold-message-list"_s, &holdMessageList},
        {u"/api/gateway/get-hold-summary-list"_s, &holdSummaryList},
        {u"/api/gateway/message/get-message-detail"_s, &heldMessageDetail},
        {u"/api/gateway/get-held-release-logs"_s, &heldReleaseLogs},
        {u"/api/gateway/hold-release"_s, &holdRelease},
        {u"/api/message-finder/release-held-email-to-sandbox"_s, &releaseToSandbox},
        {u"/api/gateway/hold-reject"_s, &holdReject},
        {u"/api/managedsender/permit-or-block-sender"_s, &permitOrBlockSender},
        {u"/api/message-finder/report-message"_s, &reportMessage},
        {u"/api/policy/blockedsenders/get-policy"_s, &getBlockedSenderPolicy},
        {u"/api/policy/blockedsenders/create-policy"_s, &createBlockedSenderPolicy},
        {u"/api/policy/blockedsenders/delete-policy"_s, &deleteBlockedSenderPolicy},
        {u"/api/archive/search"_s, &archiveSearch},
        {u"/api/archive/get-message-detail"_s, &archiveMessageDetail},
        {u"/api/message-finder/search"_s, &messageFinderSearch},
        {u"/api/message-finder/get-message-info"_s, &messageFinderInfo},
        {u"/api/ttp/remediation/create"_s, &remediationCreate},
        {u"/api/ttp/remediation/v2/create"_s, &remediationCreateV2},
        {u"/api/ttp/remediation/get-incident"_s, &remediationGetIncident},
        {u"/api/ttp/remediation/find-incidents"_s, &remediationFindIncidents},
        {u"/api/ttp/remediation/search-hash"_s, &remediationSearchHash},
        {u"/api/ttp/url/get-logs"_s, &ttpUrlLogs},
        {u"/api/ttp/attachment/get-logs"_s, &ttpAttachmentLogs},
        {u"/api/ttp/impersonation/get-logs"_s, &ttpImpersonationLogs},
        {u"/api/ttp/url/create-managed-url"_s, &createManagedUrl},
        {u"/api/ttp/url/get-all-managed-urls"_s, &getAllManagedUrls},
        {u"/api/ttp/url/delete-managed-url"_s, &deleteManagedUrl},
        {u"/api/ttp/url/decode-url"_s, &decodeUrl},
    };
    return table;
}

bool checkItemCount(const SimContext &ctx, int min, int max, HttpReply *reply)
{
    const QJsonArray items = ctx.items();
    for (const auto &item : items) {
        if (!item.isObject()) {
            *reply = errorReply(400, u"err_validation_invalid_value"_s,
                                u"Every item of data must be a JSON object"_s, u"data"_s);
            return false;
        }
    }
    if (items.size() < min || items.size() > max) {
        const QString range = min == max ? u"exactly %1 item(s)"_s.arg(min)
                                         : u"between %1 and %2 items"_s.arg(min).arg(max);
        *reply =
            errorReply(400, u"err_validation_item_count"_s,
                       u"data must contain %1, got %2"_s.arg(range).arg(items.size()), u"data"_s);
        return false;
    }
    return true;
}

bool readPage(const SimContext &ctx, int fallbackSize, PageRequest *page, HttpReply *reply)
{
    const QJsonObject request =
        ctx.body.value(u"meta"_s).toObject().value(u"pagination"_s).toObject();
    page->size = fallbackSize;
    const QJsonValue size = request.value(u"pageSize"_s);
    if (size.isDouble())
        page->size = size.toInt(fallbackSize);
    else if (size.isString() && !size.toString().isEmpty())
        page->size = size.toString().toInt();
    page->sizeGiven = size.isDouble() || size.isString();
    page->size = std::clamp(page->size, 1, 500);

    const QJsonArray items = ctx.items();
    page->item = items.isEmpty() ? QJsonObject() : items.first().toObject();
    page->offset = 0;
    const QString token = request.value(u"pageToken"_s).toString();
    if (!token.isEmpty()) {
        QJsonObject carried;
        if (!decodePageToken(token, &page->offset, &carried)) {
            *reply = errorReply(400, u"err_validation_invalid_page_token"_s,
                                u"pageToken is not a token this service issued"_s, u"pageToken"_s);
            return false;
        }
        if (page->item.isEmpty())
            page->item = carried; // token-only follow-up calls keep the first call's filters
    }
    return true;
}

QJsonObject pagination(const PageRequest &page, int total, bool withTotal)
{
    QJsonObject meta{{u"pageSize"_s, page.size}};
    if (withTotal)
        meta.insert(u"totalCount"_s, total);
    if (page.offset + page.size < total)
        meta.insert(u"next"_s, encodePageToken(page.offset + page.size, page.item));
    if (page.offset > 0)
        meta.insert(u"previous"_s,
                    encodePageToken(std::max(0, page.offset - page.size), page.item));
    return meta;
}

void readDateRange(const QJsonObject &item, std::optional<qint64> *start,
                   std::optional<qint64> *end, QJsonArray *errors, const QString &startField,
                   const QString &endField)
{
    for (const auto &[field, out] : {std::pair{startField, start}, std::pair{endField, end}}) {
        const QJsonValue value = item.value(field);
        if (value.isUndefined() || value.isNull())
            continue;
        *out = parseIsoDate(value.toString());
        if (!*out)
            errors->append(errorObject(
                u"err_validation_invalid_date"_s,
                u"%1 must be a date like 2011-12-03T10:15:30+0000"_s.arg(field), field));
    }
}

QJsonObject personJson(const Person &p)
{
    return {{u"emailAddress"_s, p.email}, {u"displayableName"_s, p.name}};
}

QJsonArray personList(const QList<Person> &people)
{
    QJsonArray list;
    for (const auto &p : people)
        list.append(personJson(p));
    return list;
}

QJsonArray mailHeaders(const Person &from, const QList<Person> &to, const QString &subject,
                       qint64 ms, const QString &messageId)
{
    const auto mailbox = [](const Person &p) {
        return u"\"%1\" <%2>"_s.arg(p.name, p.email);
    };
    QStringList recipients;
    for (const auto &p : to)
        recipients << mailbox(p);
    const QString date = QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()),
                                               u"ddd, dd MMM yyyy HH:mm:ss '+0000'"_s);
    const auto header = [](const QString &name, const QString &value) {
        return QJsonObject{{u"name"_s, name}, {u"values"_s, QJsonArray{value}}};
    };
    const QString domain = from.email.section(u'@', 1);
    return {
        header(u"Return-Path"_s, u"<%1>"_s.arg(from.email)),
        header(u"Received"_s,
               u"from mail.%1 (mail.%1 [203.0.113.25]) by "
               u"us-smtp-inbound-1.mimecast.example with ESMTPS; %2"_s.arg(domain, date)),
        header(u"Authentication-Results"_s,
               u"relay.mimecast.example; spf=pass smtp.mailfrom=%1; dkim=pass header.d=%1"_s.arg(
                   domain)),
        header(u"From"_s, mailbox(from)),
        header(u"To"_s, recipients.join(u", "_s)),
        header(u"Subject"_s, subject),
        header(u"Date"_s, date),
        header(u"Message-ID"_s, messageId),
        header(u"MIME-Version"_s, u"1.0"_s)};
}

QJsonObject attachmentJson(const Attachment &a, const QString &ownerId, int index)
{
    return {{u"id"_s, makeOpaqueId(u"eNp"_s, 0, ownerId + u"/att"_s, quint64(index))},
            {u"filename"_s, a.filename},
            {u"extension"_s, a.extension},
            {u"contentType"_s, a.contentType},
            {u"contentId"_s, u""_s},
            {u"size"_s, a.size},
            {u"sha256"_s, a.sha256},
            {u"bodyType"_s, u"ATTACHMENT"_s}};
}

QString bodyPreviewFor(const QString &id)
{
    const QStringList &lines = pools::bodyLines();
    return lines.at(id.isEmpty() ? 0 : int(id.back().unicode() % lines.size()));
}

QJsonObject injectedFailure(const QJsonValue &key)
{
    return failItem(key, errorObject(u"err_item_processing_failed"_s,
                                     u"The item could not be processed (failure injected by "
                                     u"the simulator)"_s));
}

HttpReply detailById(SimContext &ctx, const QHash<QString, int> &index, const QString &notFoundCode,
                     const QString &notFoundMessage,
                     const std::function<QJsonObject(int row)> &describe)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 25, &reply))
        return reply;
    QJsonArray data, fail;
    for (const auto &value : ctx.items()) {
        const QJsonObject key = value.toObject();
        const QString id = key.value(u"id"_s).toString();
        const auto found = index.constFind(id);
        if (id.isEmpty())
            fail << failItem(key,
                             errorObject(u"err_validation_blank"_s, u"id is required"_s, u"id"_s));
        else if (ctx.failingIds.contains(id))
            fail << injectedFailure(key);
        else if (found == index.cend())
            fail << failItem(key, errorObject(notFoundCode, notFoundMessage, u"id"_s));
        else
            data << describe(*found);
    }
    return okReply(data, fail);
}

HttpReply okReply(const QJsonArray &data, const QJsonArray &fail, const QJsonObject &pagination)
{
    return envelopeReply(200, data, fail, pagination);
}

} // namespace mcdesk::sim
