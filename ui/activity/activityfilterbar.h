#pragma once

#include <QDate>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mcdesk::ui {

// The head of the Activity page's audit table, in two rows so the window can stay narrow: the
// title with the log's location, the match count and the Export and Reload buttons; below, the
// case, action and date-range filters.
class ActivityFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityFilterBar(QWidget *parent = nullptr);

    QString caseText() const;
    QString action() const; // empty = all
    QDate from() const;     // invalid when not limited
    QDate to() const;
    void setCount(int shown, int total);
    void setLogPath(const QString &path);
    void setExportEnabled(bool enabled);

signals:
    void filterChanged();
    void exportRequested();
    void reloadRequested();

private:
    QLineEdit *m_case;
    QComboBox *m_action;
    QCheckBox *m_fromEnabled;
    QDateEdit *m_from;
    QCheckBox *m_toEnabled;
    QDateEdit *m_to;
    QLabel *m_path;
    QLabel *m_count;
    QPushButton *m_export;
    QPushButton *m_reload;
};

} // namespace mcdesk::ui
