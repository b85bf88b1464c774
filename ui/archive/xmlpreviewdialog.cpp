#include "ui/archive/xmlpreviewdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

XmlPreviewDialog::XmlPreviewDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
    , m_note(new QLabel(this))
{
    setObjectName(u"xmlPreview"_s);
    setWindowTitle(tr("Archive query XML"));
    m_text->setObjectName(u"xmlPreviewText"_s);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_note->setObjectName(u"xmlPreviewNote"_s);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(u"xmlPreviewCopy"_s);
    QPushButton *run = buttons->addButton(tr("Run this query"), QDialogButtonBox::AcceptRole);
    run->setObjectName(u"xmlPreviewRun"_s);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_text->toPlainText()); });
    connect(run, &QPushButton::clicked, this, [this] { emit runRequested(m_wire); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 34);
}

void XmlPreviewDialog::setQuery(const QString &wireXml, const QString &note)
{
    m_wire = wireXml;
    m_text->setPlainText(indented(wireXml));
    m_note->setText(note);
}

QString XmlPreviewDialog::shownText() const
{
    return m_text->toPlainText();
}

QString XmlPreviewDialog::indented(const QString &xml)
{
    // Not pugixml's own pretty printer: it also writes "<a />" for "<a/>", and the point of
    // this view is that it is the wire text.
    QString out;
    out.reserve(xml.size() * 2);
    int depth = 0;
    enum class Last { Text, Open, Other } last = Last::Text;
    const QStringView all(xml);
    qsizetype at = 0;
    while (at < all.size()) {
        if (all.at(at) != u'<') {
            qsizetype next = all.indexOf(u'<', at);
            if (next < 0)
                next = all.size();
            out += all.mid(at, next - at);
            last = Last::Text;
            at = next;
            continue;
        }
        qsizetype end = all.indexOf(u'>', at);
        end = end < 0 ? all.size() - 1 : end;
        const QStringView tag = all.mid(at, end - at + 1);
        const bool closing = tag.startsWith(u"</");
        const bool opening =
            !closing && !tag.endsWith(u"/>") && !tag.startsWith(u"<?") && !tag.startsWith(u"<!");
        if (closing)
            depth = qMax(0, depth - 1);
        // An element that holds text, or nothing, stays on one line.
        if (last != Last::Text && !(closing && last == Last::Open)) {
            out += u'\n';
            out += QString(2 * depth, u' ');
        }
        out += tag;
        if (opening)
            ++depth;
        last = opening ? Last::Open : Last::Other;
        at = end + 1;
    }
    return out;
}

} // namespace mcdesk::ui
