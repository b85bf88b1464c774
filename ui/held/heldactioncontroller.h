#pragma once

#include "ui/held/heldactionjob.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace mcdesk::ui {

class OutcomeDialog;
class Session;

// Takes an action on held messages from the click to the outcome list: a confirmation that
// names the action and how many messages (the reject dialog for rejections), the job (with
// its progress and Cancel in the status bar), then the non-modal outcome list with Retry
// failed. One job at a time.
class HeldActionController : public QObject
{
    Q_OBJECT
public:
    HeldActionController(Session *session, QWidget *parentWidget);

    // Asks, then runs. `reportAs` is for HeldAction::Report only.
    void run(HeldAction action, const QList<held::HeldMessage> &messages,
             const QString &reportAs = {});
    bool isBusy() const;
    HeldActionJob *job() const { return m_job; }
    OutcomeDialog *outcomeDialog() const { return m_dialog; }

    // Distinct sender/recipient pairs a combined action would permit or block.
    static int senderPairCount(const QList<held::HeldMessage> &messages);

signals:
    void messagesDone(const QStringList &ids);
    void busyChanged(bool busy);
    void jobFinished();

private:
    void start(HeldActionRequest request);
    void follow(const jobs::JobRecord &record, actions::ActionRunner *runner);
    HeldActionJob *adopt(HeldActionJob *job);
    bool confirm(const HeldActionRequest &request);

    Session *m_session;
    QWidget *m_parent;
    QPointer<HeldActionJob> m_job;
    OutcomeDialog *m_dialog;
    bool m_asking = false;
};

} // namespace mcdesk::ui
