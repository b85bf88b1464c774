#include "ui/archive/addresslistedit.h"

#include "ui/common/palette.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

AddressListEdit::AddressListEdit(const QString &name, const QString &placeholder,
                                 const QString &invalidLead, Check check, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_warning(new QAction(this))
    , m_invalidLead(invalidLead)
    , m_check(std::move(check))
{
    m_edit->setObjectName(name);
    m_edit->setPlaceholderText(placeholder);
    m_edit->setClearButtonEnabled(true);
    m_warning->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_error->setObjectName(name + u"Error"_s);
    m_error->setTextFormat(Qt::PlainText); // the entries are the analyst's, shown verbatim
    // One line, elided to the field's width (a wrapping label in a scrolling form is cut off).
    m_error->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QPalette red = m_error->palette();
    red.setColor(QPalette::WindowText, palette::statusColor(palette::Status::Bad, palette()));
    m_error->setPalette(red);
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        validate();
        emit changed();
    });
}

QStringList AddressListEdit::split(const QString &text)
{
    static const QRegularExpression separators(u"[,;\\s]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

QStringList AddressListEdit::entries() const
{
    return split(m_edit->text());
}

QString AddressListEdit::text() const
{
    return m_edit->text();
}

void AddressListEdit::setText(const QString &text)
{
    m_edit->setText(text);
}

void AddressListEdit::validate()
{
    m_problems.clear();
    m_invalid.clear();
    for (const QString &entry : entries()) {
        const QString problem = m_check ? m_check(entry) : QString();
        if (!problem.isEmpty()) {
            m_problems << problem;
            m_invalid << entry;
        }
    }
    const bool bad = !m_problems.isEmpty();
    m_error->setVisible(bad);
    m_error->setToolTip(m_problems.join(u'\n'));
    m_edit->removeAction(m_warning);
    if (bad) {
        m_warning->setToolTip(m_problems.join(u'\n'));
        m_edit->addAction(m_warning, QLineEdit::TrailingPosition);
    }
    updateMessage();
}

void AddressListEdit::updateMessage()
{
    const QString full = m_invalidLead + u' ' + m_invalid.join(u", "_s);
    m_error->setText(m_invalid.isEmpty()
                         ? QString()
                         : m_error->fontMetrics().elidedText(full, Qt::ElideRight, width()));
}

void AddressListEdit::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateMessage();
}

} // namespace mcdesk::ui
