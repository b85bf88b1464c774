#pragma once

#include "core/actions/actionrunner.h"
#include "core/held/heldmessage.h"
#include "core/held/permittrap.h"
#include "core/jobs/jobjournal.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace mcdesk::ui {

class Session;

enum class HeldAction {
    Release,
    ReleaseToSandbox,
    Reject,
    Report,
    ReleaseAndPermit,
    RejectAndBlock
};

struct HeldActionRequest
{
    HeldAction action = HeldAction::Release;
    QList<held::HeldMessage> messages;
    QString reason; // reject: a documented reasonType, or empty
    QString note;
    bool notifySender = false;
    QString reportAs = QStringLiteral("phishing"); // report: spam | malware | phishing
    QString comment;
    // Release & permit: which address to permit (the confirmation chose it; unset = envelope).
    std::optional<held::PermitAddress> permitAddress;
};

// One line of the outcome list.
struct HeldOutcomeRow
{
    enum class Status { Pending, Done, Failed, Unknown };
    QString step;  // "Release", "Block sender", …
    QString key;   // message id, or sender and recipient
    QString label; // the subject, or "sender → recipient"
    Status status = Status::Pending;
    QString code; // Mimecast's raw code (or ours, mcdesk_*)
    QString message;
    bool retryable = true;
};

// One bulk action on held messages, run through Session::runAction so every call is audited
// with the toolbar's Case and Alert group. A combined move is the actions layer's own
// (ActionId::ReleaseAndPermit / RejectAndBlock, as mcdesk-cli runs it): two audited actions,
// the second for the sender of every message whose first step was done, each pair once.
// retry() runs only what failed: successes are never sent again, and "unknown" items are left
// for the analyst to check.
class HeldActionJob : public QObject
{
    Q_OBJECT
public:
    HeldActionJob(Session *session, HeldActionRequest request, QObject *parent = nullptr);

    void start();
    // A resumed job of the journal (Session::jobResumed): its outcome fills the list as `runner`
    // reports it. The held action a job of `record` is, if it is one.
    void follow(actions::ActionRunner *runner);
    static std::optional<HeldAction> actionOfJob(const jobs::JobRecord &record);
    void retryFailed() { start(); }
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }

    HeldAction action() const { return m_request.action; }
    QString title() const;   // "Release & permit sender"
    QString summary() const; // "Release: 22 done, 3 failed · Permit sender: 20 done"
    QList<HeldOutcomeRow> rows() const;
    int retryableCount() const;
    int count(HeldOutcomeRow::Status status) const;

    static QString actionTitle(HeldAction action);
    // Distinct sender/recipient pairs a combined move would permit or block.
    static int senderPairs(const QList<held::HeldMessage> &messages, held::PermitAddress address);
    static bool removesFromQueue(HeldAction action);

signals:
    void messagesDone(const QStringList &ids); // they have left the held queue
    void changed();
    void finished();

private:
    using Status = HeldOutcomeRow::Status;
    void runFirstStep();
    void runSecondStep();
    // Records the sender half of a combined move's outcome, adding a row per sender pair.
    void applySenderStep(const actions::ActionRunner *runner);
    void finish();
    // Records the runner's per-item outcomes for `keys` in `rows`; returns the keys now done.
    QStringList apply(QList<HeldOutcomeRow> &rows, const QHash<QString, int> &index,
                      const QStringList &keys, const actions::ActionRunner *runner, bool senders);
    void markAll(QList<HeldOutcomeRow> &rows, const QHash<QString, int> &index,
                 const QStringList &keys, const QString &code, const QString &message);
    QStringList pending(const QList<HeldOutcomeRow> &rows) const;
    bool hasSecondStep() const;
    held::PermitAddress permitAddress() const
    {
        return m_request.permitAddress.value_or(held::PermitAddress::Envelope);
    }
    QString messageStepTitle() const; // "Release" for release & permit, …

    Session *m_session;
    HeldActionRequest m_request;
    QList<HeldOutcomeRow> m_messageRows;
    QHash<QString, int> m_messageIndex;
    QList<HeldOutcomeRow> m_senderRows;
    QHash<QString, int> m_senderIndex;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_secondStepRan = false;
};

} // namespace mcdesk::ui
