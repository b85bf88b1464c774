#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace mcdesk::ui {

class ManagedUrlWriter;
class Session;

// Decode URL: Mimecast-rewritten links pasted (one per line) and what they point to, read with
// decode-url (Mimecast unwraps them; the target is never visited). The originals can be copied,
// blocked, or looked up in the click log (Who clicked this?).
class DecodeUrlDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DecodeUrlDialog(Session *session, QWidget *parent = nullptr);

    void setLinks(const QStringList &links);
    void decode();
    QStringList originals() const { return m_originals; }
    bool isDecoding() const { return m_decoding; }

signals:
    void decoded();

private:
    void updateControls();
    QStringList links() const;

    Session *m_session;
    QPlainTextEdit *m_input;
    QPlainTextEdit *m_output;
    QLabel *m_status;
    QPushButton *m_decode;
    QPushButton *m_copy;
    QPushButton *m_block;
    QPushButton *m_whoClicked;
    ManagedUrlWriter *m_writer;
    QStringList m_originals;
    bool m_decoding = false;
};

} // namespace mcdesk::ui
