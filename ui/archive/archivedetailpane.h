#pragma once

#include "core/common/latestrequest.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace mcdesk::held {
struct MessageDetail;
}
namespace mcdesk::archive {
class GetArchiveMessageDetail;
}

namespace mcdesk::ui {

class BodyLinkMenu;
class Session;

// The selected archived message: subject, sender and recipients, then its body preview,
// headers and attachments (archive message detail), all as plain text. Selecting rows quickly
// asks only for the last one, and a late answer for an earlier row is dropped.
class ArchiveDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit ArchiveDetailPane(Session *session, QWidget *parent = nullptr);

    BodyLinkMenu *bodyLinks() const { return m_bodyLinks; }
    QPlainTextEdit *bodyView() const { return m_body; }

    void showMessage(const QString &id);
    // Nothing selected; `note` says why there is nothing to show (empty: the default hint).
    void clear(const QString &note = {});
    QString currentId() const { return m_id; }
    // The shown message's Message-ID header once its detail has arrived; empty before.
    QString messageId() const { return m_messageId; }
    bool isLoading() const;

signals:
    void detailShown(const QString &id);

private:
    void fetch();
    void showDetail(const held::MessageDetail &detail);
    void showState(const QString &text);

    Session *m_session;
    QString m_id;
    QString m_messageId;
    QTimer m_delay;
    common::LatestRequest m_request; // cleared or another message selected: drop the reply
    QPointer<archive::GetArchiveMessageDetail> m_call;
    QStackedWidget *m_stack;
    QLabel *m_state;
    QLabel *m_subject;
    QLabel *m_meta;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_body;
    BodyLinkMenu *m_bodyLinks = nullptr;
    QTreeWidget *m_headers;
    QTreeWidget *m_attachments;
};

} // namespace mcdesk::ui
