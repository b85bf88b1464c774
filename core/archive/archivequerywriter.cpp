// toXml(): the archive query as XML, built node by node with pugixml so user text is always
// escaped (the SOAR integration concatenated strings; docs/contract.md, actions).

#include "core/archive/archivelogging.h"
#include "core/archive/archivequeryxml.h"
#include "core/archive/xmldocument_p.h"

#include <QRegularExpression>

#include <string>

using namespace Qt::StringLiterals;

namespace mcdesk::archive {

namespace {

// XML 1.0 cannot carry these even as character references; pugixml would write `&#01;`,
// which strict parsers (and so possibly Mimecast) refuse.
QString xmlSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        const char16_t u = c.unicode();
        const bool allowed = (u >= 0x20 || u == 0x09 || u == 0x0A || u == 0x0D) &&
                             !c.isSurrogate() && u != 0xFFFE && u != 0xFFFF;
        if (allowed)
            out += c;
    }
    return out;
}

std::string utf8(const QString &text)
{
    return xmlSafe(text).toStdString(); // QString::toStdString() is UTF-8
}

bool isXmlName(const QString &name)
{
    static const QRegularExpression re(u"^[\\p{L}_:][\\p{L}\\p{N}_:.\\x{B7}-]*$"_s);
    return re.match(name).hasMatch();
}

void setAttribute(pugi::xml_node node, const char *name, const QString &value)
{
    node.append_attribute(name).set_value(utf8(value).c_str());
}

void setAttribute(pugi::xml_node node, const char *name, bool value)
{
    node.append_attribute(name).set_value(value ? "true" : "false");
}

// pugixml writes CR raw in element text, and every XML parser turns CR and CRLF into LF; doing
// it here means the text we write is exactly the text the server (and our reader) will see.
void setText(pugi::xml_node node, const QString &text)
{
    if (text.isEmpty())
        return;
    QString normalized = text;
    normalized.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    node.text().set(utf8(normalized).c_str());
}

// Unknown attributes go after the known ones; a name already written (e.g. a known attribute
// set both ways by a caller) or not a valid XML name is skipped so the output stays well-formed.
void appendAttributes(pugi::xml_node node, const Attributes &attributes)
{
    for (const Attribute &a : attributes) {
        const std::string name = a.name.toStdString();
        if (!isXmlName(a.name) || node.attribute(name.c_str()))
            continue;
        setAttribute(node, name.c_str(), a.value);
    }
}

// Re-parses a verbatim fragment and appends copies of its nodes, so even a fragment edited by
// hand can only add whole nodes, never break out of its parent.
void appendFragment(pugi::xml_node parent, const QString &xml)
{
    pugi::xml_document fragment;
    const XmlCheck check = detail::loadFragment(xml, fragment);
    if (!check.ok()) {
        qCWarning(lcArchive) << "dropping an unreadable XML fragment:" << check.toString();
        return;
    }
    for (const pugi::xml_node &node : fragment.children())
        parent.append_copy(node);
}

// Appends the understood children of one element and puts each foreign node back after the
// number of understood children it followed when it was read; the destructor appends those
// that followed the last one.
class ChildWriter
{
public:
    ChildWriter(pugi::xml_node parent, const QList<ForeignNode> &foreign)
        : m_parent(parent)
        , m_foreign(foreign)
    {
        flush();
    }
    ~ChildWriter()
    {
        for (const ForeignNode &n : m_foreign) {
            if (n.after > m_written)
                appendFragment(m_parent, n.xml);
        }
    }
    pugi::xml_node append(const char *name)
    {
        pugi::xml_node node = m_parent.append_child(name);
        ++m_written;
        flush();
        return node;
    }

private:
    void flush()
    {
        for (const ForeignNode &n : m_foreign) {
            if (n.after == m_written || (m_written == 0 && n.after < 0))
                appendFragment(m_parent, n.xml);
        }
    }
    pugi::xml_node m_parent;
    const QList<ForeignNode> &m_foreign;
    int m_written = 0;
};

void writeMetadata(pugi::xml_node node, const Metadata &m)
{
    if (m.queryType)
        setAttribute(node, "query-type", *m.queryType);
    if (m.archive)
        setAttribute(node, "archive", *m.archive);
    if (m.active)
        setAttribute(node, "active", *m.active);
    if (m.pageSize)
        setAttribute(node, "page-size", QString::number(*m.pageSize));
    if (m.startRow)
        setAttribute(node, "startrow", QString::number(*m.startRow));
    appendAttributes(node, m.extras.attributes);

    ChildWriter children(node, m.extras.nodes);
    if (m.hasMailboxes) {
        pugi::xml_node mailboxes = children.append("mailboxes");
        appendAttributes(mailboxes, m.mailboxesExtras.attributes);
        ChildWriter list(mailboxes, m.mailboxesExtras.nodes);
        for (const Mailbox &mb : m.mailboxes) {
            pugi::xml_node mailbox = list.append("mailbox");
            if (mb.includeAliases)
                setAttribute(mailbox, "include-aliases", *mb.includeAliases);
            appendAttributes(mailbox, mb.extraAttributes);
            setText(mailbox, mb.address);
        }
    }
    if (m.hasSmartFolders) {
        pugi::xml_node smartFolders = children.append("smartfolders");
        appendAttributes(smartFolders, m.smartFoldersExtras.attributes);
        ChildWriter inner(smartFolders, m.smartFoldersExtras.nodes);
    }
    pugi::xml_node returnFields = children.append("return-fields");
    appendAttributes(returnFields, m.returnFieldsExtras.attributes);
    ChildWriter list(returnFields, m.returnFieldsExtras.nodes);
    for (const QString &field : m.returnFields)
        setText(list.append("return-field"), field);
}

QString utcText(const QDateTime &when)
{
    return when.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

void writeCondition(pugi::xml_node muse, const Condition &c)
{
    if (c.kind == Condition::Kind::Unknown) {
        appendFragment(muse, c.value);
        return;
    }
    pugi::xml_node node = muse.append_child(conditionElementName(c.kind).toStdString().c_str());
    switch (c.kind) {
    case Condition::Kind::Date:
        if (c.dateSelect != DateSelect::Unset)
            setAttribute(node, "select", dateSelectName(c.dateSelect));
        if (c.from.isValid())
            setAttribute(node, "from", utcText(c.from));
        if (c.to.isValid())
            setAttribute(node, "to", utcText(c.to));
        break;
    case Condition::Kind::Sent:
        if (c.sentSelect != SentSelect::Unset)
            setAttribute(node, "select", sentSelectName(c.sentSelect));
        break;
    case Condition::Kind::Docs:
        if (c.docsSelect != DocsSelect::Unset)
            setAttribute(node, "select", docsSelectName(c.docsSelect));
        break;
    default:
        break;
    }
    appendAttributes(node, c.extraAttributes);
    if (c.kind != Condition::Kind::Date)
        setText(node, c.value);
}

struct ByteWriter : pugi::xml_writer
{
    QByteArray out;
    void write(const void *data, size_t size) override
    {
        out.append(static_cast<const char *>(data), qsizetype(size));
    }
};

} // namespace

QString toXml(const ArchiveQuery &query, bool pretty)
{
    pugi::xml_document doc;
    pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    {
        ChildWriter top(doc, query.prolog);
        pugi::xml_node root = top.append("xmlquery");
        if (query.trace)
            setAttribute(root, "trace", *query.trace);
        appendAttributes(root, query.extras.attributes);

        ChildWriter children(root, query.extras.nodes);
        writeMetadata(children.append("metadata"), query.metadata);
        pugi::xml_node muse = children.append("muse");
        appendAttributes(muse, query.museAttributes);
        for (const Condition &c : query.conditions)
            writeCondition(muse, c);
    }
    ByteWriter writer;
    if (pretty)
        doc.save(writer, "  ", pugi::format_indent, pugi::encoding_utf8);
    else
        doc.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
    return QString::fromUtf8(writer.out);
}

} // namespace mcdesk::archive
