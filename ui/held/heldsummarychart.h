#pragma once

#include "core/common/latestrequest.h"
#include "core/held/heldmessage.h"

#include <QWidget>

class QBarCategoryAxis;
class QChartView;
class QLabel;
class QHorizontalBarSeries;

namespace mcdesk::ui {

class Session;

// Held counts per policy (get-hold-summary-list) as a horizontal bar chart, largest first;
// clicking a bar asks the queue to show that policy only.
class HeldSummaryChart : public QWidget
{
    Q_OBJECT
public:
    explicit HeldSummaryChart(QWidget *parent = nullptr);

    // Asks get-hold-summary-list again; an answer to an older request is dropped.
    void reload(Session *session);
    bool isLoading() const { return m_loading; }
    void setPolicies(QList<held::PolicyHoldCount> policies);
    void setProblem(const QString &text);
    // Marks the bar of the policy the queue is filtered to (none for an empty string).
    void setSelectedPolicy(const QString &policy);
    const QList<held::PolicyHoldCount> &policies() const { return m_policies; }
    QChartView *chartView() const { return m_view; }
    // Where the bar of `policy` is drawn, in chartView() viewport coordinates (for tests and
    // keyboard users: see selectPolicy()).
    QPoint barCenter(const QString &policy) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

signals:
    void policyClicked(const QString &policy);
    void loaded(); // a reload() finished, with the counts or a problem

private:
    QChartView *m_view;
    QLabel *m_caption;
    QHorizontalBarSeries *m_series = nullptr;
    QBarCategoryAxis *m_policyAxis = nullptr;
    QFont m_labelFont;
    QString m_selected;
    bool m_loading = false;
    QList<held::PolicyHoldCount> m_policies; // in the chart's order, bottom to top
    common::LatestRequest m_request;         // a reload supersedes the one on its way

    // The policy names shortened to fit beside the bars at the chart's current width.
    QStringList categoryLabels() const;
};

} // namespace mcdesk::ui
