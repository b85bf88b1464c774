#pragma once

#include "page.h"

#include <QStringList>

namespace mcdesk::ui {

// A page owned by a later issue: its final objectName and title, and plain words on what it
// will hold, when it arrives and what to use meanwhile.
class PlaceholderPage : public Page
{
    Q_OBJECT
public:
    struct Content
    {
        QString objectName;
        QString title;
        QString summary;
        QStringList features;
        QString arrives;  // "Arrives with issue 5."
        QString meantime; // the mcdesk-cli commands that already do it
    };

    PlaceholderPage(Session *session, const Content &content, QWidget *parent = nullptr);

    QString title() const override { return m_content.title; }
    const Content &content() const { return m_content; }

    static Content heldQueue();
    static Content archiveSearch();
    static Content queryBuilder();
    static Content senderLists();

private:
    Content m_content;
};

} // namespace mcdesk::ui
