#pragma once

#include "ui/held/heldactionjob.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QDialog;
class QWidget;

namespace mcdesk::ui {

class OutcomeDialog;
class Session;

// Takes actions on held messages from the click to the outcome: one confirmation (naming the
// action and how many messages; the reject dialog for rejections; one confirmation for a whole
// set of marks), then the jobs, one after another, each with its progress and Cancel in the
// status bar. When every item is done the result is a status-bar line with Show outcomes; the
// outcome list (with Retry failed) opens by itself only when something failed or is unknown.
class HeldActionController : public QObject
{
    Q_OBJECT
public:
    HeldActionController(Session *session, QWidget *parentWidget);

    // Asks, then runs. `reportAs` is for HeldAction::Report only.
    void run(HeldAction action, const QList<held::HeldMessage> &messages,
             const QString &reportAs = {});
    // Mark, then apply: one request per action, asked once (ApplyDecisionsDialog), then sent
    // in turn. Returns false when nothing was asked (busy, or nothing to send).
    bool apply(const QList<HeldActionRequest> &requests);
    bool isBusy() const;
    // The last job of the current or last run (a run of marks has one job per action).
    HeldActionJob *job() const;
    QList<HeldActionJob *> jobs() const;
    OutcomeDialog *outcomeDialog() const { return m_dialog; }
    bool hasOutcomes() const { return !jobs().isEmpty(); }
    void showOutcomes();

    // Distinct sender/recipient pairs a combined action would permit or block.
    static int senderPairCount(const QList<held::HeldMessage> &messages);
    // The reason of the last rejection (kept across sessions), preselected the next time.
    static QString lastRejectReason();

signals:
    void messagesDone(const QStringList &ids);
    void busyChanged(bool busy);
    void jobFinished();
    // Every job of a run has finished. `allDone`: no item failed, is unknown or still waiting.
    // `ids`: every message the run was given, done or not.
    void runFinished(bool allDone, const QString &summary, const QStringList &ids);

private:
    void startRun(const QList<HeldActionRequest> &requests);
    void startNext();
    void retryFailed();
    void finishRun();
    void follow(const jobs::JobRecord &record, actions::ActionRunner *runner);
    HeldActionJob *adopt(HeldActionJob *job);
    bool confirm(const HeldActionRequest &request);
    void askWith(QDialog *dialog, const std::function<void()> &accepted);
    static void rememberRejectReason(const QString &reason);

    Session *m_session;
    QWidget *m_parent;
    QList<QPointer<HeldActionJob>> m_jobs;  // this run's, in order
    QList<QPointer<HeldActionJob>> m_queue; // not started yet (or to retry)
    QStringList m_runIds;
    OutcomeDialog *m_dialog;
    bool m_asking = false;
};

} // namespace mcdesk::ui
