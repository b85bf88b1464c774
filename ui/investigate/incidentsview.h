#pragma once

#include "core/common/latestrequest.h"
#include "core/respond/remediation.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;

namespace mcdesk::ui {

class IncidentModel;
class IncidentPanel;
class Session;

// The remediation incidents (find-incidents) with Mimecast's filters — created between two
// dates, a search by code, file hash or reason, the type — and the selected one followed in an
// IncidentPanel below the list.
class IncidentsView : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentsView(Session *session, QWidget *parent = nullptr);

    void reload();
    bool isLoaded() const { return m_loaded; }
    // A remediation this app just created: at the top of the list, selected, followed.
    void follow(const respond::RemediationIncident &incident);
    IncidentModel *model() const { return m_model; }
    IncidentPanel *panel() const { return m_panel; }
    QTableView *table() const { return m_table; }
    QSplitter *splitter() const { return m_splitter; }

signals:
    void loaded();

private:
    void showCurrent();

    Session *m_session;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QComboBox *m_searchField;
    QLineEdit *m_searchValue;
    QComboBox *m_type;
    QPushButton *m_refresh;
    QLabel *m_status;
    IncidentModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    IncidentPanel *m_panel;
    QSplitter *m_splitter;
    common::LatestRequest m_list;
    bool m_loaded = false;
};

} // namespace mcdesk::ui
