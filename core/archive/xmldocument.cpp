#include "core/archive/xmldocument_p.h"

#include <QSet>

#include <string>

using namespace Qt::StringLiterals;

namespace mcdesk::archive {

QString XmlCheck::toString() const
{
    if (ok())
        return {};
    return u"line %1, column %2: %3"_s.arg(line).arg(column).arg(message);
}

namespace detail {

namespace {

// The bytes pugixml sees. A leading BOM is dropped: the text is already decoded, and a BOM
// would shift every offset on line 1.
QByteArray utf8Of(const QString &xml)
{
    return (xml.startsWith(QChar(0xFEFF)) ? xml.mid(1) : xml).toUtf8();
}

// Line and column (1-based, column in code points) of a byte offset in UTF-8 text.
XmlCheck positionOf(const QByteArray &utf8, qsizetype offset, const QString &message)
{
    offset = qBound<qsizetype>(0, offset, utf8.size());
    XmlCheck check;
    check.message = message;
    check.line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (utf8.at(i) == '\n') {
            ++check.line;
            lineStart = i + 1;
        }
    }
    check.column = 1;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((uchar(utf8.at(i)) & 0xC0) != 0x80) // count lead bytes, not continuation bytes
            ++check.column;
    }
    return check;
}

XmlCheck parseError(const QByteArray &utf8, const pugi::xml_parse_result &result)
{
    const QString description = fromPugi(result.description());
    // pugixml reports running out of input inside an open element at the last byte (it parses
    // with the last byte replaced by a terminator); point after it and say what happened.
    if (result.status == pugi::status_end_element_mismatch &&
        qsizetype(result.offset) + 1 >= utf8.size())
        return positionOf(
            utf8, utf8.size(),
            u"%1: the document ends before every element is closed"_s.arg(description));
    return positionOf(utf8, qsizetype(result.offset), description);
}

// offset_debug() points at an element's name; the analyst looks for its '<'.
qsizetype nodeOffset(const pugi::xml_node &node)
{
    const ptrdiff_t offset = node.offset_debug();
    if (offset < 0)
        return 0;
    return node.type() == pugi::node_element ? offset - 1 : offset;
}

XmlCheck checkDuplicateAttributes(const QByteArray &utf8, const pugi::xml_node &root)
{
    XmlCheck found;
    struct Walker : pugi::xml_tree_walker
    {
        const QByteArray *bytes = nullptr;
        XmlCheck *result = nullptr;
        bool for_each(pugi::xml_node &node) override
        {
            QSet<QByteArray> names;
            for (const pugi::xml_attribute &a : node.attributes()) {
                const QByteArray name(a.name());
                if (names.contains(name)) {
                    *result = positionOf(*bytes, nodeOffset(node),
                                         u"Duplicate attribute \"%1\" on <%2>"_s.arg(
                                             fromPugi(a.name()), fromPugi(node.name())));
                    return false;
                }
                names.insert(name);
            }
            return true;
        }
    } walker;
    walker.bytes = &utf8;
    walker.result = &found;
    pugi::xml_node start = root;
    start.traverse(walker);
    return found;
}

XmlCheck checkTopLevel(const QByteArray &utf8, const pugi::xml_document &doc)
{
    int elements = 0;
    for (const pugi::xml_node &node : doc.children()) {
        switch (node.type()) {
        case pugi::node_declaration:
            if (node != doc.first_child() || node.offset_debug() != 2)
                return positionOf(utf8, nodeOffset(node) - 2,
                                  u"The XML declaration is only allowed at the very start"_s);
            break;
        case pugi::node_element:
            if (++elements > 1)
                return positionOf(utf8, nodeOffset(node),
                                  u"Only one root element is allowed; a second one starts here"_s);
            break;
        case pugi::node_pcdata:
        case pugi::node_cdata:
            if (!isIgnorable(node)) {
                const QByteArray text(node.value());
                qsizetype lead = 0;
                while (lead < text.size() && QChar::isSpace(uchar(text.at(lead))))
                    ++lead;
                return positionOf(utf8, nodeOffset(node) + lead,
                                  u"Text is not allowed outside the root element"_s);
            }
            break;
        default:
            break;
        }
    }
    if (elements == 0)
        return positionOf(utf8, utf8.size(), u"No document element found"_s);
    return {};
}

// pugixml does not check characters, and XML 1.0 forbids C0 controls other than tab, LF and
// CR, and U+FFFE / U+FFFF. The writer drops them, so a query holding one would read as one
// thing and be sent as another: refuse it where it stands instead.
XmlCheck checkCharacters(const QByteArray &utf8)
{
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto b = static_cast<unsigned char>(utf8.at(i));
        QString bad;
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r')
            bad = u"U+%1"_s.arg(int(b), 4, 16, QChar(u'0')).toUpper();
        else if (b == 0xEF && i + 2 < utf8.size() &&
                 static_cast<unsigned char>(utf8.at(i + 1)) == 0xBF &&
                 (static_cast<unsigned char>(utf8.at(i + 2)) & 0xFE) == 0xBE)
            bad = static_cast<unsigned char>(utf8.at(i + 2)) == 0xBE ? u"U+FFFE"_s : u"U+FFFF"_s;
        if (!bad.isEmpty())
            return positionOf(utf8, i,
                              u"The character "_s + bad +
                                  u" is not allowed in XML; remove it (it may have come with "
                                  u"pasted text)"_s);
    }
    return {};
}

} // namespace

bool isIgnorable(const pugi::xml_node &node)
{
    if (node.type() != pugi::node_pcdata)
        return false;
    for (const char *p = node.value(); *p; ++p) {
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            return false;
    }
    return true;
}

XmlCheck loadDocument(const QString &xml, pugi::xml_document &doc)
{
    const QByteArray utf8 = utf8Of(xml);
    if (XmlCheck bad = checkCharacters(utf8); !bad.ok())
        return bad;
    const pugi::xml_parse_result result =
        doc.load_buffer(utf8.constData(), size_t(utf8.size()), kParseOptions, pugi::encoding_utf8);
    if (!result)
        return parseError(utf8, result);
    XmlCheck check = checkTopLevel(utf8, doc);
    if (check.ok())
        check = checkDuplicateAttributes(utf8, doc);
    return check;
}

XmlCheck loadFragment(const QString &xml, pugi::xml_document &doc)
{
    const QByteArray utf8 = xml.toUtf8();
    if (XmlCheck bad = checkCharacters(utf8); !bad.ok())
        return bad;
    const pugi::xml_parse_result result =
        doc.load_buffer(utf8.constData(), size_t(utf8.size()), kParseOptions, pugi::encoding_utf8);
    if (!result)
        return parseError(utf8, result);
    return checkDuplicateAttributes(utf8, doc);
}

XmlCheck errorAt(const QString &xml, const pugi::xml_node &node, const QString &message)
{
    return positionOf(utf8Of(xml), nodeOffset(node), message);
}

QString serialize(const pugi::xml_node &node)
{
    struct Writer : pugi::xml_writer
    {
        std::string out;
        void write(const void *data, size_t size) override
        {
            out.append(static_cast<const char *>(data), size);
        }
    } writer;
    node.print(writer, "", pugi::format_raw, pugi::encoding_utf8);
    return QString::fromUtf8(writer.out.data(), qsizetype(writer.out.size()));
}

} // namespace detail

XmlCheck checkWellFormed(const QString &xml)
{
    pugi::xml_document doc;
    return detail::loadDocument(xml, doc);
}

XmlCheck checkFragment(const QString &xml)
{
    pugi::xml_document doc;
    return detail::loadFragment(xml, doc);
}

} // namespace mcdesk::archive
