#include "core/archive/archivequery.h"

using namespace Qt::StringLiterals;

namespace mcdesk::archive {

namespace {

// Index i of each list is the enumerator with value i; index 0 (Unset) has no XML spelling.
const QStringList kDateNames = {QString(),       u"today"_s,     u"yesterday"_s, u"last_week"_s,
                                u"last_month"_s, u"last_year"_s, u"between"_s};
const QStringList kSentNames = {QString(), u"from"_s, u"to"_s};
const QStringList kDocsNames = {QString(),         u"optional"_s,      u"any"_s,  u"documents"_s,
                                u"spreadsheets"_s, u"presentations"_s, u"text"_s, u"images"_s,
                                u"media"_s,        u"zips"_s,          u"none"_s};

template<typename E> std::optional<E> fromName(const QStringList &names, const QString &name)
{
    const int i = name.isEmpty() ? -1 : int(names.indexOf(name));
    if (i < 0)
        return std::nullopt;
    return static_cast<E>(i);
}

// Both invalid, or the same instant.
bool sameTime(const QDateTime &a, const QDateTime &b)
{
    return a.isValid() == b.isValid() && (!a.isValid() || a == b);
}

void describe(QStringList &out, const QString &path, const Attributes &attributes)
{
    for (const Attribute &a : attributes)
        out << u"%1/@%2=\"%3\""_s.arg(path, a.name, a.value);
}

void describe(QStringList &out, const QString &path, const Extras &extras)
{
    describe(out, path, extras.attributes);
    for (const ForeignNode &n : extras.nodes)
        out << u"%1: %2"_s.arg(path, n.xml);
}

} // namespace

QString conditionElementName(Condition::Kind kind)
{
    switch (kind) {
    case Condition::Kind::Text:
        return u"text"_s;
    case Condition::Kind::Date:
        return u"date"_s;
    case Condition::Kind::Sent:
        return u"sent"_s;
    case Condition::Kind::Docs:
        return u"docs"_s;
    case Condition::Kind::Route:
        return u"route"_s;
    case Condition::Kind::Unknown:
        break;
    }
    return {};
}

QString dateSelectName(DateSelect select)
{
    return kDateNames.value(int(select));
}
QString sentSelectName(SentSelect select)
{
    return kSentNames.value(int(select));
}
QString docsSelectName(DocsSelect select)
{
    return kDocsNames.value(int(select));
}
std::optional<DateSelect> dateSelectFromName(const QString &name)
{
    return fromName<DateSelect>(kDateNames, name);
}
std::optional<SentSelect> sentSelectFromName(const QString &name)
{
    return fromName<SentSelect>(kSentNames, name);
}
std::optional<DocsSelect> docsSelectFromName(const QString &name)
{
    return fromName<DocsSelect>(kDocsNames, name);
}

Condition Condition::text(const QString &text)
{
    Condition c;
    c.kind = Kind::Text;
    c.value = text;
    return c;
}

Condition Condition::date(DateSelect select, const QDateTime &from, const QDateTime &to)
{
    Condition c;
    c.kind = Kind::Date;
    c.dateSelect = select;
    c.from = from;
    c.to = to;
    return c;
}

Condition Condition::sent(SentSelect select, const QString &address)
{
    Condition c;
    c.kind = Kind::Sent;
    c.sentSelect = select;
    c.value = address;
    return c;
}

Condition Condition::docs(DocsSelect select, const QString &text)
{
    Condition c;
    c.kind = Kind::Docs;
    c.docsSelect = select;
    c.value = text;
    return c;
}

Condition Condition::route(const QString &route)
{
    Condition c;
    c.kind = Kind::Route;
    c.value = route;
    return c;
}

Condition Condition::unknown(const QString &xmlFragment)
{
    Condition c;
    c.kind = Kind::Unknown;
    c.value = xmlFragment;
    return c;
}

bool Condition::operator==(const Condition &o) const
{
    return kind == o.kind && value == o.value && dateSelect == o.dateSelect &&
           sameTime(from, o.from) && sameTime(to, o.to) && sentSelect == o.sentSelect &&
           docsSelect == o.docsSelect && extraAttributes == o.extraAttributes;
}

bool Mailbox::operator==(const Mailbox &o) const
{
    return address == o.address && includeAliases == o.includeAliases &&
           extraAttributes == o.extraAttributes;
}

bool Metadata::operator==(const Metadata &o) const
{
    return queryType == o.queryType && archive == o.archive && active == o.active &&
           pageSize == o.pageSize && startRow == o.startRow && hasMailboxes == o.hasMailboxes &&
           mailboxes == o.mailboxes && hasSmartFolders == o.hasSmartFolders &&
           returnFields == o.returnFields && extras == o.extras &&
           mailboxesExtras == o.mailboxesExtras && smartFoldersExtras == o.smartFoldersExtras &&
           returnFieldsExtras == o.returnFieldsExtras;
}

bool ArchiveQuery::operator==(const ArchiveQuery &o) const
{
    return trace == o.trace && metadata == o.metadata && conditions == o.conditions &&
           extras == o.extras && museAttributes == o.museAttributes && prolog == o.prolog;
}

QStringList ArchiveQuery::unknownParts() const
{
    QStringList out;
    for (const ForeignNode &n : prolog)
        out << u"document: %1"_s.arg(n.xml);
    describe(out, u"xmlquery"_s, extras);
    const QString meta = u"xmlquery/metadata"_s;
    describe(out, meta, metadata.extras);
    describe(out, meta + u"/mailboxes"_s, metadata.mailboxesExtras);
    for (const Mailbox &m : metadata.mailboxes)
        describe(out, meta + u"/mailbox[%1]"_s.arg(m.address), m.extraAttributes);
    describe(out, meta + u"/smartfolders"_s, metadata.smartFoldersExtras);
    describe(out, meta + u"/return-fields"_s, metadata.returnFieldsExtras);
    describe(out, u"xmlquery/muse"_s, museAttributes);
    for (const Condition &c : conditions) {
        if (c.kind == Condition::Kind::Unknown)
            out << u"xmlquery/muse: %1"_s.arg(c.value);
        else
            describe(out, u"xmlquery/muse/"_s + conditionElementName(c.kind), c.extraAttributes);
    }
    return out;
}

} // namespace mcdesk::archive
