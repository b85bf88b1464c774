#include "ui/builder/xmlhighlighter.h"

#include "ui/common/palette.h"

#include <QPalette>

using namespace Qt::StringLiterals;

namespace mcdesk::ui::builder {

namespace {
bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u':' || c == u'-' || c == u'.';
}
} // namespace

XmlHighlighter::XmlHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
{
    setPalette(palette);
}

void XmlHighlighter::setPalette(const QPalette &palette)
{
    // Hues in the spirit of common editors, one set for light and one for dark backgrounds.
    const bool dark = palette::isDark(palette);
    m_tag.setForeground(dark ? QColor(0x79, 0xb8, 0xff) : QColor(0x00, 0x4f, 0xb0));
    m_tag.setFontWeight(QFont::DemiBold);
    m_attribute.setForeground(dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x80, 0x2f, 0x9e));
    m_value.setForeground(dark ? QColor(0xff, 0xa6, 0x57) : QColor(0xa3, 0x3b, 0x00));
    m_text.setForeground(palette.color(QPalette::Text));
    m_entity.setForeground(dark ? QColor(0x56, 0xd4, 0xc4) : QColor(0x00, 0x7a, 0x70));
    m_comment.setForeground(palette.color(QPalette::PlaceholderText));
    m_comment.setFontItalic(true);
    m_markup.setForeground(dark ? QColor(0x8b, 0x9c, 0xb3) : QColor(0x5a, 0x6b, 0x85));
    rehighlight();
}

void XmlHighlighter::highlightBlock(const QString &text)
{
    auto state = static_cast<State>(qMax(0, previousBlockState()));
    int i = 0;
    while (i < text.size()) {
        switch (state) {
        case Comment:
            i = scanUntil(text, i, u"-->"_s, m_comment, &state);
            break;
        case CData:
            i = scanUntil(text, i, u"]]>"_s, m_markup, &state);
            break;
        case Markup:
            i = scanUntil(text, i, u">"_s, m_markup, &state);
            break;
        case Tag:
        case DoubleQuoted:
        case SingleQuoted:
            i = scanTag(text, i, &state);
            break;
        case Normal:
            i = text.at(i) == u'<' ? scanMarkup(text, i, &state) : scanText(text, i);
            break;
        }
    }
    setCurrentBlockState(state);
}

// At '<': a comment, CDATA, a PI or doctype, or a start or end tag.
int XmlHighlighter::scanMarkup(const QString &text, int start, State *state)
{
    const QStringView rest = QStringView(text).mid(start);
    if (rest.startsWith(u"<!--")) {
        setFormat(start, 4, m_comment);
        *state = Comment;
        return start + 4;
    }
    if (rest.startsWith(u"<![CDATA[")) {
        setFormat(start, 9, m_markup);
        *state = CData;
        return start + 9;
    }
    if (rest.startsWith(u"<?") || rest.startsWith(u"<!")) {
        setFormat(start, 2, m_markup);
        *state = Markup;
        return start + 2;
    }
    int i = start + 1;
    if (i < text.size() && text.at(i) == u'/')
        ++i;
    while (i < text.size() && isNameChar(text.at(i)))
        ++i;
    setFormat(start, i - start, m_tag);
    *state = Tag;
    return i;
}

// Inside a tag: attribute names, '=', quoted values, and the closing '>' or '/>'.
int XmlHighlighter::scanTag(const QString &text, int start, State *state)
{
    int i = start;
    if (*state == DoubleQuoted || *state == SingleQuoted) {
        const QChar quote = *state == DoubleQuoted ? u'"' : u'\'';
        const int end = int(text.indexOf(quote, i));
        const int stop = end < 0 ? int(text.size()) : end + 1;
        setFormat(i, stop - i, m_value);
        if (end >= 0)
            *state = Tag;
        return stop;
    }
    const QChar c = text.at(i);
    if (c == u'>') {
        setFormat(i, 1, m_tag);
        *state = Normal;
        return i + 1;
    }
    if (c == u'/' && i + 1 < text.size() && text.at(i + 1) == u'>') {
        setFormat(i, 2, m_tag);
        *state = Normal;
        return i + 2;
    }
    if (c == u'"' || c == u'\'') {
        setFormat(i, 1, m_value);
        *state = c == u'"' ? DoubleQuoted : SingleQuoted;
        return i + 1;
    }
    if (isNameChar(c)) {
        while (i < text.size() && isNameChar(text.at(i)))
            ++i;
        setFormat(start, i - start, m_attribute);
        return i;
    }
    return i + 1; // whitespace, '=' and stray characters keep the default format
}

// Character data up to the next '<', with entity references picked out.
int XmlHighlighter::scanText(const QString &text, int start)
{
    int end = int(text.indexOf(u'<', start));
    if (end < 0)
        end = int(text.size());
    setFormat(start, end - start, m_text);
    for (int amp = int(text.indexOf(u'&', start)); amp >= 0 && amp < end;
         amp = int(text.indexOf(u'&', amp + 1))) {
        const int semi = int(text.indexOf(u';', amp));
        if (semi > amp && semi < end)
            setFormat(amp, semi - amp + 1, m_entity);
    }
    return end;
}

int XmlHighlighter::scanUntil(const QString &text, int start, const QString &end,
                              const QTextCharFormat &format, State *state)
{
    const int found = int(text.indexOf(end, start));
    const int stop = found < 0 ? int(text.size()) : found + int(end.size());
    setFormat(start, stop - start, format);
    if (found >= 0)
        *state = Normal;
    return stop;
}

} // namespace mcdesk::ui::builder
