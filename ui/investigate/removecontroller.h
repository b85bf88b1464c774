#pragma once

#include "core/respond/remediation.h"

#include <QObject>

class QWidget;

namespace mcdesk::ui {

class Session;

// Removing mail from every mailbox, whichever way the analyst asked: the Remove dialog (reason,
// range, what is searched), a confirmation that names what and how many and the case it is
// audited under, then the remediate action. Also "Hash seen?" (search-hash), which answers
// whether Mimecast has seen an attachment before the analyst removes by its hash.
class RemoveController : public QObject
{
    Q_OBJECT
public:
    RemoveController(Session *session, QWidget *parent);

    // `scope` names the messages ("Message-ID <a@b>, 4 copies in these results").
    void removeMessageIds(const QStringList &messageIds, const QString &scope);
    void removeHash(const QString &sha256);
    void removeUrl(const QString &url = {});
    void checkHashes(const QStringList &sha256s);
    bool isBusy() const { return m_busy; }

signals:
    void incidentCreated(const mcdesk::respond::RemediationIncident &incident);
    void busyChanged(bool busy);

private:
    void ask(const respond::RemediationRequest &request, const QString &scope);
    bool confirm(const respond::RemediationRequest &request, const QString &scope);
    void run(const respond::RemediationRequest &request);
    void setBusy(bool busy);

    Session *m_session;
    QWidget *m_parent;
    bool m_busy = false;
};

} // namespace mcdesk::ui
