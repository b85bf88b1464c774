#include "ui/connections/inlineerror.h"

#include <QBoxLayout>
#include <QFormLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
// The form row that holds `widget` (or one of its ancestors), and that row's field widget.
QFormLayout *formOf(QWidget *widget, QWidget **rowWidget)
{
    for (QWidget *w = widget; w && w->parentWidget(); w = w->parentWidget()) {
        if (auto *form = qobject_cast<QFormLayout *>(w->parentWidget()->layout());
            form && form->indexOf(w) >= 0) {
            *rowWidget = w;
            return form;
        }
    }
    return nullptr;
}
} // namespace

InlineError::InlineError(QLabel *label, QBoxLayout *fallback)
    : m_label(label)
    , m_fallback(fallback)
{
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setStyleSheet(errorStyleSheet(label));
    m_label->hide();
}

void InlineError::showAt(QWidget *field, const QString &text)
{
    detach();
    QWidget *rowWidget = nullptr;
    QFormLayout *form = formOf(field, &rowWidget);
    if (!form) {
        showGeneral(text);
        return;
    }
    int row = -1;
    QFormLayout::ItemRole role = QFormLayout::FieldRole;
    form->getWidgetPosition(rowWidget, &row, &role);
    // An empty label, not none: QFormLayout (Qt 6.4) sizes label-less wrapped rows wrongly.
    form->insertRow(row + 1, new QLabel(form->parentWidget()), m_label);
    m_form = form;
    m_field = field;
    m_label->setText(text);
    m_label->show();
    field->setFocus(Qt::OtherFocusReason);
}

void InlineError::showGeneral(const QString &text)
{
    detach();
    m_fallback->addWidget(m_label);
    m_inFallback = true;
    m_label->setText(text);
    m_label->show();
}

void InlineError::clear()
{
    detach();
    m_label->clear();
    m_label->hide();
}

QString InlineError::text() const
{
    return m_label->isHidden() ? QString() : m_label->text();
}

void InlineError::detach()
{
    if (m_form) {
        const QFormLayout::TakeRowResult taken = m_form->takeRow(m_label);
        if (taken.labelItem)
            delete taken.labelItem->widget(); // the empty placeholder label
        delete taken.labelItem;
        delete taken.fieldItem; // the layout item only; the error label stays a child
    }
    if (m_inFallback)
        m_fallback->removeWidget(m_label);
    m_form = nullptr;
    m_field = nullptr;
    m_inFallback = false;
}

QString errorStyleSheet(const QWidget *widget)
{
    // A dark window background needs a lighter red to stay readable.
    const bool dark = widget->palette().color(QPalette::Window).lightness() < 128;
    return dark ? u"color: #ff8a80;"_s : u"color: #b3261e;"_s;
}

} // namespace mcdesk::ui
