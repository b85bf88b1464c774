// fromXml(): reads what it understands into typed fields and keeps everything else verbatim,
// so writing the result back loses nothing (see archivequery.h).

#include "core/archive/archivequeryxml.h"
#include "core/archive/xmldocument_p.h"

#include <QRegularExpression>

#include <cstring>

using namespace Qt::StringLiterals;

namespace mcdesk::archive {

namespace {

using detail::fromPugi;
using detail::isIgnorable;
using detail::serialize;

bool is(const pugi::xml_node &node, const char *name)
{
    return node.type() == pugi::node_element && std::strcmp(node.name(), name) == 0;
}

bool is(const pugi::xml_attribute &attribute, const char *name)
{
    return std::strcmp(attribute.name(), name) == 0;
}

Attribute verbatim(const pugi::xml_attribute &a)
{
    return {fromPugi(a.name()), fromPugi(a.value())};
}

// The text of an element whose children are only text or CDATA; false for anything else.
bool leafText(const pugi::xml_node &node, QString *text)
{
    text->clear();
    for (const pugi::xml_node &child : node.children()) {
        if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata)
            return false;
        *text += fromPugi(child.value());
    }
    return true;
}

std::optional<bool> readBool(const pugi::xml_attribute &a)
{
    const QString value = fromPugi(a.value());
    if (value == u"true"_s)
        return true;
    if (value == u"false"_s)
        return false;
    return std::nullopt;
}

std::optional<int> readCount(const pugi::xml_attribute &a)
{
    static const QRegularExpression digits(u"^[0-9]{1,9}$"_s);
    const QString value = fromPugi(a.value());
    if (!digits.match(value).hasMatch())
        return std::nullopt;
    return value.toInt();
}

// Only the exact form the writer produces is understood, so a date never changes on the way
// through; other spellings (offsets, fractions) stay verbatim: whether Mimecast honours an
// offset is not documented (docs/contract.md, archive query XML).
QDateTime readUtc(const pugi::xml_attribute &a)
{
    static const QRegularExpression form(
        u"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"_s);
    const QString value = fromPugi(a.value());
    if (!form.match(value).hasMatch())
        return {};
    const QDate date = QDate::fromString(value.left(10), u"yyyy-MM-dd"_s);
    const QTime time = QTime::fromString(value.mid(11, 8), u"HH:mm:ss"_s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

ArchiveQuery blankQuery()
{
    ArchiveQuery q;
    q.trace.reset();
    q.metadata.queryType.reset();
    q.metadata.archive.reset();
    q.metadata.active.reset();
    q.metadata.pageSize.reset();
    q.metadata.startRow.reset();
    q.metadata.hasSmartFolders = false;
    return q;
}

// For a container: remembers how many understood children came before each foreign node.
class ChildReader
{
public:
    explicit ChildReader(QList<ForeignNode> *foreign)
        : m_foreign(foreign)
    {}
    void understood() { ++m_count; }
    void foreign(const pugi::xml_node &node) { m_foreign->append({serialize(node), m_count}); }

private:
    QList<ForeignNode> *m_foreign;
    int m_count = 0;
};

void readAllForeign(const pugi::xml_node &node, Extras *extras)
{
    for (const pugi::xml_attribute &a : node.attributes())
        extras->attributes.append(verbatim(a));
    ChildReader children(&extras->nodes);
    for (const pugi::xml_node &child : node.children()) {
        if (!isIgnorable(child))
            children.foreign(child);
    }
}

void readMailboxes(const pugi::xml_node &node, Metadata *m)
{
    for (const pugi::xml_attribute &a : node.attributes())
        m->mailboxesExtras.attributes.append(verbatim(a));
    ChildReader children(&m->mailboxesExtras.nodes);
    for (const pugi::xml_node &child : node.children()) {
        Mailbox mailbox;
        if (isIgnorable(child))
            continue;
        if (!is(child, "mailbox") || !leafText(child, &mailbox.address)) {
            children.foreign(child);
            continue;
        }
        mailbox.includeAliases.reset();
        for (const pugi::xml_attribute &a : child.attributes()) {
            if (is(a, "include-aliases") && readBool(a))
                mailbox.includeAliases = readBool(a);
            else
                mailbox.extraAttributes.append(verbatim(a));
        }
        m->mailboxes.append(mailbox);
        children.understood();
    }
}

void readReturnFields(const pugi::xml_node &node, Metadata *m)
{
    for (const pugi::xml_attribute &a : node.attributes())
        m->returnFieldsExtras.attributes.append(verbatim(a));
    ChildReader children(&m->returnFieldsExtras.nodes);
    for (const pugi::xml_node &child : node.children()) {
        QString field;
        if (isIgnorable(child))
            continue;
        if (is(child, "return-field") && !child.first_attribute() && leafText(child, &field)) {
            m->returnFields.append(field);
            children.understood();
        } else {
            children.foreign(child);
        }
    }
}

void readMetadata(const pugi::xml_node &node, Metadata *m)
{
    for (const pugi::xml_attribute &a : node.attributes()) {
        if (is(a, "query-type"))
            m->queryType = fromPugi(a.value());
        else if (is(a, "archive") && readBool(a))
            m->archive = readBool(a);
        else if (is(a, "active") && readBool(a))
            m->active = readBool(a);
        else if (is(a, "page-size") && readCount(a))
            m->pageSize = readCount(a);
        else if (is(a, "startrow") && readCount(a))
            m->startRow = readCount(a);
        else
            m->extras.attributes.append(verbatim(a));
    }
    bool returnFieldsSeen = false;
    ChildReader children(&m->extras.nodes);
    for (const pugi::xml_node &child : node.children()) {
        if (isIgnorable(child))
            continue;
        if (is(child, "mailboxes") && !m->hasMailboxes) {
            m->hasMailboxes = true;
            readMailboxes(child, m);
        } else if (is(child, "smartfolders") && !m->hasSmartFolders) {
            m->hasSmartFolders = true;
            readAllForeign(child, &m->smartFoldersExtras);
        } else if (is(child, "return-fields") && !returnFieldsSeen) {
            returnFieldsSeen = true;
            readReturnFields(child, m);
        } else {
            children.foreign(child);
            continue;
        }
        children.understood();
    }
}

// A known <muse> child with a form we understand, or nullopt (kept as an Unknown condition).
std::optional<Condition> readCondition(const pugi::xml_node &node)
{
    const QString name = fromPugi(node.name());
    Condition c;
    if (node.type() != pugi::node_element || !leafText(node, &c.value))
        return std::nullopt;
    if (name == u"text"_s)
        c.kind = Condition::Kind::Text;
    else if (name == u"date"_s && c.value.isEmpty())
        c.kind = Condition::Kind::Date;
    else if (name == u"sent"_s)
        c.kind = Condition::Kind::Sent;
    else if (name == u"docs"_s)
        c.kind = Condition::Kind::Docs;
    else if (name == u"route"_s)
        c.kind = Condition::Kind::Route;
    else
        return std::nullopt;

    for (const pugi::xml_attribute &a : node.attributes()) {
        const QString value = fromPugi(a.value());
        const bool select = is(a, "select");
        if (c.kind == Condition::Kind::Date && select && dateSelectFromName(value))
            c.dateSelect = *dateSelectFromName(value);
        else if (c.kind == Condition::Kind::Date && is(a, "from") && readUtc(a).isValid())
            c.from = readUtc(a);
        else if (c.kind == Condition::Kind::Date && is(a, "to") && readUtc(a).isValid())
            c.to = readUtc(a);
        else if (c.kind == Condition::Kind::Sent && select && sentSelectFromName(value))
            c.sentSelect = *sentSelectFromName(value);
        else if (c.kind == Condition::Kind::Docs && select && docsSelectFromName(value))
            c.docsSelect = *docsSelectFromName(value);
        else
            c.extraAttributes.append(verbatim(a));
    }
    return c;
}

void readMuse(const pugi::xml_node &node, ArchiveQuery *q)
{
    for (const pugi::xml_attribute &a : node.attributes())
        q->museAttributes.append(verbatim(a));
    for (const pugi::xml_node &child : node.children()) {
        if (isIgnorable(child))
            continue;
        const std::optional<Condition> c = readCondition(child);
        q->conditions.append(c ? *c : Condition::unknown(serialize(child)));
    }
}

void readXmlQuery(const pugi::xml_node &root, ArchiveQuery *q)
{
    for (const pugi::xml_attribute &a : root.attributes()) {
        if (is(a, "trace"))
            q->trace = fromPugi(a.value());
        else
            q->extras.attributes.append(verbatim(a));
    }
    bool metadataSeen = false;
    bool museSeen = false;
    ChildReader children(&q->extras.nodes);
    for (const pugi::xml_node &child : root.children()) {
        if (isIgnorable(child))
            continue;
        if (is(child, "metadata") && !metadataSeen) {
            metadataSeen = true;
            readMetadata(child, &q->metadata);
        } else if (is(child, "muse") && !museSeen) {
            museSeen = true;
            readMuse(child, q);
        } else {
            children.foreign(child);
            continue;
        }
        children.understood();
    }
}

} // namespace

ParseResult fromXml(const QString &xml)
{
    ParseResult result;
    pugi::xml_document doc;
    result.error = detail::loadDocument(xml, doc);
    if (!result.error.ok())
        return result;

    const pugi::xml_node root = doc.document_element();
    if (!is(root, "xmlquery")) {
        result.error = detail::errorAt(
            xml, root,
            u"The root element is <%1>, but an archive query must start with <xmlquery>"_s.arg(
                fromPugi(root.name())));
        return result;
    }

    result.query = blankQuery();
    ChildReader top(&result.query.prolog);
    for (const pugi::xml_node &node : doc.children()) {
        if (node.type() == pugi::node_declaration || isIgnorable(node))
            continue; // the writer always emits its own UTF-8 declaration
        if (node == root) {
            readXmlQuery(root, &result.query);
            top.understood();
        } else {
            top.foreign(node);
        }
    }
    return result;
}

} // namespace mcdesk::archive
