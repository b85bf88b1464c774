#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace mcdesk::ui {

class Session;

// The status bar's view of the session's current long task: its label, a progress bar (busy
// when the total is unknown) and Cancel. Hidden while nothing runs.
class TaskStatus : public QWidget
{
    Q_OBJECT
public:
    explicit TaskStatus(Session *session, QWidget *parent = nullptr);

private:
    void refresh();

    Session *m_session;
    QLabel *m_label;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    int m_taskId = 0;
};

} // namespace mcdesk::ui
