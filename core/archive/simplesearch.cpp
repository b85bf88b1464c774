#include "core/archive/simplesearch.h"

#include "core/common/address.h"

using namespace Qt::StringLiterals;

namespace mcdesk::archive {

namespace {

using address::isDomain;
using address::isEmailAddress;

QStringList normalized(const QStringList &items)
{
    QStringList out;
    for (const QString &item : items)
        out << splitCommaList(item);
    return out;
}

// "from: a@x.com or from: b.com"
QString orJoined(const QString &prefix, const QStringList &values)
{
    QStringList parts;
    for (const QString &v : values)
        parts << prefix + u": "_s + v;
    return parts.join(u" or "_s);
}

QString checkAddresses(const QString &field, const QStringList &values, bool domainsAllowed)
{
    for (const QString &v : values) {
        if (isEmailAddress(v) || (domainsAllowed && isDomain(v)))
            continue;
        return u"%1: \"%2\" is not a valid email address%3"_s.arg(
            field, v, domainsAllowed ? u" or domain"_s : QString());
    }
    return {};
}

QString checkReturnFields(QStringList *fields)
{
    if (fields->isEmpty())
        return u"Fields To Return is required; choose from: %1"_s.arg(
            documentedReturnFields().join(u", "_s));
    QStringList known;
    for (const QString &f : *fields) {
        const QString name = f.toLower();
        if (!documentedReturnFields().contains(name))
            return u"Fields To Return: \"%1\" is not a documented return field; valid: %2"_s.arg(
                f, documentedReturnFields().join(u", "_s));
        if (!known.contains(name))
            known << name;
    }
    *fields = known;
    return {};
}

} // namespace

QStringList splitCommaList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',')) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            out << item;
    }
    return out;
}

QStringList documentedReturnFields()
{
    return {u"attachmentcount"_s,
            u"status"_s,
            u"subject"_s,
            u"size"_s,
            u"receiveddate"_s,
            u"displayfrom"_s,
            u"displayfromaddress"_s,
            u"id"_s,
            u"displayto"_s,
            u"displaytoaddresslist"_s,
            u"smash"_s};
}

QStringList defaultReturnFields()
{
    return {u"id"_s,        u"receiveddate"_s, u"displayfrom"_s, u"displayfromaddress"_s,
            u"displayto"_s, u"subject"_s,      u"size"_s,        u"attachmentcount"_s};
}

BuildResult build(const SimpleSearch &search, const QDateTime &nowUtc)
{
    BuildResult result;
    QStringList fields = normalized(search.fieldsToReturn);
    const QStringList mailboxes = normalized(search.mailboxes);
    const QStringList from = normalized(search.from);
    const QStringList to = normalized(search.to);
    result.error = checkReturnFields(&fields);
    if (result.ok())
        result.error = checkAddresses(u"Mailboxes"_s, mailboxes, false);
    if (result.ok())
        result.error = checkAddresses(u"From"_s, from, true);
    if (result.ok())
        result.error = checkAddresses(u"To"_s, to, true);
    if (result.ok() && (search.limit < 1 || search.limit > kMaxSimpleSearchLimit))
        result.error = u"Max Emails To Return must be between 1 and %1 (got %2)"_s.arg(
            QString::number(kMaxSimpleSearchLimit), QString::number(search.limit));
    if (!result.ok())
        return result;
    const TimeRange range =
        resolveTimeRange(search.frame, search.startText, search.endText, nowUtc);
    if (!range.ok()) {
        result.error = range.error;
        return result;
    }

    result.startUtc = range.startUtc;
    result.endUtc = range.endUtc;
    result.pageSize = qMin(search.limit, kMaxPageSize);

    ArchiveQuery &q = result.query;
    q.metadata.pageSize = result.pageSize;
    q.metadata.startRow = 0;
    q.metadata.hasMailboxes = !mailboxes.isEmpty();
    for (const QString &address : mailboxes)
        q.metadata.mailboxes.append({address, true, {}});
    q.metadata.returnFields = fields;

    if (!from.isEmpty())
        q.conditions << Condition::text(orJoined(u"from"_s, from));
    if (!to.isEmpty())
        q.conditions << Condition::text(orJoined(u"to"_s, to));
    const QString subject = search.subject.trimmed();
    if (!subject.isEmpty())
        q.conditions << Condition::text(u"subject: "_s + subject);
    q.conditions << Condition::date(DateSelect::Between, range.startUtc, range.endUtc)
                 << Condition::docs(DocsSelect::Optional) << Condition::route();
    return result;
}

} // namespace mcdesk::archive
