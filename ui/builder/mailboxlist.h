#pragma once

#include "core/archive/archivequery.h"
#include "core/archive/buildervalidation.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace mcdesk::ui::builder {

class UndoShortcutFilter;

// The <mailboxes> of the query (objectName builderMailboxes): one line per mailbox with its
// address and include-aliases, a remove button, and Add mailbox. Without mailboxes an admin
// search covers the whole archive, which the empty state says.
class MailboxList : public QWidget
{
    Q_OBJECT
public:
    explicit MailboxList(UndoShortcutFilter *filter, QWidget *parent = nullptr);

    void setMailboxes(const QList<archive::Mailbox> &mailboxes);
    void setProblems(const QList<archive::Issue> &issues);
    void focusMailbox(int index);

signals:
    void mailboxesEdited(const QList<archive::Mailbox> &mailboxes, const QString &field);
    void editFinished();

private:
    struct Line
    {
        QWidget *box;
        QLineEdit *address;
        QCheckBox *aliases;
        QLabel *problem;
    };
    Line createLine();
    int indexOf(const QObject *child) const;
    void addressEdited(int index, const QString &text);
    void aliasesClicked(int index);
    void removeClicked(int index);

    UndoShortcutFilter *m_filter;
    QList<archive::Mailbox> m_mailboxes;
    QList<Line> m_lines;
    QVBoxLayout *m_linesLayout;
    QLabel *m_empty;
    QPushButton *m_add;
};

} // namespace mcdesk::ui::builder
