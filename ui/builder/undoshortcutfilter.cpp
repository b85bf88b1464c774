#include "ui/builder/undoshortcutfilter.h"

#include <QAbstractSpinBox>
#include <QKeyEvent>
#include <QLineEdit>

namespace mcdesk::ui::builder {

UndoShortcutFilter::UndoShortcutFilter(QObject *parent)
    : QObject(parent)
{}

void UndoShortcutFilter::watch(QWidget *widget)
{
    const auto install = [this](QObject *o) {
        if (qobject_cast<QLineEdit *>(o) || qobject_cast<QAbstractSpinBox *>(o))
            o->installEventFilter(this);
    };
    install(widget);
    for (QLineEdit *edit : widget->findChildren<QLineEdit *>())
        install(edit);
    for (QAbstractSpinBox *spin : widget->findChildren<QAbstractSpinBox *>())
        install(spin);
}

bool UndoShortcutFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const QKeyCombination combo = key->keyCombination();
        const QKeySequence sequence(combo);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo) ||
            sequence == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)) {
            // Not accepted: the widget does not override, so the shortcut reaches the actions.
            event->ignore();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace mcdesk::ui::builder
