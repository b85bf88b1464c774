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

    // Shows `job` and follows it as it runs and retries.
    void setJob(HeldActionJob *job);
    HeldActionJob *job() const { return m_job; }

private:
    void scheduleRefresh();
    void refresh();
    void copyToClipboard();

    QPointer<HeldActionJob> m_job;
    QLabel *m_headline;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QPushButton *m_retry;
    QPushButton *m_copy;
    bool m_refreshPending = false;
};

} // namespace mcdesk::ui
