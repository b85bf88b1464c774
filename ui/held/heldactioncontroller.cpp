#include "ui/held/heldactioncontroller.h"

#include "core/held/heldformat.h"
#include "ui/common/dialogs.h"
#include "ui/held/outcomedialog.h"
#include "ui/held/rejectdialog.h"
#include "ui/shell/session.h"

#include <QSet>

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
}

int HeldActionController::senderPairCount(const QList<held::HeldMessage> &messages)
{
    QSet<QString> pairs;
    for (const held::HeldMessage &m : messages)
        pairs.insert(senders::ManagedSender{m.sender(), m.to.email}.key());
    return int(pairs.size());
}

bool HeldActionController::isBusy() const
{
    return m_asking || (m_job && m_job->isRunning());
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
    if (action != HeldAction::Reject && action != HeldAction::RejectAndBlock) {
        m_asking = true;
        emit busyChanged(true);
        const bool yes = confirm(request);
        m_asking = false;
        emit busyChanged(false);
        if (yes)
            start(request);
        return;
    }
    // The reject dialog is the confirmation; window-modal, so the event loop keeps running.
    const int pairs = action == HeldAction::RejectAndBlock ? senderPairCount(messages) : 0;
    auto *dialog = new RejectDialog(int(messages.size()), pairs, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_asking = true;
    emit busyChanged(true);
    connect(dialog, &QDialog::finished, this, [this, dialog, request](int result) mutable {
        m_asking = false;
        emit busyChanged(false);
        if (result != QDialog::Accepted)
            return;
        request.reason = dialog->reason();
        request.note = dialog->note();
        request.notifySender = dialog->notifySender();
        start(request);
    });
    dialog->open();
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

void HeldActionController::start(HeldActionRequest request)
{
    adopt(new HeldActionJob(m_session, std::move(request), this))->start();
}

void HeldActionController::follow(const jobs::JobRecord &record, actions::ActionRunner *runner)
{
    const std::optional<HeldAction> action = HeldActionJob::actionOfJob(record);
    if (!action || isBusy())
        return; // not a held action, or the list shows a job still running
    HeldActionRequest request;
    request.action = *action;
    adopt(new HeldActionJob(m_session, std::move(request), this))->follow(runner);
}

HeldActionJob *HeldActionController::adopt(HeldActionJob *job)
{
    if (m_job && !m_job->isRunning())
        m_job->deleteLater();
    m_job = job;
    connect(job, &HeldActionJob::messagesDone, this, &HeldActionController::messagesDone);
    connect(job, &HeldActionJob::changed, this, [this, job] {
        if (job == m_job)
            emit busyChanged(job->isRunning());
    });
    connect(job, &HeldActionJob::finished, this, [this, job] {
        if (job != m_job)
            return;
        m_dialog->show();
        m_dialog->raise();
        m_session->showStatus(tr("%1 — %2").arg(job->title(), job->summary()));
        emit jobFinished();
    });
    m_dialog->setJob(job);
    return job;
}

} // namespace mcdesk::ui
