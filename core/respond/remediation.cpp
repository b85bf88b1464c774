#include "core/respond/remediation.h"

#include "core/held/heldmessage.h"
#include "core/respond/trackingquery.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace mcdesk::respond {

namespace {

QString dateText(const QDateTime &when)
{
    return when.isValid() ? held::formatMimecastDate(when) : QString();
}

int countOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInt();
    return value.toString().toInt(); // "Number" in the docs' example; garbage reads as 0
}

QString shortHash(const QString &hash)
{
    return hash.size() > 16 ? hash.left(12) + u'…' : hash;
}

} // namespace

QString normalizeSha256(const QString &text, QString *error)
{
    static const QRegularExpression hex(u"^[0-9a-fA-F]+$"_s);
    const QString hash = text.trimmed();
    QString why;
    if (hash.isEmpty())
        why = u"is empty"_s;
    else if (!hex.match(hash).hasMatch())
        why = u"\""_s + hash + u"\" is not hexadecimal: give the attachment's SHA-256"_s;
    else if (hash.size() == 32 || hash.size() == 40)
        why = u"\""_s + hash +
              u"\" is an MD5 or SHA-1: Mimecast documents SHA-256 only (64 hex digits)"_s;
    else if (hash.size() != 64)
        why = u"\""_s + hash + u"\" has %1 hex digits: a SHA-256 has 64"_s.arg(hash.size());
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return {};
    }
    return hash.toLower();
}

QString checkWebUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return u"is empty"_s;
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return u"\""_s + trimmed + u"\" is not a valid URL: "_s + url.errorString();
    if (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
        return u"\""_s + trimmed + u"\" is not an http or https URL"_s;
    if (url.host().isEmpty())
        return u"\""_s + trimmed + u"\" has no host"_s;
    return {};
}

QString RemediationRequest::validate(const QDateTime &nowUtc)
{
    reason = reason.trimmed();
    if (reason.isEmpty())
        return u"--reason is required: say why these messages are removed (a case number helps)"_s;
    if (reason.size() > 1000)
        return u"--reason is longer than 1,000 characters: shorten it"_s;
    switch (target) {
    case Target::MessageIds: {
        QStringList ids;
        for (const QString &id : std::as_const(messageIds)) {
            QString why;
            const QString normal = normalizeMessageId(id, &why);
            if (normal.isEmpty())
                return u"--message-id "_s + why;
            if (!ids.contains(normal))
                ids.append(normal);
        }
        if (ids.isEmpty())
            return u"say what to remove: --message-id (repeatable), --hash or --url"_s;
        if (ids.size() > kMaxMessageIds)
            return u"--message-id is given %1 times: one remediation takes at most %2 "
                   u"Message-IDs (run it again for the rest)"_s.arg(ids.size())
                       .arg(kMaxMessageIds);
        messageIds = ids;
        break;
    }
    case Target::Hash: {
        QString why;
        hash = normalizeSha256(hash, &why);
        if (hash.isEmpty())
            return u"--hash "_s + why;
        break;
    }
    case Target::Url:
        if (const QString why = checkWebUrl(url); !why.isEmpty())
            return u"--url "_s + why;
        url = url.trimmed();
        break;
    }
    if (start.isValid() && end.isValid() && start >= end)
        return u"--end must be later than --start"_s;
    if (start.isValid() && start > nowUtc)
        return u"--start is in the future: nothing has been delivered after it yet"_s;
    return {};
}

QString RemediationRequest::targetName(Target target)
{
    switch (target) {
    case Target::MessageIds:
        return u"message_ids"_s;
    case Target::Hash:
        return u"hash"_s;
    case Target::Url:
        return u"url"_s;
    }
    return {};
}

QJsonObject RemediationRequest::toData() const
{
    QJsonObject data{{u"reason"_s, reason}, {u"searchBy"_s, targetName(target)}};
    switch (target) {
    case Target::MessageIds:
        data.insert(u"messageIds"_s, QJsonArray::fromStringList(messageIds));
        break;
    case Target::Hash:
        data.insert(u"hash"_s, hash);
        break;
    case Target::Url:
        data.insert(u"url"_s, url);
        break;
    }
    if (start.isValid())
        data.insert(u"start"_s, held::formatMimecastDate(start));
    if (end.isValid())
        data.insert(u"end"_s, held::formatMimecastDate(end));
    return data;
}

QString RemediationRequest::describe() const
{
    switch (target) {
    case Target::MessageIds:
        return messageIds.size() == 1
                   ? u"Message-ID "_s + messageIds.first()
                   : u"%1 Message-IDs (%2)"_s.arg(messageIds.size()).arg(messageIds.join(u", "_s));
    case Target::Hash:
        return u"attachment SHA-256 "_s + hash;
    case Target::Url:
        return u"URL "_s + url;
    }
    return {};
}

QJsonObject RemediationRequest::toJson() const
{
    QJsonObject json = toData();
    json.insert(u"start"_s, dateText(start));
    json.insert(u"end"_s, dateText(end));
    return json;
}

RemediationRequest RemediationRequest::fromJson(const QJsonObject &json)
{
    RemediationRequest r;
    r.reason = json.value(u"reason"_s).toString();
    const QString by = json.value(u"searchBy"_s).toString();
    r.target = by == u"hash"_s ? Target::Hash : by == u"url"_s ? Target::Url : Target::MessageIds;
    for (const QJsonValue &v : json.value(u"messageIds"_s).toArray())
        r.messageIds.append(v.toString());
    r.hash = json.value(u"hash"_s).toString();
    r.url = json.value(u"url"_s).toString();
    r.start = held::parseMimecastDate(json.value(u"start"_s).toString());
    r.end = held::parseMimecastDate(json.value(u"end"_s).toString());
    return r;
}

QString RemediationIncident::countsText() const
{
    return u"%1 identified, %2 removed, %3 failed, %4 restored"_s.arg(identified)
        .arg(successful)
        .arg(failed)
        .arg(restored);
}

QString RemediationIncident::criteriaText() const
{
    if (!messageIds.isEmpty())
        return messageIds.size() == 1 ? u"Message-ID "_s + messageIds.first()
                                      : u"%1 Message-IDs"_s.arg(messageIds.size());
    if (!fileHash.isEmpty())
        return u"SHA-256 "_s + shortHash(fileHash);
    if (!url.isEmpty())
        return u"URL "_s + url;
    return {};
}

RemediationIncident RemediationIncident::fromJson(const QJsonObject &json)
{
    RemediationIncident i;
    i.raw = json;
    i.id = json.value(u"id"_s).toString();
    i.code = json.value(u"code"_s).toString();
    i.type = json.value(u"type"_s).toString();
    i.reason = json.value(u"reason"_s).toString();
    i.created = held::parseMimecastDate(json.value(u"create"_s).toString());
    i.modified = held::parseMimecastDate(json.value(u"modified"_s).toString());
    i.identified = countOf(json.value(u"identified"_s));
    i.successful = countOf(json.value(u"successful"_s));
    i.failed = countOf(json.value(u"failed"_s));
    i.restored = countOf(json.value(u"restored"_s));
    i.remediatedBy = json.value(u"remediatedBy"_s).toString();
    const QJsonObject criteria = json.value(u"searchCriteria"_s).toObject();
    const QJsonValue ids = criteria.value(u"messageIds"_s);
    for (const QJsonValue &v : ids.toArray())
        i.messageIds.append(v.toString());
    if (const QString one = criteria.value(u"messageId"_s).toString();
        !one.isEmpty() && !i.messageIds.contains(one))
        i.messageIds.prepend(one);
    i.fileHash = criteria.value(u"fileHash"_s).toString();
    i.url = criteria.value(u"url"_s).toString();
    // 1.0's get-incident example calls the start "date" (reference §4.3): accept both.
    i.searchStart = held::parseMimecastDate(criteria.value(u"start"_s).toString());
    if (!i.searchStart.isValid())
        i.searchStart = held::parseMimecastDate(criteria.value(u"date"_s).toString());
    i.searchEnd = held::parseMimecastDate(criteria.value(u"end"_s).toString());
    i.unremediateCode = criteria.value(u"unremediateCode"_s).toString();
    return i;
}

const QStringList &IncidentQuery::searchFields()
{
    static const QStringList fields{u"all"_s, u"code"_s, u"file_hash"_s, u"reason"_s};
    return fields;
}

const QStringList &IncidentQuery::typeValues()
{
    static const QStringList types{u"notify_only"_s, u"automatic"_s, u"manual"_s, u"restored"_s};
    return types;
}

QString IncidentQuery::validate() const
{
    if (!searchField.isEmpty() && !searchFields().contains(searchField))
        return u"--search-by \""_s + searchField + u"\" is not valid: use one of "_s +
               searchFields().join(u", "_s);
    if (!searchField.isEmpty() && searchValue.trimmed().isEmpty())
        return u"--value is required with --search-by"_s;
    for (const QString &type : types)
        if (!typeValues().contains(type))
            return u"--type \""_s + type + u"\" is not valid: use one of "_s +
                   typeValues().join(u", "_s);
    if (start.isValid() && end.isValid() && start >= end)
        return u"--end must be later than --start"_s;
    if (limit < 1)
        return u"--limit must be a positive number"_s;
    return {};
}

QJsonObject IncidentQuery::toData() const
{
    QJsonObject data;
    if (start.isValid())
        data.insert(u"start"_s, held::formatMimecastDate(start));
    if (end.isValid())
        data.insert(u"end"_s, held::formatMimecastDate(end));
    if (!searchField.isEmpty())
        data.insert(u"searchBy"_s, QJsonArray{QJsonObject{{u"fieldName"_s, searchField},
                                                          {u"value"_s, searchValue.trimmed()}}});
    // One {fieldName:type, value} per type: the documented example's shape (reference §4.5).
    QJsonArray filters;
    for (const QString &type : types)
        filters.append(QJsonObject{{u"fieldName"_s, u"type"_s}, {u"value"_s, type}});
    if (!filters.isEmpty())
        data.insert(u"filterBy"_s, filters);
    return data;
}

} // namespace mcdesk::respond
