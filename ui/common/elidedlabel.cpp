#include "ui/common/elidedlabel.h"

#include "ui/common/plaintext.h"

#include <QEvent>

namespace mcdesk::ui {

ElidedLabel::ElidedLabel(QWidget *parent, Qt::TextElideMode mode)
    : QLabel(parent)
    , m_mode(mode)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_fullText = text;
    updateShown();
    updateGeometry();
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for a few characters and the ellipsis: the layout may shrink us that far.
    return {fontMetrics().averageCharWidth() * 6, QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins m = contentsMargins();
    return {fontMetrics().horizontalAdvance(m_fullText) + m.left() + m.right() + 2 * margin(),
            QLabel::sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateShown();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateShown();
}

void ElidedLabel::updateShown()
{
    // Only the first line: a value with a line break must not grow the row.
    const QString line = m_fullText.section(u'\n', 0, 0);
    const int width = contentsRect().width() - 2 * margin();
    const QString shown = fontMetrics().elidedText(line, m_mode, qMax(width, 0));
    if (shown != text())
        setText(shown);
    setToolTip(shown == m_fullText ? QString() : plainToolTip(m_fullText));
}

} // namespace mcdesk::ui
