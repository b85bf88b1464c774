#pragma once

#include "core/threats/managedurl.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace mcdesk::ui {

// Block or permit a URL (URL Protect's managed URLs, mimecast-respond.md §5.1): the URL, the
// action, explicit or domain match, a comment and the three options. What is wrong with the
// entry (ManagedUrl::problem()) is shown as it is typed, in the dialog's words, and OK stays
// disabled until there is nothing wrong. The dialog only collects the entry; the caller
// confirms and runs the action.
class ManagedUrlDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ManagedUrlDialog(QWidget *parent = nullptr);

    void setEntry(const threats::ManagedUrl &entry);
    threats::ManagedUrl entry() const;
    QString problem() const; // in the dialog's words; empty = OK is enabled
    // A problem as core words it (--url, --match-type…) in the dialog's labels.
    static QString inFormWords(const QString &problem);

private:
    void update();

    QLineEdit *m_url;
    QRadioButton *m_block;
    QRadioButton *m_permit;
    QRadioButton *m_explicit;
    QRadioButton *m_domain;
    QLineEdit *m_comment;
    QCheckBox *m_disableRewrite;
    QCheckBox *m_disableLogClick;
    QCheckBox *m_disableAwareness;
    QLabel *m_matchNote;
    QLabel *m_problem;
    QPushButton *m_ok;
};

} // namespace mcdesk::ui
