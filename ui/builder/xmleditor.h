#pragma once

#include <QPlainTextEdit>

namespace mcdesk::ui::builder {

class LineNumberArea;
class XmlHighlighter;

// A plain-text XML editor: monospace, no wrapping, line numbers, the XML highlighter, and a
// marker for a well-formedness error (the line tinted, the character underlined, the line
// number in the error colour). Used read-only for the builder's preview and editable for the
// advanced editor.
class XmlEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit XmlEditor(QWidget *parent = nullptr);

    // Line and column are 1-based; the column counts characters (code points) as XmlCheck does.
    void setErrorMarker(int line, int column, const QString &message);
    void clearErrorMarker();
    int errorLine() const { return m_errorLine; }
    int errorColumn() const { return m_errorColumn; }
    // The document position of a 1-based line and code-point column, clamped to the line.
    int positionOf(int line, int column) const;

    int gutterWidth() const;
    void paintGutter(QWidget *gutter, QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateGutterGeometry();
    void updateGutter(const QRect &rect, int dy);
    void updateSelections();

    LineNumberArea *m_gutter;
    XmlHighlighter *m_highlighter;
    int m_errorLine = 0;
    int m_errorColumn = 0;
};

} // namespace mcdesk::ui::builder
