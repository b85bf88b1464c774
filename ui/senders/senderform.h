#pragma once

#include "core/senders/managedsender.h"
#include "ui/common/palette.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace mcdesk::ui {

// Permit or block one sender for one recipient. Both addresses are checked as they are typed
// (a red hint under the field names it and the problem); Permit and Block stay disabled until
// both are valid. The page runs the action when requested() is emitted.
class SenderForm : public QWidget
{
    Q_OBJECT
public:
    explicit SenderForm(QWidget *parent = nullptr);

    QString sender() const;
    QString recipient() const;
    bool isValid() const;
    // Fills both fields (as "Block this sender" from another page does) and focuses Block, or
    // the first field that still needs the analyst.
    void prefill(const QString &sender, const QString &recipient);
    void focusBlock();
    // While an action runs the buttons are disabled and say so.
    void setBusy(bool busy, senders::ManagedSender::Action action = {});
    // The outcome of the last action, under the form.
    void showResult(palette::Status status, const QString &text);

signals:
    void requested(mcdesk::senders::ManagedSender::Action action);

private:
    void validate();

    QLineEdit *m_sender;
    QLineEdit *m_recipient;
    QLabel *m_senderHint;
    QLabel *m_recipientHint;
    QPushButton *m_permit;
    QPushButton *m_block;
    QLabel *m_result;
    bool m_busy = false;
};

} // namespace mcdesk::ui
