#pragma once

// Internal pugixml helpers shared by the archive query reader and writer.

#include "core/archive/archivequeryxml.h"

#include <QByteArray>
#include <QString>

#include <pugixml.hpp>

namespace mcdesk::archive::detail {

// Keeps comments, PIs and the doctype (they must survive a round trip), a whitespace-only text
// that is an element's only child (`<text> </text>`), and top-level text, so stray text after
// the root can be reported instead of silently skipped.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_declaration |
                                   pugi::parse_comments | pugi::parse_pi | pugi::parse_doctype |
                                   pugi::parse_ws_pcdata_single | pugi::parse_fragment;

// Parses `xml` into `doc` and applies the well-formedness checks pugixml leaves out.
XmlCheck loadDocument(const QString &xml, pugi::xml_document &doc);

// Parses a fragment (any number of nodes, text allowed at the top) into `doc`.
XmlCheck loadFragment(const QString &xml, pugi::xml_document &doc);

// The position of `node` in the text it was parsed from.
XmlCheck errorAt(const QString &xml, const pugi::xml_node &node, const QString &message);

// The node and its subtree as compact XML.
QString serialize(const pugi::xml_node &node);

inline QString fromPugi(const char *text)
{
    return QString::fromUtf8(text);
}

// Whitespace-only text between elements, which carries no meaning.
bool isIgnorable(const pugi::xml_node &node);

} // namespace mcdesk::archive::detail
