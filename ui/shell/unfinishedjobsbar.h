#pragma once

#include "core/jobs/jobjournal.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace mcdesk::ui {

class Session;

// The strip under the message bar that offers bulk writes a crash or a closed window left
// unfinished (docs/jobs.md): "Release message, 1,000 messages: 640 done, 25 in flight when it
// stopped, 335 not sent; case INC-2041" with Resume and Discard. Hidden when there are none.
class UnfinishedJobsBar : public QFrame
{
    Q_OBJECT
public:
    explicit UnfinishedJobsBar(Session *session, QWidget *parent = nullptr);

    qint64 shownJob() const { return m_job; }

public slots:
    // Reads the journal again (at start, after every action).
    void refresh();

private:
    void resume(bool discard);

    Session *m_session;
    QLabel *m_text;
    QPushButton *m_resume;
    QPushButton *m_discard;
    qint64 m_job = 0;
    jobs::JobRecord m_record; // the job shown
    bool m_busy = false;
};

} // namespace mcdesk::ui
