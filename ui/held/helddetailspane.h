#pragma once

#include "core/common/latestrequest.h"
#include "core/held/heldmessage.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTimer;
class QTreeWidget;

namespace mcdesk::ui {

class ElidedLabel;
class BodyLinkMenu;
class Session;

// Everything about the current held message: the queue's fields at once, then what the
// held-message detail endpoint adds (attachments with type, size, SHA-256 and verdict;
// headers; a body preview). All of it untrusted, all of it shown as plain text.
class HeldDetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit HeldDetailsPane(Session *session, QWidget *parent = nullptr);

    BodyLinkMenu *bodyLinks() const { return m_bodyLinks; }
    QPlainTextEdit *bodyView() const { return m_body; }

    // Shows `message` and fetches its detail (after a short pause, so arrowing through the
    // table does not send a request per row). nullopt empties the pane.
    void showMessage(const std::optional<held::HeldMessage> &message);
    // The pane as plain text (what Copy details puts on the clipboard).
    QString plainText() const;
    bool detailLoaded() const { return m_detailLoaded; }
    // The shown message's Message-ID header once its detail has arrived; empty before.
    QString messageId() const;
    // A message is shown and its detail has neither arrived nor failed yet.
    bool isFetching() const { return m_message && !m_detailSettled; }

signals:
    // The current message's detail arrived or failed (isFetching() is false again).
    void detailSettled();

private:
    void fetchDetail();
    void showDetail(const held::HeldMessageDetail &detail);
    void showDetailProblem(const QString &text);
    void setField(int row, const QString &text);

    Session *m_session;
    QLabel *m_subject;
    QList<ElidedLabel *> m_fields;
    QTabWidget *m_tabs;
    QTreeWidget *m_attachments;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_body;
    BodyLinkMenu *m_bodyLinks = nullptr;
    ElidedLabel *m_detailState;
    QTimer *m_fetchTimer;
    std::optional<held::HeldMessage> m_message;
    QHash<QString, held::HeldMessageDetail> m_cache;
    common::LatestRequest m_detailRequest; // one per selected message
    bool m_detailLoaded = false;
    bool m_detailSettled = false;
};

} // namespace mcdesk::ui
