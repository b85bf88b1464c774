#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace mcdesk::ui {

class ReleaseLogModel;
class Session;

// The team's release log: who released or rejected which held message and when
// (get-held-release-logs), for a time range, narrowed locally by operator.
class ReleaseLogPane : public QWidget
{
    Q_OBJECT
public:
    explicit ReleaseLogPane(Session *session, QWidget *parent = nullptr);

    void reload();
    // Loads once, the first time the pane is shown; later only reload() rereads.
    void ensureLoaded();
    bool hasLoaded() const { return m_loadedOnce; }
    bool isLoading() const { return m_loading; }
    QTableView *table() const { return m_table; }
    ReleaseLogModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

signals:
    void loaded();

private:
    void updateCount();

    Session *m_session;
    ReleaseLogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_range;
    QLineEdit *m_operator;
    QLabel *m_count;
    QTableView *m_table;
    bool m_loading = false;
    bool m_loadedOnce = false;
};

} // namespace mcdesk::ui
