#pragma once

#include "core/respond/trackedmessage.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace mcdesk::ui {

// The detail of one tracked message, from get-message-info: how it was received, its delivery
// to each recipient, the SPF / DKIM / DMARC / RBL verdicts, managed- and permitted-sender hits,
// the policies that fired, retention, attachments with SHA-256, and the headers. Everything is
// the server's text and shown as plain text only.
class MessageInfoPane : public QWidget
{
    Q_OBJECT
public:
    explicit MessageInfoPane(QWidget *parent = nullptr);

    void showInfo(const respond::MessageInfo &info);
    // A note instead of a message: "Select a message…", "Loading…", an error.
    void showState(const QString &text);
    std::optional<respond::MessageInfo> info() const { return m_info; }
    QString summaryText() const;
    // The summary as the pane shows it (tests and Copy).
    static QString summaryOf(const respond::MessageInfo &info);

signals:
    void hashCheckRequested(const QStringList &sha256s);
    void removeByHashRequested(const QString &sha256);

private:
    QStringList selectedHashes() const;
    void updateButtons();

    QLabel *m_title;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_summary;
    QTreeWidget *m_attachments;
    QPlainTextEdit *m_headers;
    QPushButton *m_hashSeen;
    QPushButton *m_removeHash;
    std::optional<respond::MessageInfo> m_info;
};

} // namespace mcdesk::ui
