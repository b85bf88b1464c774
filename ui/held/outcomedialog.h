#pragma once

#include "ui/held/heldactionjob.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace mcdesk::ui {

// What happened to every item of a held action: done, failed with Mimecast's reason and raw
// code, or unknown (refresh and check). Not modal: the analyst keeps working the queue while
// it is open. Retry failed sends only the failed items again.
class OutcomeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OutcomeDialog(QWidget *parent = nullptr);

    // Shows the jobs of one run (one job, or one per action of a set of marks) and follows
    // them as they run and retry.
    void setJobs(const QList<HeldActionJob *> &jobs);
    void setJob(HeldActionJob *job) { setJobs({job}); }
    HeldActionJob *job() const { return m_jobs.isEmpty() ? nullptr : m_jobs.constLast().data(); }

signals:
    // Retry failed: the controller sends the failed items of every job again, one job at a time.
    void retryRequested();

private:
    QList<HeldActionJob *> liveJobs() const;
    void scheduleRefresh();
    void refresh();
    void copyToClipboard();

    QList<QPointer<HeldActionJob>> m_jobs;
    QLabel *m_headline;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QPushButton *m_retry;
    QPushButton *m_copy;
    bool m_refreshPending = false;
};

} // namespace mcdesk::ui
