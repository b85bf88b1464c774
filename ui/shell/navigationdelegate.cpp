#include "ui/shell/navigationdelegate.h"

#include <QApplication>
#include <QPainter>

namespace mcdesk::ui {

int NavigationDelegate::indent(const QStyleOptionViewItem &option)
{
    return option.fontMetrics.averageCharWidth() * 2;
}

void NavigationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection
    const int pad = indent(opt);
    const QRect textRect = opt.rect.adjusted(pad, 0, -pad, 0);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setFont(opt.font);
    style->drawItemText(painter, textRect, Qt::AlignLeft | Qt::AlignVCenter, opt.palette,
                        opt.state & QStyle::State_Enabled,
                        opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()),
                        selected ? QPalette::HighlightedText : QPalette::Text);
    painter->restore();
}

QSize NavigationDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {base.width() + indent(option) * 2, base.height() + option.fontMetrics.height()};
}

} // namespace mcdesk::ui
