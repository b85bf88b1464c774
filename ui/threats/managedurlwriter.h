#pragma once

#include "core/threats/managedurl.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace mcdesk::ui {

class ManagedUrlDialog;
class Session;

// Block this URL / Permit / Delete, from wherever a URL is shown (a click-log row, a decoded
// link, the managed-URL list): the dialog, a confirmation through dialogs::confirm naming the
// URL, action and match, then block-url / permit-url / delete-managed-url through
// Session::runAction (journaled and audited by the actions layer with the toolbar's case).
class ManagedUrlWriter : public QObject
{
    Q_OBJECT
public:
    ManagedUrlWriter(Session *session, QWidget *parent);

    // Opens the dialog (window-modal on `parent`'s window) prefilled with `url`; the comment
    // starts as the toolbar's case. Returns the dialog, which deletes itself when closed.
    ManagedUrlDialog *
    openDialog(const QString &url,
               threats::ManagedUrl::Action action = threats::ManagedUrl::Action::Block);
    // Confirms and sends one entry (what the dialog's OK does).
    bool write(const threats::ManagedUrl &entry);
    // Confirms and deletes entries (each with id and, for the text, its URL).
    bool remove(const QList<threats::ManagedUrl> &entries);
    bool isBusy() const { return m_busy; }

signals:
    // A write finished; `success` is the whole action's.
    void written(bool success);
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);

    Session *m_session;
    QWidget *m_parent;
    bool m_busy = false;
};

} // namespace mcdesk::ui
