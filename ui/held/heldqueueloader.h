#pragma once

#include "core/held/heldoperations.h"

#include <QObject>
#include <QPointer>

namespace mcdesk::ui {

class HeldMessageModel;
class Session;

// Runs one held-queue query at a time into the model: pages are appended as they arrive (the
// first rows show while later pages load), progress and Cancel go to the status bar, and a new
// query supersedes the previous one, whose late pages are dropped (LatestRequest).
class HeldQueueLoader : public QObject
{
    Q_OBJECT
public:
    HeldQueueLoader(Session *session, HeldMessageModel *model, QObject *parent = nullptr);

    // Empties the model and asks for `query`. Without a client it only empties the model.
    void start(const held::HeldQuery &query);
    bool isLoading() const { return m_loading; }
    bool hasLoaded() const { return m_loadedOnce; }
    // Mimecast's totalCount for the query (what "Showing N of M" says), kept current as
    // released or rejected rows leave.
    int totalCount() const { return m_total; }
    void removed(int count) { m_total = qMax(0, m_total - count); }

signals:
    void pageLoaded(int firstRow, int lastRow);
    void finished();

private:
    void stopCurrent();

    Session *m_session;
    HeldMessageModel *m_model;
    QPointer<held::ListHeldMessages> m_list;
    int m_task = 0;
    int m_total = 0;
    int m_limit = 0;
    bool m_loading = false;
    bool m_loadedOnce = false;
};

} // namespace mcdesk::ui
