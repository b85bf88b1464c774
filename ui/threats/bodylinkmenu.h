#pragma once

#include <QObject>

class QMenu;
class QPlainTextEdit;

namespace mcdesk::ui {

class ManagedUrlWriter;
class Session;

// The link actions of a body preview's context menu, for the link under the mouse (or, with
// none there, every link in the text): Who clicked this link?, Block this URL…, and Decode for
// Mimecast-rewritten links. Installed on the held and archive detail panes.
class BodyLinkMenu : public QObject
{
    Q_OBJECT
public:
    BodyLinkMenu(QPlainTextEdit *body, Session *session);

    // The link actions for the link at `position` (a character offset; -1: none) added to
    // `menu`; what the context menu shows, and what tests drive.
    void addActions(QMenu *menu, int position);

private:
    QPlainTextEdit *m_body;
    Session *m_session;
    ManagedUrlWriter *m_writer;
};

} // namespace mcdesk::ui
