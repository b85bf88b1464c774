#pragma once

#include "core/archive/archivequery.h"
#include "core/archive/buildervalidation.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace mcdesk::ui::builder {

class ConditionRow;
class UndoShortcutFilter;

// The <muse> conditions as rows (objectName builderRows), in document order, with the bar that
// adds one. Rows are views of the query: setConditions() updates them in place where the kind
// matches and replaces the rest, always keeping the rows' creation order equal to their order
// on screen. Ctrl+Up / Ctrl+Down move the row that has the focus.
class ConditionList : public QWidget
{
    Q_OBJECT
public:
    explicit ConditionList(UndoShortcutFilter *filter, QWidget *parent = nullptr);

    void setConditions(const QList<archive::Condition> &conditions);
    void setProblems(const QList<archive::Issue> &issues);

    int rowCount() const { return int(m_rows.size()); }
    ConditionRow *row(int index) const { return m_rows.value(index); }
    int focusedRow() const;
    void focusRow(int index, int slot = 0);

    // The condition the add bar's choice stands for ("From" → <text>from: </text>).
    static archive::Condition newCondition(int choice);

signals:
    void conditionEdited(int row, const archive::Condition &condition, const QString &field);
    void editFinished();
    void removeRequested(int row);
    void moveRequested(int row, int delta);
    void addRequested(const archive::Condition &condition);

private:
    ConditionRow *createRow(archive::Condition::Kind kind);
    void moveFocused(int delta);

    UndoShortcutFilter *m_filter;
    QWidget *m_rowsBox;
    QVBoxLayout *m_rowsLayout;
    QList<ConditionRow *> m_rows;
    QLabel *m_empty;
    QComboBox *m_addKind;
    QPushButton *m_add;
};

} // namespace mcdesk::ui::builder
