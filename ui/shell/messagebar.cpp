#include "ui/shell/messagebar.h"

#include "ui/common/palette.h"
#include "ui/common/plaintext.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_detailsButton(new QToolButton(this))
    , m_closeButton(new QToolButton(this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(u"messageBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Message"));

    m_icon->setObjectName(u"messageBarIcon"_s);
    m_label->setObjectName(u"messageBarText"_s);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Ignored: the label takes the room left and the text is elided to fit it.
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_label->installEventFilter(this);

    m_detailsButton->setObjectName(u"messageBarDetailsButton"_s);
    m_detailsButton->setText(tr("&Details"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsButton->setArrowType(Qt::RightArrow);
    m_detailsButton->setAutoRaise(true);
    connect(m_detailsButton, &QToolButton::toggled, this, &MessageBar::setDetailsExpanded);

    m_closeButton->setObjectName(u"messageBarClose"_s);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Close this message (Esc)"));
    m_closeButton->setAccessibleName(tr("Close message"));
    connect(m_closeButton, &QToolButton::clicked, this, &MessageBar::dismiss);

    m_details->setObjectName(u"messageBarDetails"_s);
    m_details->setReadOnly(true);
    m_details->setVisible(false);
    m_details->setMaximumHeight(fontMetrics().lineSpacing() * 7);
    m_details->setAccessibleName(tr("Message details"));

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_icon);
    row->addWidget(m_label, 1);
    row->addWidget(m_detailsButton);
    row->addWidget(m_closeButton);
    auto *layout = new QVBoxLayout(this);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutTopMargin) / 2;
    layout->setContentsMargins(margin * 2, margin, margin, margin);
    layout->addLayout(row);
    layout->addWidget(m_details);
    setVisible(false);
}

void MessageBar::showMessage(Level level, const QString &text, const QString &details)
{
    m_level = level;
    m_text = text;
    m_detailsText = details;
    const QStyle::StandardPixmap icon = level == Level::Error ? QStyle::SP_MessageBoxCritical
                                        : level == Level::Warning
                                            ? QStyle::SP_MessageBoxWarning
                                            : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    m_details->setPlainText(details);
    m_detailsButton->setVisible(!details.isEmpty());
    setDetailsExpanded(false);
    m_label->setToolTip(plainToolTip(text));
    updateColours();
    updateText();
    show();
}

bool MessageBar::isDetailsExpanded() const
{
    return m_detailsButton->isChecked();
}

void MessageBar::dismiss()
{
    if (!isVisible())
        return;
    hide();
    emit dismissed();
}

void MessageBar::setDetailsExpanded(bool expanded)
{
    expanded = expanded && !m_detailsText.isEmpty();
    m_detailsButton->setChecked(expanded);
    m_detailsButton->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_details->setVisible(expanded);
}

bool MessageBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_label && event->type() == QEvent::Resize)
        updateText();
    return QFrame::eventFilter(watched, event);
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateColours();
}

void MessageBar::updateText()
{
    // One line: newlines in a server message would otherwise push the window around.
    QString line = m_text;
    line.replace(u'\n', u' ');
    m_label->setText(m_label->fontMetrics().elidedText(line, Qt::ElideRight, m_label->width()));
}

void MessageBar::updateColours()
{
    if (m_updatingColours)
        return;
    m_updatingColours = true;
    const palette::Status status = m_level == Level::Error     ? palette::Status::Bad
                                   : m_level == Level::Warning ? palette::Status::Warning
                                                               : palette::Status::Neutral;
    // Only the background is set here; every other role keeps following the system palette.
    const QPalette base = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    QPalette p = palette();
    p.setColor(QPalette::Window, status == palette::Status::Neutral
                                     ? base.color(QPalette::AlternateBase)
                                     : palette::tintedBackground(status, base));
    setPalette(p);
    m_updatingColours = false;
}

} // namespace mcdesk::ui
