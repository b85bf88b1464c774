#pragma once

#include "core/archive/archivequery.h"

#include <QString>

namespace mcdesk::archive {

// Where and why a piece of XML was refused. Line and column are 1-based; the column counts
// characters (Unicode code points), not bytes.
struct XmlCheck
{
    int line = 0;
    int column = 0;
    QString message; // empty when the XML is fine
    bool ok() const { return message.isEmpty(); }
    // "line 3, column 7: Start-end tags mismatch"; empty when ok().
    QString toString() const;
};

struct ParseResult
{
    ArchiveQuery query; // meaningful only when ok()
    XmlCheck error;
    bool ok() const { return error.ok(); }
};

// Writes the query with pugixml only, so no user text can change the document's structure.
// UTF-8, `<?xml version="1.0"?>` first. Compact (no whitespace between elements) is what goes
// on the wire; pretty (2-space indent) is for display. Characters XML 1.0 cannot carry at all
// (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) are dropped.
QString toXml(const ArchiveQuery &query, bool pretty = false);

// Reads an archive query. Fails with a position for malformed XML (see checkWellFormed) or a
// root other than <xmlquery>; anything else it does not understand is kept verbatim.
ParseResult fromXml(const QString &xml);

// Well-formedness of any XML document: pugixml's parse plus the checks it leaves out (exactly
// one root element, no text outside it, XML declaration only at the very start, no duplicate
// attributes). Used to refuse a malformed advanced query before anything is sent.
XmlCheck checkWellFormed(const QString &xml);

// Whether a fragment (e.g. the raw text of an Unknown condition edited by the analyst) can be
// written back; the writer silently drops a fragment that cannot.
XmlCheck checkFragment(const QString &xml);

} // namespace mcdesk::archive
