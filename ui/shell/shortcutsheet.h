#pragma once

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace mcdesk::ui {

// Help → Keyboard shortcuts: every action of the window that has a key, grouped by where it
// works (everywhere, or on a page), read from the actions themselves so the sheet can never
// disagree with the keys. A filter narrows it by name or key.
class ShortcutSheet : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutSheet(QWidget *window);

    // "Held queue" → [("Mark to release", "R"), …]; "Everywhere" for the window's own.
    struct Entry
    {
        QString place;
        QString action;
        QString keys;
    };
    static QList<Entry> collect(const QWidget *window);

private:
    void applyFilter(const QString &text);

    QLineEdit *m_filter;
    QTreeWidget *m_list;
};

} // namespace mcdesk::ui
