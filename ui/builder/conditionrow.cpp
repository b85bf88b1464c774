#include "ui/builder/conditionrow.h"

#include "core/archive/buildervalidation.h"
#include "core/archive/textcondition.h"
#include "ui/builder/datefields.h"
#include "ui/common/palette.h"

#include <QApplication>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui::builder {

namespace {

using archive::Condition;
using archive::DocsSelect;
using archive::SentSelect;

QToolButton *rowButton(const QString &name, QStyle::StandardPixmap icon, const QString &tip,
                       QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setToolTip(tip);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

QLabel *fieldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(u"conditionLabel"_s);
    label->setTextFormat(Qt::PlainText);
    return label;
}

void setCurrentData(QComboBox *combo, int value)
{
    const int index = combo->findData(value);
    if (index >= 0 && index != combo->currentIndex())
        combo->setCurrentIndex(index);
}

} // namespace

ConditionRow::ConditionRow(Condition::Kind kind, QWidget *parent)
    : QFrame(parent)
    , m_kind(kind)
    , m_number(new QLabel(this))
    , m_kept(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_up(rowButton(u"moveUpButton"_s, QStyle::SP_ArrowUp, tr("Move up (Ctrl+Up)"), this))
    , m_down(
          rowButton(u"moveDownButton"_s, QStyle::SP_ArrowDown, tr("Move down (Ctrl+Down)"), this))
    , m_remove(rowButton(u"removeRowButton"_s, QStyle::SP_TitleBarCloseButton,
                         tr("Remove this condition"), this))
{
    setObjectName(u"conditionRow"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    m_condition.kind = kind;

    m_number->setObjectName(u"rowNumber"_s);
    m_number->setForegroundRole(QPalette::PlaceholderText);
    m_number->setMinimumWidth(fontMetrics().horizontalAdvance(u"99"_s));
    m_number->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_kept->setObjectName(u"rowKept"_s);
    m_kept->setTextFormat(Qt::PlainText);
    m_kept->setWordWrap(true);
    m_kept->setForegroundRole(QPalette::PlaceholderText);
    m_kept->hide();
    m_problem->setObjectName(u"rowProblem"_s);
    // The row's background is Base, so a label would otherwise draw with the Text role.
    m_problem->setForegroundRole(QPalette::WindowText);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->hide();

    QWidget *field = buildField();
    field->setFixedWidth(fontMetrics().horizontalAdvance(u"Kept as written"_s) +
                         fontMetrics().averageCharWidth() * 5);
    auto *valueColumn = new QVBoxLayout;
    valueColumn->setSpacing(2);
    valueColumn->addWidget(buildValue());
    valueColumn->addWidget(m_kept);
    valueColumn->addWidget(m_problem);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 2, 4);
    layout->addWidget(m_number, 0, Qt::AlignTop);
    layout->addWidget(field, 0, Qt::AlignTop);
    layout->addLayout(valueColumn, 1);
    for (QToolButton *b : {m_up, m_down, m_remove})
        layout->addWidget(b, 0, Qt::AlignTop);

    connect(m_up, &QToolButton::clicked, this, [this] { emit moveRequested(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { emit moveRequested(1); });
    connect(m_remove, &QToolButton::clicked, this, &ConditionRow::removeRequested);
}

QWidget *ConditionRow::buildField()
{
    if (m_kind == Condition::Kind::Text) {
        m_field = new QComboBox(this);
        for (archive::TextField f :
             {archive::TextField::Free, archive::TextField::From, archive::TextField::To,
              archive::TextField::Subject, archive::TextField::Body})
            m_field->addItem(archive::textFieldLabel(f), int(f));
        m_field->setToolTip(tr("What the text matches; written as e.g. \"from: a@example.com\""));
    } else if (m_kind == Condition::Kind::Sent) {
        m_field = new QComboBox(this);
        m_field->addItem(tr("Sent from"), int(SentSelect::From));
        m_field->addItem(tr("Sent to"), int(SentSelect::To));
        m_field->addItem(tr("Sent (not set)"), int(SentSelect::Unset));
        m_field->setToolTip(tr("Matches the envelope and the header address"));
    } else {
        return fieldLabel(archive::conditionLabel(m_condition), this);
    }
    m_field->setObjectName(u"conditionField"_s);
    m_focusable << m_field;
    connect(m_field, &QComboBox::activated, this, &ConditionRow::fieldChosen);
    return m_field;
}

QWidget *ConditionRow::buildValue()
{
    if (m_kind == Condition::Kind::Date) {
        m_date = new DateFields(this);
        connect(m_date, &DateFields::edited, this, &ConditionRow::edited);
        connect(m_date, &DateFields::editFinished, this, &ConditionRow::editFinished);
        m_focusable << m_date->findChild<QComboBox *>();
        return m_date;
    }
    if (m_kind == Condition::Kind::Unknown) {
        m_verbatim = new QLabel(this);
        m_verbatim->setObjectName(u"conditionVerbatim"_s);
        m_verbatim->setTextFormat(Qt::PlainText);
        m_verbatim->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_verbatim->setForegroundRole(QPalette::PlaceholderText);
        m_verbatim->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return m_verbatim;
    }
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    if (m_kind == Condition::Kind::Docs) {
        m_docs = new QComboBox(box);
        m_docs->setObjectName(u"docsSelect"_s);
        const QList<QPair<QString, DocsSelect>> items = {
            {tr("With or without"), DocsSelect::Optional},
            {tr("Any attachment"), DocsSelect::Any},
            {tr("Documents"), DocsSelect::Documents},
            {tr("Spreadsheets"), DocsSelect::Spreadsheets},
            {tr("Presentations"), DocsSelect::Presentations},
            {tr("Text files"), DocsSelect::Text},
            {tr("Images"), DocsSelect::Images},
            {tr("Media"), DocsSelect::Media},
            {tr("Archives (zip)"), DocsSelect::Zips},
            {tr("No attachments"), DocsSelect::None},
            {tr("Not set"), DocsSelect::Unset}};
        for (const auto &[label, select] : items)
            m_docs->addItem(label, int(select));
        m_docs->setToolTip(tr("Which attachments a message must have"));
        layout->addWidget(m_docs);
        m_focusable << m_docs;
        connect(m_docs, &QComboBox::activated, this, &ConditionRow::docsChosen);
    }
    m_value = new QLineEdit(box);
    m_value->setObjectName(u"conditionValue"_s);
    m_value->setClearButtonEnabled(true);
    layout->addWidget(m_value, 1);
    m_focusable << m_value;
    connect(m_value, &QLineEdit::textEdited, this, &ConditionRow::valueEdited);
    connect(m_value, &QLineEdit::editingFinished, this, &ConditionRow::editFinished);
    updatePlaceholder();
    return box;
}

void ConditionRow::setCondition(const Condition &condition)
{
    m_condition = condition;
    switch (m_kind) {
    case Condition::Kind::Text: {
        const auto shown = archive::TextField(m_field->currentData().toInt());
        if (archive::joinText(shown, m_value->text()) != condition.value) {
            const archive::TextParts parts = archive::splitText(condition.value);
            setCurrentData(m_field, int(parts.field));
            if (m_value->text() != parts.value)
                m_value->setText(parts.value);
        }
        break;
    }
    case Condition::Kind::Sent:
        setCurrentData(m_field, int(condition.sentSelect));
        break;
    case Condition::Kind::Docs:
        setCurrentData(m_docs, int(condition.docsSelect));
        break;
    case Condition::Kind::Date:
        m_date->setCondition(condition);
        break;
    case Condition::Kind::Unknown: {
        m_verbatim->setToolTip(condition.value);
        QString oneLine = condition.value.simplified();
        if (oneLine.size() > 120)
            oneLine = oneLine.left(119) + QChar(0x2026);
        m_verbatim->setText(oneLine);
        break;
    }
    case Condition::Kind::Route:
        break;
    }
    if (m_value && m_kind != Condition::Kind::Text && m_value->text() != condition.value)
        m_value->setText(condition.value);
    updatePlaceholder();
    // Attributes the builder does not edit stay in the XML; say so where they belong.
    QStringList kept;
    for (const archive::Attribute &a : condition.extraAttributes)
        kept << u"%1=\"%2\""_s.arg(a.name, a.value);
    m_kept->setText(tr("Also kept as written: %1").arg(kept.join(u' ')));
    m_kept->setVisible(!kept.isEmpty());
}

void ConditionRow::setNumber(int number)
{
    m_number->setText(QString::number(number));
}

void ConditionRow::setProblem(const QString &problem, bool blocking)
{
    m_problem->setVisible(!problem.isEmpty());
    m_problem->setText(problem);
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText,
                 palette::statusColor(blocking ? palette::Status::Bad : palette::Status::Warning,
                                      palette()));
    m_problem->setPalette(pal);
}

void ConditionRow::setMovable(bool up, bool down)
{
    m_up->setEnabled(up);
    m_down->setEnabled(down);
}

int ConditionRow::focusedSlot() const
{
    const QWidget *focus = QApplication::focusWidget();
    for (int i = 0; i < m_focusable.size(); ++i) {
        if (focus && (focus == m_focusable.at(i) || m_focusable.at(i)->isAncestorOf(focus)))
            return i;
    }
    return -1;
}

void ConditionRow::focusSlot(int slot)
{
    if (m_focusable.isEmpty()) {
        m_remove->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_focusable.at(qBound(0, slot, int(m_focusable.size()) - 1))->setFocus(Qt::OtherFocusReason);
}

void ConditionRow::fieldChosen()
{
    Condition c = m_condition;
    if (m_kind == Condition::Kind::Text) {
        c.value =
            archive::joinText(archive::TextField(m_field->currentData().toInt()), m_value->text());
    } else {
        c.sentSelect = SentSelect(m_field->currentData().toInt());
        c.extraAttributes.removeIf([](const archive::Attribute &a) { return a.name == u"select"; });
    }
    updatePlaceholder();
    if (c != m_condition)
        emit edited(c, u"field"_s);
    emit editFinished();
}

void ConditionRow::valueEdited(const QString &text)
{
    Condition c = m_condition;
    c.value = m_kind == Condition::Kind::Text
                  ? archive::joinText(archive::TextField(m_field->currentData().toInt()), text)
                  : text;
    if (c != m_condition)
        emit edited(c, u"value"_s);
}

void ConditionRow::docsChosen()
{
    Condition c = m_condition;
    c.docsSelect = DocsSelect(m_docs->currentData().toInt());
    c.extraAttributes.removeIf([](const archive::Attribute &a) { return a.name == u"select"; });
    if (c != m_condition)
        emit edited(c, u"docs"_s);
    emit editFinished();
}

void ConditionRow::updatePlaceholder()
{
    if (!m_value)
        return;
    QString text;
    switch (m_kind) {
    case Condition::Kind::Text:
        switch (archive::TextField(m_field->currentData().toInt())) {
        case archive::TextField::From:
        case archive::TextField::To:
            text = tr("name@example.com, example.org");
            break;
        case archive::TextField::Subject:
            text = tr("Words in the subject");
            break;
        case archive::TextField::Body:
            text = tr("Words in the body");
            break;
        case archive::TextField::Free:
            text = tr("Words anywhere in the message (relevance match)");
            break;
        }
        break;
    case Condition::Kind::Sent:
        text = tr("Address or domain");
        break;
    case Condition::Kind::Docs:
        text = tr("Text inside the attachments (optional)");
        break;
    case Condition::Kind::Route:
        text = tr("Empty: all routes");
        break;
    default:
        break;
    }
    m_value->setPlaceholderText(text);
}

} // namespace mcdesk::ui::builder
