#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace mcdesk::ui {

// Asks how to reject held messages: one of Mimecast's five documented reasons or none, an
// optional note, whether to notify the sender. The text names how many messages (and, for
// Reject & block, how many senders) so the analyst confirms exactly what will happen.
class RejectDialog : public QDialog
{
    Q_OBJECT
public:
    RejectDialog(int messageCount, int blockSenderCount, QWidget *parent = nullptr);

    // A documented reasonType value, or empty for none.
    QString reason() const;
    QString note() const;
    bool notifySender() const;

    // "Message contains undesirable content" for "MESSAGE CONTAINS UNDESIRABLE CONTENT".
    static QString reasonLabel(const QString &value);

private:
    QComboBox *m_reason;
    QPlainTextEdit *m_note;
    QCheckBox *m_notify;
    QPushButton *m_confirm;
};

} // namespace mcdesk::ui
