#include "ui/builder/linenumberarea.h"

#include "ui/builder/xmleditor.h"

namespace mcdesk::ui::builder {

LineNumberArea::LineNumberArea(XmlEditor *editor)
    : QWidget(editor)
    , m_editor(editor)
{
    setObjectName(QStringLiteral("lineNumbers"));
}

QSize LineNumberArea::sizeHint() const
{
    return {m_editor->gutterWidth(), 0};
}

void LineNumberArea::paintEvent(QPaintEvent *event)
{
    m_editor->paintGutter(this, event);
}

} // namespace mcdesk::ui::builder
