#include "core/respond/trackingquery.h"

#include "core/common/address.h"
#include "core/held/heldmessage.h"

#include <QHostAddress>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mcdesk::respond {

namespace {
bool isAddressOrDomain(const QString &text)
{
    return address::isEmailAddress(text) || address::isDomain(text);
}

// QHostAddress also takes inet_aton's short forms ("1.2.3"); a sender IP is written in full.
bool isIpAddress(const QString &text)
{
    const QHostAddress address(text);
    if (address.isNull())
        return false;
    return address.protocol() == QAbstractSocket::IPv6Protocol || text.count(u'.') == 3;
}
} // namespace

QString normalizeMessageId(const QString &text, QString *error)
{
    QString id = text.trimmed();
    const auto refuse = [&](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    if (id.isEmpty())
        return refuse(u"is empty"_s);
    const bool opens = id.startsWith(u'<');
    const bool closes = id.endsWith(u'>');
    if (opens != closes)
        return refuse(u"\""_s + id +
                      u"\" has an unmatched angle bracket: write it as <local@host>"_s);
    const QString inner = opens ? id.mid(1, id.size() - 2) : id;
    if (inner.contains(u'<') || inner.contains(u'>'))
        return refuse(u"\""_s + id + u"\" holds more than one Message-ID: give one at a time"_s);
    for (const QChar c : inner)
        if (c.isSpace() || c.unicode() < 0x20)
            return refuse(u"\""_s + id + u"\" contains spaces: a Message-ID has none"_s);
    const qsizetype at = inner.lastIndexOf(u'@');
    if (at <= 0 || at == inner.size() - 1)
        return refuse(u"\""_s + id + u"\" is not a Message-ID: it reads <local@host>"_s);
    if (inner.size() > 995) // RFC 5322's line limit; nothing longer is a header value
        return refuse(u"is longer than a mail header line can be"_s);
    return u'<' + inner + u'>';
}

const QStringList &TrackingQuery::routeValues()
{
    static const QStringList values{u"all"_s, u"internal"_s, u"outbound"_s, u"inbound"_s,
                                    u"external"_s};
    return values;
}

bool TrackingQuery::hasCriteria() const
{
    return !from.trimmed().isEmpty() || !to.trimmed().isEmpty() || !subject.trimmed().isEmpty() ||
           !senderIp.trimmed().isEmpty();
}

QString TrackingQuery::validate(const QDateTime &nowUtc) const
{
    if (byMessageId() && hasCriteria())
        return u"give --message-id alone, or --from / --to / --subject / --sender-ip without it: "
               u"Message Finder searches by one or the other"_s;
    if (!byMessageId() && !hasCriteria())
        return u"say what to find: --message-id, or any of --from, --to, --subject, --sender-ip"_s;
    if (byMessageId()) {
        QString why;
        if (normalizeMessageId(messageId, &why).isEmpty())
            return u"--message-id "_s + why;
    }
    if (!from.trimmed().isEmpty() && !isAddressOrDomain(from.trimmed()))
        return u"--from \""_s + from + u"\" is not an email address or a domain"_s;
    if (!to.trimmed().isEmpty() && !isAddressOrDomain(to.trimmed()))
        return u"--to \""_s + to + u"\" is not an email address or a domain"_s;
    if (!senderIp.trimmed().isEmpty() && !isIpAddress(senderIp.trimmed()))
        return u"--sender-ip \""_s + senderIp + u"\" is not an IPv4 or IPv6 address"_s;
    for (const QString &route : routes)
        if (!routeValues().contains(route))
            return u"--route \""_s + route + u"\" is not valid: use one of "_s +
                   routeValues().join(u", "_s);
    if (!start.isValid() || !end.isValid())
        return u"--start and --end must be ISO 8601 dates (2026-07-01T00:00:00Z)"_s;
    if (start >= end)
        return u"--end must be later than --start"_s;
    const QDateTime earliest = nowUtc.addDays(-kWindowDays);
    if (start < earliest)
        return u"--start %1 is more than %2 days ago: Message Finder tracks only the last %2 days "
               u"(use a later --start, or search the archive for older mail)"_s
                   .arg(start.toUTC().toString(Qt::ISODate))
                   .arg(kWindowDays);
    return {};
}

bool TrackingQuery::clampToWindow(const QDateTime &nowUtc)
{
    const QDateTime earliest = nowUtc.addDays(-kWindowDays);
    if (!start.isValid() || start >= earliest)
        return false;
    start = earliest;
    if (end.isValid() && end <= start)
        end = nowUtc;
    return true;
}

QJsonObject TrackingQuery::toData() const
{
    QJsonObject data{{u"start"_s, held::formatMimecastDate(start)},
                     {u"end"_s, held::formatMimecastDate(end)}};
    if (!searchReason.trimmed().isEmpty())
        data.insert(u"searchReason"_s, searchReason.trimmed());
    if (byMessageId()) {
        data.insert(u"messageId"_s, normalizeMessageId(messageId, nullptr));
    } else {
        QJsonObject advanced;
        const auto add = [&advanced](const QString &key, const QString &value) {
            if (!value.trimmed().isEmpty())
                advanced.insert(key, value.trimmed());
        };
        add(u"from"_s, from);
        add(u"to"_s, to);
        add(u"subject"_s, subject);
        add(u"senderIP"_s, senderIp);
        data.insert(u"advancedTrackAndTraceOptions"_s, advanced);
    }
    // The documented place (a data-level list); reference §2.1 notes clients that differ.
    if (!routes.isEmpty())
        data.insert(u"route"_s, QJsonArray::fromStringList(routes));
    return data;
}

QString TrackingQuery::describe() const
{
    if (byMessageId())
        return u"Message-ID "_s + normalizeMessageId(messageId, nullptr);
    QStringList parts;
    if (!from.trimmed().isEmpty())
        parts << u"from "_s + from.trimmed();
    if (!to.trimmed().isEmpty())
        parts << u"to "_s + to.trimmed();
    if (!subject.trimmed().isEmpty())
        parts << u"subject \""_s + subject.trimmed() + u'"';
    if (!senderIp.trimmed().isEmpty())
        parts << u"sender IP "_s + senderIp.trimmed();
    return parts.join(u", "_s);
}

} // namespace mcdesk::respond
