#pragma once

#include "core/senders/managedsender.h"
#include "ui/common/page.h"

class QLabel;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace mcdesk::ui {

class BlockedPolicyPanel;
class ManagedUrlsPanel;
class SenderForm;
class SenderHistoryModel;
class SenderImportPanel;

// The permit/block lists an analyst keeps. "Managed senders": permit or block one sender for
// one recipient, bulk import from pasted text or a CSV file, and the history of the entries
// this app created (read from the audit log, since Mimecast has no endpoint that lists them).
// "Blocked-sender policies": the account's policies, created and deleted here. Every change
// is audited with the Case and Alert group from the toolbar.
class SenderListsPage : public Page
{
    Q_OBJECT
public:
    explicit SenderListsPage(Session *session, QWidget *parent = nullptr);

    QString title() const override;
    // Rereads the policies from Mimecast and the history from the audit log.
    void reload() override;
    // The policies are on screen (the history is local and follows on its own).
    bool isLoaded() const override;
    void saveLayout(QSettings &settings) const override;
    void restoreLayout(QSettings &settings) override;

    SenderForm *form() const { return m_form; }
    SenderImportPanel *importPanel() const { return m_import; }
    BlockedPolicyPanel *policyPanel() const { return m_policies; }
    SenderHistoryModel *historyModel() const { return m_history; }
    ManagedUrlsPanel *urlPanel() const { return m_urls; }
    // Shows the Managed URLs tab (read from Mimecast the first time).
    void showManagedUrls();

public slots:
    // "Block this sender" from the held queue and the archive: fills the form and focuses
    // Block (or the field that still needs the analyst).
    void prefillBlock(const QString &sender, const QString &recipient);

signals:
    // The history was reread from the audit log.
    void historyLoaded();

private:
    QWidget *buildManagedTab();
    void runSingle(senders::ManagedSender::Action action);
    void reloadHistory();
    void updateHistoryState();

    SenderForm *m_form;
    SenderImportPanel *m_import;
    BlockedPolicyPanel *m_policies;
    SenderHistoryModel *m_history;
    QSortFilterProxyModel *m_historyProxy;
    QTableView *m_historyTable;
    QStackedWidget *m_historyStack;
    QLabel *m_historyEmpty;
    QLabel *m_historyCount;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    ManagedUrlsPanel *m_urls;
    bool m_historyLoaded = false;
    bool m_running = false;
};

} // namespace mcdesk::ui
