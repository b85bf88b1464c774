#include "core/simulator/archivequery.h"
#include "core/simulator/endpoints.h"

#include <QElapsedTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

HttpReply archiveSearch(SimContext &ctx)
{
    QElapsedTimer timer;
    timer.start();
    HttpReply reply;
    PageRequest page;
    if (!checkItemCount(ctx, 0, 1, &reply) || !readPage(ctx, 25, &page, &reply))
        return reply;
    if (page.item.isEmpty())
        return errorReply(400, u"err_validation_item_count"_s,
                          u"data must contain exactly 1 item"_s, u"data"_s);
    const QJsonObject &item = page.item;
    const QJsonValue query = item.value(u"query"_s);
    if (!query.isString() || query.toString().trimmed().isEmpty())
        return okReply(
            {}, {failItem(item, errorObject(u"err_validation_null"_s,
                                            u"query is required (the XML query)"_s, u"query"_s))});
    const QJsonValue admin = item.value(u"admin"_s);
    if (!admin.isUndefined() && !admin.isBool())
        return okReply({},
                       {failItem(item, errorObject(u"err_validation_invalid_value"_s,
                                                   u"admin must be true or false"_s, u"admin"_s))});
    QString error;
    const auto parsed = parseArchiveQuery(query.toString(), ctx.nowMs, &error);
    if (!parsed)
        return okReply(
            {}, {failItem(item, errorObject(u"err_invalid_search_xml"_s, error, u"query"_s))});
    if (!page.sizeGiven && parsed->pageSize > 0)
        page.size = std::clamp(parsed->pageSize, 1, 500);
    const bool hasToken = !ctx.body.value(u"meta"_s)
                               .toObject()
                               .value(u"pagination"_s)
                               .toObject()
                               .value(u"pageToken"_s)
                               .toString()
                               .isEmpty();
    if (!hasToken)
        page.offset = parsed->startRow;

    // Without admin an archive search covers the caller's own mailbox only; the API user
    // has none, so (as on Mimecast) the result is silently empty.
    QJsonArray items;
    bool more = false;
    if (admin.toBool()) {
        int seen = 0;
        for (const ArchiveMessage &m : std::as_const(ctx.data.archive)) {
            if (!parsed->matches(m))
                continue;
            if (seen >= page.offset + page.size) {
                more = true; // stop at the first match past this page
                break;
            }
            if (seen++ >= page.offset)
                items.append(archiveItem(m, parsed->returnFields));
        }
    }
    QJsonObject pagination{{u"pageSize"_s, page.size}, {u"recordStart"_s, page.offset}};
    if (more)
        pagination.insert(u"next"_s, encodePageToken(page.offset + page.size, page.item));
    const QJsonObject result{{u"items"_s, items}, {u"queryDuration"_s, timer.elapsed()}};
    return okReply({result}, {}, pagination);
}

namespace {
// What get-message-detail says about one archived message.
QJsonObject archiveDetailJson(const ArchiveMessage &m)
{
    QJsonArray attachments;
    for (int i = 0; i < m.attachments.size(); ++i)
        attachments.append(attachmentJson(m.attachments[i], m.id, i));
    return QJsonObject{
        {u"id"_s, m.id},
        {u"status"_s, u"ARCHIVED"_s},
        {u"smash"_s, m.id.mid(3, 24)},
        {u"mimeMessageId"_s, m.messageId},
        {u"subject"_s, m.subject},
        {u"received"_s, isoDate(m.receivedMs)},
        {u"processed"_s, isoDate(m.receivedMs + 2000)},
        {u"headerDate"_s, isoDate(m.receivedMs - 5000)},
        {u"size"_s, m.size},
        {u"from"_s, personJson(m.from)},
        {u"envelopeFrom"_s, personJson(m.from)},
        {u"replyTo"_s, personJson(m.from)},
        {u"to"_s, personList(m.to)},
        {u"cc"_s, QJsonArray{}},
        {u"route"_s, m.route},
        {u"headers"_s, mailHeaders(m.from, m.to, m.subject, m.receivedMs - 5000, m.messageId)},
        {u"attachments"_s, attachments},
        {u"hasHtmlBody"_s, false},
        {u"hasTextBody"_s, true},
        {u"messageBodyPreview"_s, m.body.left(200)},
    };
}
} // namespace

HttpReply archiveMessageDetail(SimContext &ctx)
{
    return detailById(ctx, ctx.data.archiveIndex, u"err_archive_message_not_found"_s,
                      u"No archived message has this id"_s,
                      [&ctx](int row) { return archiveDetailJson(ctx.data.archive.at(row)); });
}

} // namespace mcdesk::sim
