#include "ui/held/heldactioncontroller.h"

#include "core/held/heldformat.h"
#include "ui/common/dialogs.h"
#include "ui/held/applydecisionsdialog.h"
#include "ui/held/outcomedialog.h"
#include "ui/held/rejectdialog.h"

#include "ui/shell/session.h"
#include <QDialog>

#include <QSet>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

HeldActionController::HeldActionController(Session *session, QWidget *parentWidget)
    : QObject(parentWidget)
    , m_session(session)
    , m_parent(parentWidget)
    , m_dialog(new OutcomeDialog(parentWidget))
{
    // A job resumed from the unfinished-jobs strip continues its outcome list here.
    connect(m_session, &Session::jobResumed, this, &HeldActionController::follow);
    connect(m_dialog, &OutcomeDialog::retryRequested, this, &HeldActionController::retryFailed);
}

int HeldActionController::senderPairCount(const QList<held::HeldMessage> &messages)
{
    return HeldActionJob::senderPairs(messages, held::PermitAddress::Envelope);
}

QString HeldActionController::lastRejectReason()
{
    return QSettings().value(u"held/lastRejectReason"_s).toString();
}

void HeldActionController::rememberRejectReason(const QString &reason)
{
    QSettings().setValue(u"held/lastRejectReason"_s, reason);
}

QList<HeldActionJob *> HeldActionController::jobs() const
{
    QList<HeldActionJob *> out;
    for (const QPointer<HeldActionJob> &job : m_jobs)
        if (job)
            out.append(job);
    return out;
}

HeldActionJob *HeldActionController::job() const
{
    const QList<HeldActionJob *> all = jobs();
    return all.isEmpty() ? nullptr : all.last();
}

bool HeldActionController::isBusy() const
{
    if (m_asking)
        return true;
    for (const QPointer<HeldActionJob> &job : m_jobs)
        if (job && job->isRunning())
            return true;
    return !m_queue.isEmpty();
}

void HeldActionController::askWith(QDialog *dialog, const std::function<void()> &accepted)
{
    // Window-modal, so the event loop (and the status bar's progress) keeps running.
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_asking = true;
    emit busyChanged(true);
    connect(dialog, &QDialog::finished, this, [this, accepted](int result) {
        m_asking = false;
        emit busyChanged(false);
        if (result == QDialog::Accepted)
            accepted();
    });
    dialog->open();
}

void HeldActionController::run(HeldAction action, const QList<held::HeldMessage> &messages,
                               const QString &reportAs)
{
    if (messages.isEmpty() || isBusy())
        return;
    HeldActionRequest request;
    request.action = action;
    request.messages = messages;
    if (!reportAs.isEmpty())
        request.reportAs = reportAs;
    if (action == HeldAction::ReleaseAndPermit &&
        std::any_of(messages.cbegin(), messages.cend(),
                    [](const held::HeldMessage &m) { return held::permitTrap(m).has_value(); })) {
        // The permit trap: the confirmation says so and offers the header address.
        apply({request});
        return;
    }
    if (action != HeldAction::Reject && action != HeldAction::RejectAndBlock) {
        m_asking = true;
        emit busyChanged(true);
        const bool yes = confirm(request);
        m_asking = false;
        emit busyChanged(false);
        if (yes)
            startRun({request});
        return;
    }
    // The reject dialog is the confirmation.
    const int pairs = action == HeldAction::RejectAndBlock ? senderPairCount(messages) : 0;
    auto *dialog = new RejectDialog(int(messages.size()), pairs, m_parent);
    askWith(dialog, [this, dialog, request]() mutable {
        request.reason = dialog->reason();
        request.note = dialog->note();
        request.notifySender = dialog->notifySender();
        rememberRejectReason(request.reason);
        startRun({request});
    });
}

bool HeldActionController::apply(const QList<HeldActionRequest> &requests)
{
    if (requests.isEmpty() || isBusy())
        return false;
    auto *dialog = new ApplyDecisionsDialog(requests, lastRejectReason(), m_parent);
    askWith(dialog, [this, dialog] {
        const QList<HeldActionRequest> chosen = dialog->requests();
        for (const HeldActionRequest &r : chosen)
            if (r.action == HeldAction::Reject || r.action == HeldAction::RejectAndBlock) {
                rememberRejectReason(r.reason);
                break;
            }
        startRun(chosen);
    });
    return true;
}

bool HeldActionController::confirm(const HeldActionRequest &request)
{
    const int n = int(request.messages.size());
    const int pairs = senderPairCount(request.messages);
    QString text;
    QString label;
    switch (request.action) {
    case HeldAction::Release:
        text = heldformat::plural(
            n, tr("Release 1 held message? It is delivered to its recipient now."),
            tr("Release %1 held messages? They are delivered to their recipients now."));
        label = heldformat::plural(n, tr("Release"), tr("Release %1"));
        break;
    case HeldAction::ReleaseToSandbox:
        text = heldformat::plural(
            n,
            tr("Release 1 held message to the sandbox? Mimecast checks its attachments and "
               "links before delivering it."),
            tr("Release %1 held messages to the sandbox? Mimecast checks attachments and links "
               "before delivering them."));
        label = heldformat::plural(n, tr("Release to sandbox"), tr("Release %1 to sandbox"));
        break;
    case HeldAction::ReleaseAndPermit:
        text =
            heldformat::plural(n, tr("Release 1 held message?"), tr("Release %1 held messages?")) +
            u"\n\n"_s +
            heldformat::plural(pairs,
                               tr("Then permit the sender for its recipient (1 sender/recipient "
                                  "pair): future mail from them skips the checks that held it."),
                               tr("Then permit each sender for its recipient (%1 "
                                  "sender/recipient pairs): their future mail skips the checks "
                                  "that held these."));
        label = heldformat::plural(n, tr("Release and permit"), tr("Release %1 and permit"));
        break;
    case HeldAction::Report:
        text = heldformat::plural(n, tr("Report 1 message to Mimecast as %1?"),
                                  tr("Report %1 messages to Mimecast as %2?"))
                   .arg(request.reportAs) +
               u"\n\n"_s +
               tr("Mimecast has deprecated this function; it may stop working. Rejecting is the "
                  "supported way.");
        label = heldformat::plural(n, tr("Report"), tr("Report %1"));
        break;
    case HeldAction::Reject:
    case HeldAction::RejectAndBlock:
        return true; // the reject dialog asks
    }
    dialogs::Question question;
    question.title = HeldActionJob::actionTitle(request.action);
    question.text = text;
    question.acceptLabel = label;
    question.objectName = u"heldActionConfirm"_s;
    return dialogs::confirm(m_parent, question);
}

void HeldActionController::startRun(const QList<HeldActionRequest> &requests)
{
    for (const QPointer<HeldActionJob> &old : std::as_const(m_jobs))
        if (old && !old->isRunning())
            old->deleteLater();
    m_jobs.clear();
    m_queue.clear();
    m_runIds.clear();
    QList<HeldActionJob *> created;
    for (const HeldActionRequest &request : requests) {
        for (const held::HeldMessage &m : request.messages)
            m_runIds.append(m.id);
        HeldActionJob *job = adopt(new HeldActionJob(m_session, request, this));
        m_jobs.append(job);
        m_queue.append(job);
        created.append(job);
    }
    m_dialog->setJobs(created);
    emit busyChanged(true);
    startNext();
}

void HeldActionController::startNext()
{
    while (!m_queue.isEmpty()) {
        QPointer<HeldActionJob> next = m_queue.takeFirst();
        if (!next)
            continue;
        next->start(); // a first run, or a retry of what failed
        return;
    }
    finishRun();
}

void HeldActionController::retryFailed()
{
    if (isBusy())
        return;
    for (const QPointer<HeldActionJob> &job : std::as_const(m_jobs))
        if (job && job->retryableCount() > 0)
            m_queue.append(job);
    if (m_queue.isEmpty())
        return;
    emit busyChanged(true);
    startNext();
}

void HeldActionController::finishRun()
{
    const QList<HeldActionJob *> all = jobs();
    bool allDone = !all.isEmpty();
    QStringList summaries;
    for (const HeldActionJob *job : all) {
        allDone = allDone && job->count(HeldOutcomeRow::Status::Failed) == 0 &&
                  job->count(HeldOutcomeRow::Status::Unknown) == 0 &&
                  job->count(HeldOutcomeRow::Status::Pending) == 0;
        summaries << (all.size() > 1 && !job->summary().startsWith(job->title())
                          ? job->title() + u" — "_s + job->summary()
                          : job->summary());
    }
    const QString summary = summaries.join(u"; "_s);
    emit busyChanged(false);
    if (!allDone) { // good news is a status line (the page's, with Show outcomes)
        m_dialog->show();
        m_dialog->raise();
        m_session->showStatus(summary);
    }
    emit runFinished(allDone, summary, m_runIds);
}

void HeldActionController::showOutcomes()
{
    if (!hasOutcomes())
        return;
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void HeldActionController::follow(const jobs::JobRecord &record, actions::ActionRunner *runner)
{
    const std::optional<HeldAction> action = HeldActionJob::actionOfJob(record);
    if (!action || isBusy())
        return; // not a held action, or the list shows a job still running
    HeldActionRequest request;
    request.action = *action;
    m_jobs.clear();
    m_queue.clear();
    m_runIds.clear();
    HeldActionJob *job = adopt(new HeldActionJob(m_session, std::move(request), this));
    m_jobs.append(job);
    m_dialog->setJobs({job});
    job->follow(runner);
}

HeldActionJob *HeldActionController::adopt(HeldActionJob *job)
{
    connect(job, &HeldActionJob::messagesDone, this, &HeldActionController::messagesDone);
    connect(job, &HeldActionJob::changed, this, [this] { emit busyChanged(isBusy()); });
    connect(job, &HeldActionJob::finished, this, [this, job] {
        if (!m_jobs.contains(job))
            return;
        emit jobFinished();
        if (job->wasCancelled())
            m_queue.clear(); // the analyst stopped the run: the rest waits for Retry
        startNext();
    });
    return job;
}

} // namespace mcdesk::ui
