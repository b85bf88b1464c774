#pragma once

#include "core/threats/managedurl.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace mcdesk::ui {

class Session;
class UrlImportModel;

// Bulk block / permit of URLs: `url[,action[,match type[,comment]]]` lines pasted or read from
// a CSV file, every line checked and repeats folded before anything is sent (the sender
// import's rules). Send confirms the counts, then runs block-url for the blocks and permit-url
// for the permits through Session::runAction: journaled and audited with the toolbar's case.
class UrlImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit UrlImportDialog(Session *session, QWidget *parent = nullptr);

    void setText(const QString &text);
    bool importFile(const QString &path);
    void send();
    UrlImportModel *model() const { return m_model; }
    bool isSending() const { return m_pending > 0; }

signals:
    // One of the writes finished (the managed-URL list is out of date).
    void sent();

private:
    void reparse();
    void updateControls();
    void runWrite(threats::ManagedUrl::Action action, const QList<threats::ManagedUrl> &entries);

    Session *m_session;
    QPlainTextEdit *m_text;
    QPushButton *m_fileButton;
    QComboBox *m_action;
    QComboBox *m_match;
    UrlImportModel *m_model;
    QTableView *m_preview;
    QLabel *m_summary;
    QPushButton *m_send;
    QTimer *m_parseTimer;
    int m_pending = 0;
    QStringList m_results;
};

} // namespace mcdesk::ui
