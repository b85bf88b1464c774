#include "ui/shell/unfinishedjobsbar.h"

#include "ui/common/dialogs.h"
#include "ui/shell/session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

UnfinishedJobsBar::UnfinishedJobsBar(Session *session, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_text(new QLabel(this))
    , m_resume(new QPushButton(tr("&Resume"), this))
    , m_discard(new QPushButton(tr("Disc&ard…"), this))
{
    setObjectName(u"unfinishedJobsBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_text->setObjectName(u"unfinishedJobText"_s);
    m_text->setTextFormat(Qt::PlainText); // the case id is the analyst's own text
    m_text->setWordWrap(true);
    m_resume->setObjectName(u"resumeJobButton"_s);
    m_resume->setToolTip(tr("Check what was in flight with a read, then send what is left"));
    m_discard->setObjectName(u"discardJobButton"_s);
    m_discard->setToolTip(tr("End the job without sending anything more"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_resume);
    layout->addWidget(m_discard);
    connect(m_resume, &QPushButton::clicked, this, [this] { resume(false); });
    connect(m_discard, &QPushButton::clicked, this, [this] { resume(true); });
    // Only a write can leave a job open: reads and searches do not touch the journal.
    connect(m_session, &Session::actionFinished, this, [this](actions::ActionId id) {
        if (actions::changesState(id) || id == actions::ActionId::ResumeJob)
            refresh();
    });
    connect(m_session, &Session::clientChanged, this, &UnfinishedJobsBar::refresh);
    refresh();
}

void UnfinishedJobsBar::refresh()
{
    if (m_busy)
        return;
    QString problem;
    const QList<jobs::JobRecord> jobs = m_session->unfinishedJobs(&problem);
    QString notice = m_session->journalNotice();
    if (jobs.isEmpty()) {
        m_job = 0;
        setVisible(!problem.isEmpty() || !notice.isEmpty());
        m_text->setText(problem.isEmpty() ? notice : problem);
        m_resume->hide();
        m_discard->hide();
        return;
    }
    const jobs::JobRecord &newest = jobs.first();
    m_job = newest.id;
    m_record = newest;
    QString text = tr("Unfinished: %1.").arg(newest.describe());
    if (jobs.size() > 1)
        text += u' ' + tr("%n more unfinished job(s) wait after it.", "", int(jobs.size() - 1));
    if (newest.profile != m_session->profileName())
        text += u' ' +
                tr("It ran on the connection \"%1\": switch to it to resume.").arg(newest.profile);
    m_text->setText(text);
    m_resume->show();
    m_discard->show();
    m_resume->setEnabled(newest.profile == m_session->profileName() && m_session->client());
    show();
}

void UnfinishedJobsBar::resume(bool discard)
{
    if (!m_job)
        return;
    if (discard) {
        dialogs::Question question;
        question.title = tr("Discard job");
        question.text = tr("Discard job %1 without sending anything more?").arg(m_job);
        question.informativeText = tr("What was not sent is recorded as discarded; what was in "
                                      "flight stays unknown. Both are audited.");
        question.acceptLabel = tr("Discard");
        question.destructive = true;
        question.objectName = u"discardJobBox"_s;
        if (!dialogs::confirm(window(), question))
            return;
    }
    actions::ActionRunner *runner = m_session->resumeJob(m_record, discard);
    if (!runner)
        return;
    m_busy = true;
    m_resume->setEnabled(false);
    m_discard->setEnabled(false);
    connect(runner, &actions::ActionRunner::finished, this, [this] {
        m_busy = false;
        m_discard->setEnabled(true);
        refresh();
    });
}

} // namespace mcdesk::ui
