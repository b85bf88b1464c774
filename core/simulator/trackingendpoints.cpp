// /api/message-finder/search (mimecast-respond.md §2.1) over SimData::tracked.
#include "core/simulator/endpoints.h"
#include "core/simulator/tracking.h"

#include <QHostAddress>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kLookBackMs = 30 * kDayMs; // a start this far back (or further) is refused
constexpr int kMaxRows = 500;               // no paging is documented: a cap, newest first

// An address ("a@b.example") or a domain ("b.example", "@b.example"; subdomains match).
struct AddressFilter
{
    QString address, dotDomain, domain; // lower case; one of address / domain is set

    bool isSet() const { return !address.isEmpty() || !domain.isEmpty(); }
    bool matches(const QString &email) const
    {
        if (!address.isEmpty())
            return email.compare(address, Qt::CaseInsensitive) == 0;
        const QStringView host = QStringView(email).mid(email.indexOf(u'@') + 1);
        return host.compare(domain, Qt::CaseInsensitive) == 0 ||
               host.endsWith(dotDomain, Qt::CaseInsensitive);
    }
};

struct TrackingFilter
{
    QString messageIdKey; // set for a Message-ID search
    AddressFilter from, to;
    QString subject, url; // lower case substrings
    QString senderIp;
    QStringList routes, statuses; // empty: any
    std::optional<bool> attachments;
    qint64 start = 0, end = 0;
};

// A string or an array of strings, lower-cased; false when it is neither.
bool readStrings(const QJsonValue &value, QStringList *out)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (value.isString()) {
        *out << value.toString().trimmed().toLower();
        return true;
    }
    if (!value.isArray())
        return false;
    for (const auto &entry : value.toArray()) {
        if (!entry.isString())
            return false;
        *out << entry.toString().trimmed().toLower();
    }
    return true;
}

void readEnum(const QJsonValue &value, const QString &field, const QStringList &allowed,
              QStringList *out, QJsonArray *errors)
{
    QStringList values;
    if (!readStrings(value, &values)) {
        *errors << errorObject(u"err_validation_invalid_value"_s,
                               u"%1 must be a string or an array of strings"_s.arg(field), field);
        return;
    }
    for (const auto &v : std::as_const(values)) {
        if (!allowed.contains(v)) {
            *errors << errorObject(u"err_validation_value_not_allowed"_s,
                                   u"Field must be one of [%1]"_s.arg(allowed.join(u", "_s)),
                                   field);
            return;
        }
    }
    *out << values;
}

void readAddress(const QJsonObject &advanced, const QString &field, AddressFilter *out,
                 QJsonArray *errors)
{
    const QString text = advanced.value(field).toString().trimmed().toLower();
    if (text.isEmpty())
        return;
    if (text.contains(u'@') && !text.startsWith(u'@')) {
        if (!isValidEmail(text))
            *errors << errorObject(u"err_validation_invalid_email_address"_s,
                                   u"Email address is not valid"_s, field);
        out->address = text;
        return;
    }
    out->domain = text.startsWith(u'@') ? text.mid(1) : text;
    out->dotDomain = u'.' + out->domain;
}

// Reads the advanced options; false when none of from/to/subject/senderIP/url is given.
bool readAdvanced(const QJsonObject &advanced, TrackingFilter *f, QJsonArray *errors)
{
    static const QStringList fields = {u"from"_s, u"to"_s, u"subject"_s, u"senderIP"_s, u"url"_s};
    bool any = false;
    for (const auto &field : fields) {
        const QJsonValue value = advanced.value(field);
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            *errors << errorObject(u"err_validation_invalid_value"_s,
                                   u"%1 must be a string"_s.arg(field), field);
        any = any || !value.toString().trimmed().isEmpty();
    }
    readAddress(advanced, u"from"_s, &f->from, errors);
    readAddress(advanced, u"to"_s, &f->to, errors);
    f->subject = advanced.value(u"subject"_s).toString().trimmed().toLower();
    f->url = advanced.value(u"url"_s).toString().trimmed().toLower();
    f->senderIp = advanced.value(u"senderIP"_s).toString().trimmed();
    if (!f->senderIp.isEmpty() && QHostAddress(f->senderIp).isNull())
        *errors << errorObject(u"err_validation_invalid_value"_s,
                               u"senderIP is not an IP address"_s, u"senderIP"_s);
    return any;
}

QJsonArray parseFilter(const QJsonObject &item, qint64 nowMs, TrackingFilter *f)
{
    QJsonArray errors;
    const QJsonValue messageId = item.value(u"messageId"_s);
    const QJsonValue advancedValue = item.value(u"advancedTrackAndTraceOptions"_s);
    const QJsonObject advanced = advancedValue.toObject();
    const bool hasMessageId = !messageId.isUndefined() && !messageId.isNull();
    const bool hasAdvanced = !advancedValue.isUndefined() && !advancedValue.isNull();
    if (hasAdvanced && !advancedValue.isObject())
        errors << errorObject(u"err_validation_invalid_value"_s,
                              u"advancedTrackAndTraceOptions must be an object"_s,
                              u"advancedTrackAndTraceOptions"_s);
    // An advanced object that only carries route (as some clients send it) is no search.
    const bool advancedSearch = readAdvanced(advanced, f, &errors);
    if (hasMessageId && advancedSearch) {
        errors << errorObject(u"err_validation_invalid_value"_s,
                              u"Use either messageId or advancedTrackAndTraceOptions, not both"_s,
                              u"advancedTrackAndTraceOptions"_s);
    } else if (hasMessageId) {
        if (!messageId.isString() || messageId.toString().trimmed().isEmpty())
            errors << errorObject(u"err_validation_blank"_s, u"messageId must not be blank"_s,
                                  u"messageId"_s);
        else
            f->messageIdKey = messageIdKey(messageId.toString());
    } else if (hasAdvanced && !advancedSearch) {
        errors << errorObject(
            u"err_validation_blank"_s,
            u"advancedTrackAndTraceOptions needs one of from, to, subject, senderIP "
            u"or url"_s,
            u"advancedTrackAndTraceOptions"_s);
    } else if (!advancedSearch) {
        errors << errorObject(u"err_validation_null"_s,
                              u"messageId or advancedTrackAndTraceOptions is required"_s,
                              u"messageId"_s);
    }

    static const QStringList routes = {u"internal"_s, u"outbound"_s, u"inbound"_s, u"all"_s,
                                       u"external"_s};
    static const QStringList statuses = {u"accepted"_s, u"processing"_s,    u"bulk_processing"_s,
                                         u"delivery"_s, u"bulk_delivery"_s, u"held"_s,
                                         u"bounced"_s,  u"deferred"_s,      u"rejected"_s,
                                         u"archived"_s, u"system"_s};
    // route is documented at data level; clients also put it in the advanced options.
    readEnum(item.value(u"route"_s), u"route"_s, routes, &f->routes, &errors);
    readEnum(advanced.value(u"route"_s), u"route"_s, routes, &f->routes, &errors);
    readEnum(item.value(u"status"_s), u"status"_s, statuses, &f->statuses, &errors);
    const QJsonValue attachments = item.value(u"attachments"_s);
    if (attachments.isBool())
        f->attachments = attachments.toBool();
    else if (!attachments.isUndefined() && !attachments.isNull())
        errors << errorObject(u"err_validation_invalid_value"_s,
                              u"attachments must be true or false"_s, u"attachments"_s);

    std::optional<qint64> start, end;
    readDateRange(item, &start, &end, &errors);
    f->end = end.value_or(nowMs);
    f->start = start.value_or(f->end - kDayMs);
    if (start && nowMs - *start >= kLookBackMs)
        errors << errorObject(u"err_track_and_trace_invalid_start_date"_s,
                              u"start must be within the last 30 days"_s, u"start"_s);
    if (f->end < f->start)
        errors << errorObject(u"err_validation_invalid_date"_s, u"end must not be before start"_s,
                              u"end"_s);
    return errors;
}

bool routeMatches(const QStringList &wanted, const QString &route)
{
    return wanted.isEmpty() || wanted.contains(u"all"_s) || wanted.contains(route) ||
           (route != u"internal"_s && wanted.contains(u"external"_s));
}

bool matches(const TrackingView &view, int i, const TrackingFilter &f)
{
    const qint64 received = view.row(i).receivedMs;
    if (received < f.start || received > f.end)
        return false;
    if (!routeMatches(f.routes, view.route(i)))
        return false;
    if (!f.statuses.isEmpty() && !f.statuses.contains(view.status(i)))
        return false;
    if (f.attachments && *f.attachments == view.attachments(i).isEmpty())
        return false;
    if (f.from.isSet() && !f.from.matches(view.fromEnvelope(i).email) &&
        !f.from.matches(view.fromHeader(i).email))
        return false;
    if (f.to.isSet()) {
        const QList<Person> to = view.recipients(i);
        if (std::none_of(to.cbegin(), to.cend(),
                         [&](const Person &p) { return f.to.matches(p.email); }))
            return false;
    }
    if (!f.subject.isEmpty() && !view.subject(i).contains(f.subject, Qt::CaseInsensitive))
        return false;
    if (!f.senderIp.isEmpty() && view.senderIp(i) != f.senderIp)
        return false;
    return f.url.isEmpty() || view.body(i).contains(f.url, Qt::CaseInsensitive);
}

QJsonObject trackedJson(const TrackingView &view, int i)
{
    const Person &header = view.fromHeader(i);
    const qint64 received = view.row(i).receivedMs;
    return {{u"id"_s, view.row(i).id},
            {u"status"_s, view.status(i)},
            {u"info"_s, view.info(i)},
            {u"fromEnv"_s, QJsonObject{{u"emailAddress"_s, view.fromEnvelope(i).email}}},
            {u"fromHdr"_s,
             QJsonObject{{u"displayableName"_s, header.name}, {u"emailAddress"_s, header.email}}},
            {u"to"_s, personList(view.recipients(i))},
            {u"subject"_s, view.subject(i)},
            {u"received"_s, isoDate(received)},
            {u"sent"_s, isoDate(received - 5000)},
            {u"senderIP"_s, view.senderIp(i)},
            {u"route"_s, view.route(i)},
            {u"attachments"_s, !view.attachments(i).isEmpty()},
            {u"spamScore"_s, view.spamScore(i)},
            {u"detectionLevel"_s, view.detectionLevel(i)}};
}
} // namespace

HttpReply messageFinderSearch(SimContext &ctx)
{
    HttpReply reply;
    if (!checkItemCount(ctx, 1, 1, &reply))
        return reply;
    const QJsonObject item = ctx.items().first().toObject();
    TrackingFilter filter;
    const QJsonArray errors = parseFilter(item, ctx.nowMs, &filter);
    if (!errors.isEmpty())
        return okReply({}, {QJsonObject{{u"key"_s, item}, {u"errors"_s, errors}}});
    const QString messageId = item.value(u"messageId"_s).toString();
    if (!messageId.isEmpty() &&
        (ctx.failingIds.contains(messageId) || ctx.failingIds.contains(filter.messageIdKey)))
        return okReply({}, {injectedFailure(item)});

    const TrackingView view(ctx.data, ctx.nowMs);
    QVector<int> candidates; // rows are newest first, so are these
    if (!filter.messageIdKey.isEmpty()) {
        candidates = ctx.data.trackedByMessageId.values(filter.messageIdKey).toVector();
        std::sort(candidates.begin(), candidates.end());
    }
    QJsonArray rows;
    const auto consider = [&](int i) {
        if (rows.size() < kMaxRows && matches(view, i, filter))
            rows.append(trackedJson(view, i));
    };
    if (!filter.messageIdKey.isEmpty()) {
        for (const int i : std::as_const(candidates))
            consider(i);
    } else {
        for (int i = 0; i < ctx.data.tracked.size() && rows.size() < kMaxRows; ++i) {
            if (ctx.data.tracked[i].receivedMs < filter.start)
                break; // older rows only from here on
            consider(i);
        }
    }
    return okReply({QJsonObject{{u"trackedEmails"_s, rows}}});
}

} // namespace mcdesk::sim
