#include "ui/builder/xmleditor.h"

#include "ui/builder/linenumberarea.h"
#include "ui/builder/xmlhighlighter.h"
#include "ui/common/palette.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

namespace mcdesk::ui::builder {

XmlEditor::XmlEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new LineNumberArea(this))
    , m_highlighter(new XmlHighlighter(document(), palette()))
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF());
    setFont(mono);
    setLineWrapMode(NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    setTabChangesFocus(false);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &XmlEditor::updateGutterGeometry);
    connect(this, &QPlainTextEdit::updateRequest, this, &XmlEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &XmlEditor::updateSelections);
    updateGutterGeometry();
}

void XmlEditor::setErrorMarker(int line, int column, const QString &message)
{
    m_errorLine = line;
    m_errorColumn = column;
    setToolTip(message);
    updateSelections();
    m_gutter->update();
}

void XmlEditor::clearErrorMarker()
{
    if (m_errorLine == 0)
        return;
    m_errorLine = 0;
    m_errorColumn = 0;
    setToolTip({});
    updateSelections();
    m_gutter->update();
}

int XmlEditor::positionOf(int line, int column) const
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return qMax(0, document()->characterCount() - 1);
    const QString text = block.text();
    int index = 0;
    for (int c = 1; c < column && index < text.size(); ++c) {
        const bool pair = text.at(index).isHighSurrogate() && index + 1 < text.size() &&
                          text.at(index + 1).isLowSurrogate();
        index += pair ? 2 : 1;
    }
    return block.position() + index;
}

int XmlEditor::gutterWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    const int advance = fontMetrics().horizontalAdvance(QLatin1Char('9'));
    return advance * qMax(3, digits) + advance * 2;
}

void XmlEditor::paintGutter(QWidget *gutter, QPaintEvent *event)
{
    QPainter painter(gutter);
    const QPalette &pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::Window));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(gutter->width() - 1, event->rect().top(), gutter->width() - 1,
                     event->rect().bottom());
    const int current = textCursor().blockNumber();
    const int pad = fontMetrics().horizontalAdvance(QLatin1Char('9'));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int number = block.blockNumber();
            QFont f = font();
            QColor color = pal.color(QPalette::PlaceholderText);
            if (number + 1 == m_errorLine) {
                color = palette::statusColor(palette::Status::Bad, pal);
                f.setBold(true);
            } else if (number == current && !isReadOnly()) {
                color = pal.color(QPalette::Text);
            }
            painter.setFont(f);
            painter.setPen(color);
            painter.drawText(0, top, gutter->width() - pad, fontMetrics().height(),
                             Qt::AlignRight | Qt::AlignVCenter, QString::number(number + 1));
        }
        block = block.next();
        top += height;
    }
}

void XmlEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void XmlEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        updateSelections();
    }
}

void XmlEditor::updateGutterGeometry()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void XmlEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterGeometry();
}

void XmlEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QPalette &pal = palette();
    if (!isReadOnly()) {
        QTextEdit::ExtraSelection current;
        current.format.setBackground(pal.color(QPalette::AlternateBase));
        current.format.setProperty(QTextFormat::FullWidthSelection, true);
        current.cursor = textCursor();
        current.cursor.clearSelection();
        selections << current;
    }
    if (m_errorLine > 0) {
        QTextEdit::ExtraSelection line;
        line.format.setBackground(palette::tintedBackground(palette::Status::Bad, pal));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(document());
        line.cursor.setPosition(positionOf(m_errorLine, 1));
        selections << line;

        // The character at the error (or the line's end) gets a wavy underline.
        QTextEdit::ExtraSelection at;
        const QColor bad = palette::statusColor(palette::Status::Bad, pal);
        at.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        at.format.setUnderlineColor(bad);
        at.format.setBackground(bad.lighter(palette::isDark(pal) ? 60 : 170));
        at.cursor = QTextCursor(document());
        int pos = positionOf(m_errorLine, m_errorColumn);
        const QTextBlock block = document()->findBlock(pos);
        if (pos >= block.position() + block.length() - 1 && block.length() > 1)
            pos = block.position() + block.length() - 2; // past the end: mark the last one
        at.cursor.setPosition(pos);
        at.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        selections << at;
    }
    setExtraSelections(selections);
}

} // namespace mcdesk::ui::builder
