#pragma once

#include "core/archive/archivequery.h"

#include <QFrame>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace mcdesk::ui::builder {

class DateFields;

// One child of <muse> as a form row: its number, what it matches (a field combo or a label),
// the value editors of its kind, an inline problem, and move up / move down / remove. The row
// shows the query's condition and reports edits; it never keeps a value of its own, so the
// XML preview and the row cannot disagree. A row's kind is fixed; the list replaces the row
// when the condition at its place is of another kind.
class ConditionRow : public QFrame
{
    Q_OBJECT
public:
    ConditionRow(archive::Condition::Kind kind, QWidget *parent = nullptr);

    archive::Condition::Kind kind() const { return m_kind; }
    const archive::Condition &condition() const { return m_condition; }
    // Shows `condition`; an editor whose text already writes this condition is left alone, so
    // the caret stays where the analyst is typing.
    void setCondition(const archive::Condition &condition);
    void setNumber(int number);
    void setProblem(const QString &problem, bool blocking);
    void setMovable(bool up, bool down);

    // The editors that take focus, in order; focusedSlot() is -1 when none has it.
    int focusedSlot() const;
    void focusSlot(int slot);

signals:
    void edited(const archive::Condition &condition, const QString &field);
    void editFinished();
    void removeRequested();
    void moveRequested(int delta);

private:
    QWidget *buildField();
    QWidget *buildValue();
    void fieldChosen();
    void valueEdited(const QString &text);
    void docsChosen();
    void updatePlaceholder();

    archive::Condition::Kind m_kind;
    archive::Condition m_condition;
    QLabel *m_number;
    QComboBox *m_field = nullptr; // Text: free/from/to/subject/body; Sent: from/to
    QComboBox *m_docs = nullptr;
    QLineEdit *m_value = nullptr;
    DateFields *m_date = nullptr;
    QLabel *m_verbatim = nullptr;
    QLabel *m_kept; // attributes kept as written
    QLabel *m_problem;
    QToolButton *m_up;
    QToolButton *m_down;
    QToolButton *m_remove;
    QList<QWidget *> m_focusable;
};

} // namespace mcdesk::ui::builder
