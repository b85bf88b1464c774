#pragma once

#include "core/common/latestrequest.h"
#include "core/respond/remediation.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTimer;

namespace mcdesk::ui {

class Session;

// One remediation incident: its code, type, reason, what it searched for and the counts.
// Mimecast removes the copies over seconds to minutes, so while the incident has not settled
// (identified > removed + failed) the panel reads it again with get-incident, after 2 s, then
// doubling up to every 15 s, and says when it last looked.
class IncidentPanel : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentPanel(Session *session, QWidget *parent = nullptr);

    // Shows `incident` and, until it settles, keeps reading it. nullopt empties the panel.
    void showIncident(const std::optional<respond::RemediationIncident> &incident);
    std::optional<respond::RemediationIncident> incident() const { return m_incident; }
    bool isPolling() const;
    // Tests: a faster first interval and ceiling (the analyst's are 2 s and 15 s).
    void setPollIntervals(int firstMs, int maxMs);

signals:
    // A re-read incident, so the list can show its new counts.
    void incidentUpdated(const mcdesk::respond::RemediationIncident &incident);

private:
    void refreshNow();
    void schedule();
    void render();
    static bool stillMoving(const respond::RemediationIncident &incident);
    static constexpr int kSearchGraceSeconds = 300;

    Session *m_session;
    QLabel *m_code;
    QLabel *m_details;
    QLabel *m_identified;
    QLabel *m_removed;
    QLabel *m_failed;
    QLabel *m_restored;
    QLabel *m_state;
    QLabel *m_restore;
    QPushButton *m_refresh;
    QTimer *m_timer;
    std::optional<respond::RemediationIncident> m_incident;
    common::LatestRequest m_read;
    int m_firstMs = 2000;
    int m_maxMs = 15000;
    int m_intervalMs = 2000;
    bool m_reading = false;
};

} // namespace mcdesk::ui
