#pragma once

#include <QStyledItemDelegate>

namespace mcdesk::ui {

// Draws the page list with room to breathe: taller rows and the text indented inside the
// selection, all with the style's own colours (no style sheet, which would replace them).
class NavigationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static int indent(const QStyleOptionViewItem &option);
};

} // namespace mcdesk::ui
