#pragma once

#include <QWidget>

namespace mcdesk::ui::builder {

class XmlEditor;

// The gutter of an XmlEditor: line numbers, the error line in the status colour. The editor
// does the painting because only it knows where its blocks are.
class LineNumberArea : public QWidget
{
    Q_OBJECT
public:
    explicit LineNumberArea(XmlEditor *editor);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    XmlEditor *m_editor;
};

} // namespace mcdesk::ui::builder
