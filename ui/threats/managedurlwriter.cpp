#include "ui/threats/managedurlwriter.h"

#include "core/held/heldformat.h"
#include "ui/common/dialogs.h"
#include "ui/shell/session.h"
#include "ui/threats/managedurldialog.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
using threats::ManagedUrl;

QString itemErrors(const actions::ActionOutcome &outcome)
{
    QStringList lines;
    for (const api::ItemOutcome &item : outcome.items)
        if (item.status != api::ItemOutcome::Status::Done)
            lines << u"%1: %2 %3"_s
                         .arg(ManagedUrl::fromKey(item.key).displayUrl(),
                              api::ItemOutcome::statusName(item.status), item.message)
                         .trimmed();
    return lines.join(u'\n');
}
} // namespace

ManagedUrlWriter::ManagedUrlWriter(Session *session, QWidget *parent)
    : QObject(parent)
    , m_session(session)
    , m_parent(parent)
{}

ManagedUrlDialog *ManagedUrlWriter::openDialog(const QString &url, ManagedUrl::Action action)
{
    auto *dialog = new ManagedUrlDialog(m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    ManagedUrl entry;
    entry.url = url.trimmed();
    entry.action = action;
    entry.comment = m_session->caseId();
    dialog->setEntry(entry);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { write(dialog->entry()); });
    dialog->open();
    return dialog;
}

bool ManagedUrlWriter::write(const ManagedUrl &entry)
{
    if (m_busy || !entry.problem().isEmpty())
        return false;
    const bool permit = entry.action == ManagedUrl::Action::Permit;
    const bool domain = entry.match == ManagedUrl::Match::Domain;
    const QString host = QUrl(entry.url).host();
    dialogs::Question question;
    question.title = permit ? tr("Permit URL") : tr("Block URL");
    const QString scope = domain ? tr("every URL on %1 (domain match)").arg(host)
                                 : tr("exactly this URL (explicit match)");
    question.text =
        (permit ? tr("Permit %1 — %2?") : tr("Block %1 — %2?")).arg(entry.displayUrl(), scope);
    question.informativeText =
        (permit ? tr("URL Protect will let users through to it without a block page.")
                : tr("URL Protect will show users a block page instead of the site.")) +
        u' ' +
        (m_session->caseId().isEmpty() ? tr("Audited without a case.")
                                       : tr("Audited under case %1.").arg(m_session->caseId()));
    question.acceptLabel = permit ? tr("Permit") : tr("Block");
    question.objectName = u"blockUrlConfirm"_s;
    if (!dialogs::confirm(m_parent, question))
        return false;
    actions::ActionArgs args;
    args.managedUrls = {entry};
    const actions::ActionId id =
        permit ? actions::ActionId::PermitUrl : actions::ActionId::BlockUrl;
    actions::ActionRunner *runner = m_session->runAction(
        id, args, (permit ? tr("Permitting %1") : tr("Blocking %1")).arg(entry.displayUrl()));
    if (!runner)
        return false;
    setBusy(true);
    connect(runner, &actions::ActionRunner::finished, this, [this, runner, entry, permit] {
        const actions::ActionOutcome &outcome = runner->outcome();
        setBusy(false);
        if (outcome.success)
            m_session->showStatus(
                (permit ? tr("Permitted %1 (%2 match)") : tr("Blocked %1 (%2 match)"))
                    .arg(entry.displayUrl(), ManagedUrl::matchName(entry.match)));
        else
            m_session->reportError(
                (permit ? tr("%1 was not permitted: %2") : tr("%1 was not blocked: %2"))
                    .arg(entry.displayUrl(), outcome.message),
                itemErrors(outcome));
        emit written(outcome.success);
    });
    return true;
}

bool ManagedUrlWriter::remove(const QList<ManagedUrl> &entries)
{
    if (m_busy || entries.isEmpty())
        return false;
    QStringList ids;
    QStringList shown;
    for (const ManagedUrl &e : entries) {
        ids << e.id;
        if (shown.size() < 10)
            shown << u"%1 (%2)"_s.arg(e.displayUrl(), ManagedUrl::actionName(e.action));
    }
    if (entries.size() > shown.size())
        shown << tr("and %1 more").arg(entries.size() - shown.size());
    dialogs::Question question;
    question.title = tr("Delete managed URLs");
    question.text = heldformat::plural(int(entries.size()), tr("Delete 1 managed URL?"),
                                       tr("Delete %1 managed URLs?"));
    question.informativeText = shown.join(u'\n');
    question.acceptLabel = tr("Delete");
    question.destructive = true;
    question.objectName = u"deleteManagedUrlConfirm"_s;
    if (!dialogs::confirm(m_parent, question))
        return false;
    actions::ActionArgs args;
    args.managedUrlIds = ids;
    actions::ActionRunner *runner = m_session->runAction(
        actions::ActionId::DeleteManagedUrl, args, tr("Deleting %1 managed URLs").arg(ids.size()));
    if (!runner)
        return false;
    setBusy(true);
    connect(runner, &actions::ActionRunner::finished, this, [this, runner] {
        const actions::ActionOutcome &outcome = runner->outcome();
        setBusy(false);
        if (outcome.success)
            m_session->showStatus(outcome.message);
        else
            m_session->reportError(tr("Managed URLs not deleted: %1").arg(outcome.message),
                                   itemErrors(outcome));
        emit written(outcome.success);
    });
    return true;
}

void ManagedUrlWriter::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace mcdesk::ui
