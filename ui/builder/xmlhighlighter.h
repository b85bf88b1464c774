#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPalette;

namespace mcdesk::ui::builder {

// XML colouring for the preview and the advanced editor: element names, attribute names,
// attribute values, text, entity references, comments and markup (CDATA, PIs, the doctype).
// It is a lexer, not a parser: malformed XML is coloured as far as it goes, which is what the
// analyst needs while typing. Comments, CDATA, tags and values may span lines.
class XmlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    XmlHighlighter(QTextDocument *document, const QPalette &palette);

    // Colours readable on this palette (light or dark); rehighlights.
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State { Normal, Comment, CData, Markup, Tag, DoubleQuoted, SingleQuoted };

    int scanMarkup(const QString &text, int start, State *state);
    int scanTag(const QString &text, int start, State *state);
    int scanText(const QString &text, int start);
    int scanUntil(const QString &text, int start, const QString &end, const QTextCharFormat &format,
                  State *state);

    QTextCharFormat m_tag;
    QTextCharFormat m_attribute;
    QTextCharFormat m_value;
    QTextCharFormat m_text;
    QTextCharFormat m_entity;
    QTextCharFormat m_comment;
    QTextCharFormat m_markup;
};

} // namespace mcdesk::ui::builder
