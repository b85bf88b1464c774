#include "ui/builder/conditionlist.h"

#include "core/archive/textcondition.h"
#include "ui/builder/conditionrow.h"
#include "ui/builder/undoshortcutfilter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui::builder {

namespace {

using archive::Condition;

enum Choice { FreeText, From, To, Subject, Body, Date, SentFrom, SentTo, Docs, Route };

} // namespace

ConditionList::ConditionList(UndoShortcutFilter *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_rowsBox(new QWidget(this))
    , m_rowsLayout(new QVBoxLayout(m_rowsBox))
    , m_empty(new QLabel(tr("No conditions: Mimecast matches every message in the mailboxes. "
                            "Add what to look for below."),
                         this))
    , m_addKind(new QComboBox(this))
    , m_add(new QPushButton(tr("Add condition"), this))
{
    setObjectName(u"builderRows"_s);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(4);
    m_empty->setObjectName(u"builderRowsEmpty"_s);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_addKind->setObjectName(u"addConditionKind"_s);
    const QStringList choices = {tr("Free text"),   tr("From"), tr("To"),        tr("Subject"),
                                 tr("Body"),        tr("Date"), tr("Sent from"), tr("Sent to"),
                                 tr("Attachments"), tr("Route")};
    for (int i = 0; i < choices.size(); ++i)
        m_addKind->addItem(choices.at(i), i);
    m_addKind->setCurrentIndex(From);
    m_addKind->setToolTip(tr("The kind of condition to add"));
    m_add->setObjectName(u"addConditionButton"_s);
    m_add->setIcon(QIcon::fromTheme(u"list-add"_s));
    m_add->setToolTip(tr("Adds a condition of the chosen kind at the end"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_addKind);
    bar->addWidget(m_add);
    bar->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_rowsBox);
    layout->addWidget(m_empty);
    layout->addLayout(bar);

    connect(m_add, &QPushButton::clicked, this,
            [this] { emit addRequested(newCondition(m_addKind->currentData().toInt())); });
    auto *up = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up), this);
    auto *down = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down), this);
    for (QShortcut *s : {up, down})
        s->setContext(Qt::WidgetWithChildrenShortcut);
    connect(up, &QShortcut::activated, this, [this] { moveFocused(-1); });
    connect(down, &QShortcut::activated, this, [this] { moveFocused(1); });
    setConditions({});
}

Condition ConditionList::newCondition(int choice)
{
    switch (choice) {
    case From:
        return Condition::text(archive::joinText(archive::TextField::From, {}));
    case To:
        return Condition::text(archive::joinText(archive::TextField::To, {}));
    case Subject:
        return Condition::text(archive::joinText(archive::TextField::Subject, {}));
    case Body:
        return Condition::text(archive::joinText(archive::TextField::Body, {}));
    case Date:
        return Condition::date(archive::DateSelect::LastWeek);
    case SentFrom:
        return Condition::sent(archive::SentSelect::From, {});
    case SentTo:
        return Condition::sent(archive::SentSelect::To, {});
    case Docs:
        return Condition::docs(archive::DocsSelect::Optional);
    case Route:
        return Condition::route();
    default:
        return Condition::text({});
    }
}

void ConditionList::setConditions(const QList<Condition> &conditions)
{
    // Keep the rows up to the first one of another kind; replace everything after it.
    int keep = 0;
    while (keep < m_rows.size() && keep < conditions.size() &&
           m_rows.at(keep)->kind() == conditions.at(keep).kind)
        ++keep;
    while (m_rows.size() > keep) {
        ConditionRow *gone = m_rows.takeLast();
        m_rowsLayout->removeWidget(gone);
        gone->hide();
        gone->deleteLater(); // its own button may have asked for this
    }
    for (int i = keep; i < conditions.size(); ++i)
        m_rows.append(createRow(conditions.at(i).kind));
    for (int i = 0; i < conditions.size(); ++i) {
        ConditionRow *row = m_rows.at(i);
        row->setCondition(conditions.at(i));
        row->setNumber(i + 1);
        row->setMovable(i > 0, i + 1 < conditions.size());
    }
    m_empty->setVisible(conditions.isEmpty());
    m_rowsBox->setVisible(!conditions.isEmpty());
}

void ConditionList::setProblems(const QList<archive::Issue> &issues)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        QStringList problems;
        bool blocking = false;
        for (const archive::Issue &issue : issues) {
            if (issue.section != archive::Issue::Section::Conditions || issue.row != i)
                continue;
            // The row already shows its number and kind; the message after them is enough.
            const qsizetype colon = issue.message.indexOf(u"): "_s);
            problems << (colon < 0 ? issue.message : issue.message.mid(colon + 3));
            blocking = blocking || issue.blocking;
        }
        m_rows.at(i)->setProblem(problems.join(u'\n'), blocking);
    }
}

int ConditionList::focusedRow() const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i)->focusedSlot() >= 0)
            return i;
    }
    return -1;
}

void ConditionList::focusRow(int index, int slot)
{
    if (index >= 0 && index < m_rows.size())
        m_rows.at(index)->focusSlot(slot);
}

ConditionRow *ConditionList::createRow(Condition::Kind kind)
{
    auto *row = new ConditionRow(kind, m_rowsBox);
    m_rowsLayout->addWidget(row);
    row->show(); // now, not on the layout's queued show, so focusRow() can reach it at once
    m_filter->watch(row);
    const auto index = [this, row] {
        return int(m_rows.indexOf(row));
    };
    connect(row, &ConditionRow::edited, this, [this, index](const Condition &c, const QString &f) {
        emit conditionEdited(index(), c, f);
    });
    connect(row, &ConditionRow::editFinished, this, &ConditionList::editFinished);
    connect(row, &ConditionRow::removeRequested, this,
            [this, index] { emit removeRequested(index()); });
    connect(row, &ConditionRow::moveRequested, this,
            [this, index](int delta) { emit moveRequested(index(), delta); });
    return row;
}

void ConditionList::moveFocused(int delta)
{
    const int from = focusedRow();
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_rows.size())
        return;
    const int slot = m_rows.at(from)->focusedSlot();
    emit moveRequested(from, delta);
    focusRow(to, slot); // the focus follows the row
}

} // namespace mcdesk::ui::builder
