#pragma once

#include "core/senders/managedsender.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace mcdesk::actions {
class ActionRunner;
}

namespace mcdesk::ui {

class ImportPreviewModel;
class Session;

// Bulk permit/block: `sender,recipient,action` lines pasted or read from a CSV file, previewed
// with every invalid line marked (and why) and repeated lines collapsed, then only the good
// entries sent. Sending runs the actions layer's import-senders through Session::runAction
// (the same action as mcdesk-cli import-senders): permits and blocks go as one permit-sender and
// one block-sender step, each audited with the toolbar's Case and Alert group and sent in
// batches of 100. Progress and Cancel are shown here (and in the status bar); afterwards every
// entry shows its outcome, and Retry failed sends just the failed ones again.
class SenderImportPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SenderImportPanel(Session *session, QWidget *parent = nullptr);

    // Reads a CSV file into the text box; reports problems through the session.
    bool importFile(const QString &path);
    void send();
    void cancel();
    void retryFailed();
    bool isSending() const { return m_sending; }
    ImportPreviewModel *model() const { return m_model; }

signals:
    // The import action finished (the audit entries of its steps are written).
    void actionSent();

private:
    void reparse();
    void finishSending();
    void updateControls();
    QString summaryText() const;

    Session *m_session;
    ImportPreviewModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QPlainTextEdit *m_text;
    QPushButton *m_fileButton;
    QPushButton *m_clearButton;
    QTableView *m_preview;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
    QPushButton *m_retryButton;
    QPushButton *m_sendButton;
    QTimer *m_parseTimer;
    QPointer<actions::ActionRunner> m_runner;
    int m_total = 0; // entries in this send
    int m_lines = 0;
    int m_duplicates = 0;
    bool m_header = false;
    bool m_sending = false;
    bool m_cancelled = false;
    bool m_sentOnce = false;
};

} // namespace mcdesk::ui
