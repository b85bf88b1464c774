#pragma once

#include <QObject>

namespace mcdesk::ui::builder {

// Line edits and spin boxes claim Ctrl+Z / Ctrl+Shift+Z for their own little undo history.
// In the builder every edit is already a command on the page's QUndoStack (typing merges into
// one), so this filter lets those keys through to the page's Undo and Redo actions. Install it
// on each editor of the visual form.
class UndoShortcutFilter : public QObject
{
    Q_OBJECT
public:
    explicit UndoShortcutFilter(QObject *parent = nullptr);

    // Installs the filter on `widget` and on every QLineEdit and QAbstractSpinBox under it.
    void watch(QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace mcdesk::ui::builder
