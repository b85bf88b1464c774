#include "core/simulator/archivequery.h"

#include "core/simulator/envelope.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

#include <pugixml.hpp>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
using Term = ArchiveQuery::Term;
using Field = ArchiveQuery::Field;

QString text(const pugi::xml_node &node)
{
    return QString::fromUtf8(node.text().get()).trimmed();
}

QString attr(const pugi::xml_node &node, const char *name)
{
    return QString::fromUtf8(node.attribute(name).value()).trimmed();
}

// Splits <text> into words and quoted phrases; parentheses only group, so they separate.
QStringList tokenize(const QString &input)
{
    QStringList tokens;
    QString current;
    bool quoted = false;
    const auto flush = [&] {
        if (!current.isEmpty())
            tokens << current;
        current.clear();
    };
    for (const QChar c : input) {
        if (c == u'"') {
            if (quoted)
                tokens << u'"' + current; // mark phrases so "or" inside quotes stays a word
            else
                flush();
            current.clear();
            quoted = !quoted;
        } else if (!quoted && (c.isSpace() || c == u'(' || c == u')')) {
            flush();
        } else {
            current += c;
        }
    }
    flush();
    return tokens;
}

QList<QList<Term>> parseText(const QString &input)
{
    static const QHash<QString, Field> fields = {{u"from"_s, Field::From},
                                                 {u"to"_s, Field::To},
                                                 {u"subject"_s, Field::Subject},
                                                 {u"body"_s, Field::Body}};
    QList<QList<Term>> clauses{{}};
    Field field = Field::Any;
    for (const QString &token : tokenize(input)) {
        if (token.startsWith(u'"')) {
            if (token.size() > 1)
                clauses.last().append(Term{field, token.mid(1).toLower()});
            continue;
        }
        const QString lower = token.toLower();
        if (lower == u"or"_s) {
            clauses.append(QList<Term>());
            field = Field::Any;
            continue;
        }
        if (lower == u"and"_s)
            continue;
        const int colon = lower.indexOf(u':');
        if (colon > 0 && fields.contains(lower.left(colon))) {
            field = fields.value(lower.left(colon));
            if (colon + 1 < lower.size())
                clauses.last().append(Term{field, lower.mid(colon + 1)});
            continue;
        }
        clauses.last().append(Term{field, lower});
    }
    clauses.removeIf([](const QList<Term> &c) { return c.isEmpty(); });
    return clauses;
}

bool termMatches(const Term &t, const ArchiveMessage &m)
{
    switch (t.field) {
    case Field::From:
        return m.lcFrom.contains(t.word);
    case Field::To:
        return m.lcTo.contains(t.word);
    case Field::Subject:
        return m.lcSubject.contains(t.word);
    case Field::Body:
        return m.lcBody.contains(t.word);
    case Field::Any:
        break;
    }
    return m.lcSubject.contains(t.word) || m.lcBody.contains(t.word) || m.lcFrom.contains(t.word) ||
           m.lcTo.contains(t.word);
}

bool addressMatches(const QString &address, const QString &wanted)
{
    const QString a = address.toLower();
    if (wanted.contains(u'@'))
        return a == wanted;
    return a.endsWith(u'@' + wanted) || a.endsWith(u'.' + wanted);
}

bool parseDate(const pugi::xml_node &node, qint64 nowMs, ArchiveQuery *q, QString *error)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc());
    const qint64 today = QDateTime(now.date(), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const QString select = attr(node, "select");
    const QString from = attr(node, "from");
    const QString to = attr(node, "to");
    if (select == u"today"_s) {
        q->fromMs = today;
    } else if (select == u"yesterday"_s) {
        q->fromMs = today - 24LL * 3600 * 1000;
        q->toMs = today - 1;
    } else if (select == u"last_week"_s) {
        q->fromMs = now.addDays(-7).toMSecsSinceEpoch();
    } else if (select == u"last_month"_s) {
        q->fromMs = now.addMonths(-1).toMSecsSinceEpoch();
    } else if (select == u"last_year"_s) {
        q->fromMs = now.addYears(-1).toMSecsSinceEpoch();
    } else if (select == u"between"_s || (select.isEmpty() && (!from.isEmpty() || !to.isEmpty()))) {
        for (const auto &[value, slot] : {std::pair{from, &q->fromMs}, std::pair{to, &q->toMs}}) {
            if (value.isEmpty())
                continue;
            *slot = parseIsoDate(value);
            if (!*slot) {
                *error =
                    u"<date> from/to must look like 2015-09-21T23:00:00Z, got '%1'"_s.arg(value);
                return false;
            }
        }
    } else if (!select.isEmpty()) {
        *error = u"<date select=\"%1\"> is not one of today, yesterday, last_week, last_month, "
                 u"last_year, between"_s.arg(select);
        return false;
    }
    return true;
}

bool parseMuse(const pugi::xml_node &muse, qint64 nowMs, ArchiveQuery *q, QString *error)
{
    for (const pugi::xml_node &t : muse.children("text"))
        if (QList<QList<Term>> clauses = parseText(text(t)); !clauses.isEmpty())
            q->texts.append(clauses);
    if (muse.child("date") && !parseDate(muse.child("date"), nowMs, q, error))
        return false;
    for (const auto &sent : muse.children("sent")) {
        const QString select = attr(sent, "select");
        const QString value = text(sent).toLower();
        if (value.isEmpty())
            continue; // the documented skeleton carries an empty <sent></sent>
        if (select != u"from"_s && select != u"to"_s) {
            *error = u"<sent select=\"%1\"> must be from or to"_s.arg(select);
            return false;
        }
        (select == u"from"_s ? q->sentFrom : q->sentTo) << value;
    }
    static const QStringList docs = {
        u"optional"_s, u"any"_s,    u"documents"_s, u"spreadsheets"_s, u"presentations"_s,
        u"text"_s,     u"images"_s, u"media"_s,     u"zips"_s,         u"none"_s};
    q->docs = attr(muse.child("docs"), "select");
    q->docsText = text(muse.child("docs")).toLower();
    if (!q->docs.isEmpty() && !docs.contains(q->docs)) {
        *error = u"<docs select=\"%1\"> is not one of %2"_s.arg(q->docs, docs.join(u", "_s));
        return false;
    }
    const pugi::xml_node route = muse.child("route");
    q->route = (attr(route, "select").isEmpty() ? text(route) : attr(route, "select")).toLower();
    static const QStringList routes = {u"all"_s, u"inbound"_s, u"outbound"_s, u"internal"_s,
                                       u"external"_s};
    if (!q->route.isEmpty() && !routes.contains(q->route)) {
        *error = u"<route> must be one of %1"_s.arg(routes.join(u", "_s));
        return false;
    }
    return true;
}
} // namespace

const QStringList &archiveReturnFields()
{
    static const QStringList fields = {u"id"_s,
                                       u"status"_s,
                                       u"subject"_s,
                                       u"displayfrom"_s,
                                       u"displayfromaddress"_s,
                                       u"displayto"_s,
                                       u"displaytoaddresslist"_s,
                                       u"receiveddate"_s,
                                       u"size"_s,
                                       u"attachmentcount"_s,
                                       u"smash"_s};
    return fields;
}

std::optional<ArchiveQuery> parseArchiveQuery(const QString &xml, qint64 nowMs, QString *error)
{
    const QByteArray utf8 = xml.toUtf8();
    pugi::xml_document doc;
    const pugi::xml_parse_result result = doc.load_buffer(utf8.constData(), size_t(utf8.size()),
                                                          pugi::parse_default, pugi::encoding_utf8);
    if (!result) {
        const QByteArray before = utf8.left(qsizetype(result.offset));
        const int line = int(before.count('\n')) + 1;
        const int column = int(before.size() - before.lastIndexOf('\n'));
        *error = u"Invalid search XML at line %1, column %2: %3"_s.arg(line).arg(column).arg(
            QString::fromUtf8(result.description()));
        return std::nullopt;
    }
    const pugi::xml_node root = doc.child("xmlquery");
    if (!root) {
        *error = u"Invalid search XML: the root element must be <xmlquery>"_s;
        return std::nullopt;
    }
    ArchiveQuery q;
    const pugi::xml_node metadata = root.child("metadata");
    for (const auto &box : metadata.child("mailboxes").children("mailbox"))
        if (!text(box).isEmpty())
            q.mailboxes.insert(text(box).toLower());
    for (const auto &field : metadata.child("return-fields").children("return-field"))
        if (archiveReturnFields().contains(text(field).toLower()))
            q.returnFields << text(field).toLower();
    if (q.returnFields.isEmpty())
        q.returnFields = archiveReturnFields();
    q.pageSize = std::max(0, attr(metadata, "page-size").toInt());
    q.startRow = std::max(0, attr(metadata, "startrow").toInt());
    QString museError;
    if (!parseMuse(root.child("muse"), nowMs, &q, &museError)) {
        *error = u"Invalid search XML: "_s + museError;
        return std::nullopt;
    }
    return q;
}

bool ArchiveQuery::matches(const ArchiveMessage &m) const
{
    if ((fromMs && m.receivedMs < *fromMs) || (toMs && m.receivedMs > *toMs))
        return false;
    if (!mailboxes.isEmpty()) {
        bool hit = mailboxes.contains(m.from.email.toLower());
        for (const auto &p : m.to)
            hit = hit || mailboxes.contains(p.email.toLower());
        if (!hit)
            return false;
    }
    if (!sentFrom.isEmpty() &&
        std::none_of(sentFrom.cbegin(), sentFrom.cend(),
                     [&](const QString &v) { return addressMatches(m.from.email, v); }))
        return false;
    if (!sentTo.isEmpty() && std::none_of(sentTo.cbegin(), sentTo.cend(), [&](const QString &v) {
            return std::any_of(m.to.cbegin(), m.to.cend(),
                               [&](const Person &p) { return addressMatches(p.email, v); });
        }))
        return false;
    if (!route.isEmpty() && route != u"all"_s &&
        (route == u"external"_s ? m.route == u"INTERNAL"_s
                                : m.route.compare(route, Qt::CaseInsensitive) != 0))
        return false;
    if (docs == u"none"_s && !m.attachments.isEmpty())
        return false;
    if (!docs.isEmpty() && docs != u"optional"_s && docs != u"none"_s) {
        const bool hit =
            std::any_of(m.attachments.cbegin(), m.attachments.cend(), [&](const Attachment &a) {
                return (docs == u"any"_s || a.category == docs) &&
                       a.filename.toLower().contains(docsText);
            });
        if (!hit)
            return false;
    }
    return std::all_of(texts.cbegin(), texts.cend(), [&](const QList<QList<Term>> &clauses) {
        return std::any_of(clauses.cbegin(), clauses.cend(), [&](const QList<Term> &clause) {
            return std::all_of(clause.cbegin(), clause.cend(),
                               [&](const Term &t) { return termMatches(t, m); });
        });
    });
}

QJsonObject archiveItem(const ArchiveMessage &m, const QStringList &fields)
{
    QJsonObject item;
    for (const QString &field : fields) {
        if (field == u"id"_s)
            item.insert(field, m.id);
        else if (field == u"status"_s)
            item.insert(field, u"ARCHIVED"_s);
        else if (field == u"subject"_s)
            item.insert(field, m.subject);
        else if (field == u"displayfrom"_s)
            item.insert(field, m.from.name);
        else if (field == u"displayfromaddress"_s)
            item.insert(field, m.from.email);
        else if (field == u"receiveddate"_s)
            item.insert(field, isoDate(m.receivedMs));
        else if (field == u"size"_s)
            item.insert(field, m.size);
        else if (field == u"attachmentcount"_s)
            item.insert(field, int(m.attachments.size()));
        else if (field == u"smash"_s)
            item.insert(field, m.id.mid(3, 24));
        else if (field == u"displayto"_s) {
            QStringList names;
            for (const auto &p : m.to)
                names << p.name;
            item.insert(field, names.join(u", "_s));
        } else if (field == u"displaytoaddresslist"_s) {
            QJsonArray list;
            for (const auto &p : m.to)
                list.append(
                    QJsonObject{{u"displayableName"_s, p.name}, {u"emailAddress"_s, p.email}});
            item.insert(field, list);
        }
    }
    return item;
}

} // namespace mcdesk::sim
