#pragma once

#include "core/held/heldoperations.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolButton;

namespace mcdesk::ui {

// The held queue's filters. The first row asks Mimecast (search field and value, time range,
// route) and sets the auto-refresh interval; the second narrows what is loaded, locally (quick
// filter, the policy picked in the summary chart) and says how much is shown.
class HeldFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit HeldFilterBar(QWidget *parent = nullptr);

    // The query for the current filters, its time range ending at `nowUtc`.
    held::HeldQuery query(const QDateTime &nowUtc) const;
    // Sender search over the last 14 days, every route (the archive page's "held from").
    void setSenderSearch(const QString &address);
    void setPolicy(const QString &policy); // shows or hides the policy chip
    void setShowing(int shown, int loaded, int total, bool loading);
    QString quickFilterText() const;
    // 0 = auto-refresh off.
    int autoRefreshMinutes() const;

signals:
    void searchRequested();
    void quickFilterChanged(const QString &text);
    void policyCleared();
    void autoRefreshDue();

private:
    void presetChanged();
    void updateAutoRefresh();

    QComboBox *m_searchField;
    QLineEdit *m_searchValue;
    QComboBox *m_datePreset;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QComboBox *m_route;
    QComboBox *m_autoRefresh;
    QPushButton *m_searchButton;
    QLineEdit *m_quickFilter;
    QToolButton *m_policyChip;
    QLabel *m_showing;
    QTimer *m_refreshTimer;
};

} // namespace mcdesk::ui
