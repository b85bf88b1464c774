#include "ui/investigate/removecontroller.h"

#include "core/api/apiclient.h"
#include "core/held/heldformat.h"
#include "ui/common/dialogs.h"
#include "ui/investigate/removedialog.h"
#include "ui/shell/session.h"

#include <QWidget>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
using Target = respond::RemediationRequest::Target;
}

RemoveController::RemoveController(Session *session, QWidget *parent)
    : QObject(parent)
    , m_session(session)
    , m_parent(parent)
{}

void RemoveController::setBusy(bool busy)
{
    m_busy = busy;
    emit busyChanged(busy);
}

void RemoveController::removeMessageIds(const QStringList &messageIds, const QString &scope)
{
    respond::RemediationRequest r;
    r.target = Target::MessageIds;
    r.messageIds = messageIds;
    ask(r, scope);
}

void RemoveController::removeHash(const QString &sha256)
{
    respond::RemediationRequest r;
    r.target = Target::Hash;
    r.hash = sha256;
    ask(r, tr("the attachment with SHA-256 %1").arg(sha256));
}

void RemoveController::removeUrl(const QString &url)
{
    respond::RemediationRequest r;
    r.target = Target::Url;
    r.url = url;
    ask(r, {});
}

void RemoveController::ask(const respond::RemediationRequest &request, const QString &scope)
{
    if (m_busy)
        return;
    if (!m_session->client()) {
        m_session->reportError(tr("Nothing was removed: there is no working connection."));
        return;
    }
    respond::RemediationRequest preset = request;
    if (preset.reason.isEmpty() && !m_session->caseId().isEmpty())
        preset.reason = m_session->caseId();
    // Window-modal, so the event loop (and a remediation already followed) keeps running.
    auto *dialog = new RemoveDialog(preset, scope, m_session->client()->now(), m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    setBusy(true);
    connect(dialog, &QDialog::finished, this, [this, dialog, scope](int result) {
        setBusy(false);
        if (result != QDialog::Accepted)
            return;
        const respond::RemediationRequest filled = dialog->request();
        if (confirm(filled, scope))
            run(filled);
    });
    dialog->open();
}

bool RemoveController::confirm(const respond::RemediationRequest &r, const QString &scope)
{
    QString text;
    switch (r.target) {
    case Target::MessageIds:
        text = tr("Remove %1 from every mailbox?").arg(scope);
        break;
    case Target::Hash:
        text = tr("Remove every message carrying the attachment with SHA-256 %1 from every "
                  "mailbox?")
                   .arg(r.hash);
        break;
    case Target::Url:
        text = tr("Remove every message containing %1 from every mailbox?").arg(r.url);
        break;
    }
    QString info = tr("Mimecast searches mail received from %1 to %2 and removes every copy it "
                      "finds, including copies these results do not show. Reason: %3.")
                       .arg(heldformat::localTime(r.start), heldformat::localTime(r.end), r.reason);
    const QString caseId = m_session->caseId();
    const QStringList groups = m_session->alertGroups();
    info += u"\n\n"_s +
            (caseId.isEmpty() ? tr("Audited without a case: set the Case in the toolbar to file "
                                   "it under one.")
             : groups.isEmpty()
                 ? tr("Audited under case %1.").arg(caseId)
                 : tr("Audited under case %1, alert group %2.").arg(caseId, groups.join(u", "_s)));
    info += u"\n"_s + tr("Restoring is done in the Mimecast console.");
    return dialogs::confirm(m_parent,
                            {tr("Remove from all mailboxes"), text, info,
                             tr("Remove from all mailboxes"), true, u"removeConfirmBox"_s});
}

void RemoveController::run(const respond::RemediationRequest &request)
{
    actions::ActionArgs args;
    args.remediation = request;
    // The action reads its range from --start / --end as the CLI gives them.
    args.periodStart = request.start.toUTC().toString(Qt::ISODate);
    args.periodEnd = request.end.toUTC().toString(Qt::ISODate);
    actions::ActionRunner *runner =
        m_session->runAction(actions::ActionId::Remediate, args,
                             tr("Removing %1 from all mailboxes").arg(request.describe()));
    if (!runner)
        return; // the session said why
    setBusy(true);
    connect(runner, &actions::ActionRunner::finished, this, [this, runner] {
        setBusy(false);
        const actions::ActionOutcome &outcome = runner->outcome();
        if (outcome.success && !outcome.incidents.isEmpty()) {
            const respond::RemediationIncident &incident = outcome.incidents.constFirst();
            m_session->showStatus(
                tr("Incident %1 created (audited): %2").arg(incident.code, incident.countsText()));
            emit incidentCreated(incident);
            return;
        }
        if (outcome.error.outcomeUnknown)
            m_session->reportError(
                tr("Mimecast's answer to the remediation was lost: it may have been created. "
                   "Resume the unfinished job; it looks in the incident list before sending "
                   "again."),
                outcome.message);
        else
            m_session->reportError(tr("The remediation was not created."), outcome.message);
    });
}

void RemoveController::checkHashes(const QStringList &sha256s)
{
    if (sha256s.isEmpty())
        return;
    actions::ActionArgs args;
    args.hashes = sha256s;
    actions::ActionRunner *runner = m_session->runAction(
        actions::ActionId::SearchHash, args,
        heldformat::plural(int(sha256s.size()), tr("Checking 1 attachment hash"),
                           tr("Checking %1 attachment hashes")));
    if (!runner)
        return;
    connect(runner, &actions::ActionRunner::finished, this, [this, runner] {
        const actions::ActionOutcome &outcome = runner->outcome();
        if (!outcome.success) {
            m_session->reportError(tr("The hashes could not be checked."), outcome.message);
            return;
        }
        QStringList lines;
        for (const respond::HashStatus &h : outcome.hashStatus)
            lines << (h.detected ? tr("%1: seen in your organisation's mail") : tr("%1: not seen"))
                         .arg(h.hash);
        for (const QString &h : outcome.failedHashes)
            lines << tr("%1: Mimecast refused it").arg(h);
        dialogs::information(m_parent, {tr("Hash seen?"),
                                        lines.join(u'\n'),
                                        tr("Seen means Mimecast has processed a message carrying "
                                           "this attachment; Remove by hash takes every copy."),
                                        {},
                                        u"hashSeenBox"_s});
    });
}

} // namespace mcdesk::ui
