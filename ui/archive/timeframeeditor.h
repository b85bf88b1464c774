#pragma once

#include "core/archive/timeframe.h"

#include <QTimer>
#include <QWidget>

#include <functional>

class QComboBox;
class QDateTimeEdit;
class QLabel;

namespace mcdesk::ui {

// The seed's time frames (Last Hour … Last Month, Custom). Custom shows two date-time pickers
// in local time with the zone visible; the UTC range that will be sent is shown at all times
// and follows the clock for the rolling presets.
class TimeFrameEditor : public QWidget
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    explicit TimeFrameEditor(QWidget *parent = nullptr);

    archive::TimeFrame frame() const;
    void setFrame(archive::TimeFrame frame);
    // Custom only: the pickers as ISO 8601 UTC ("2026-03-29T08:00:00Z"), as the core expects.
    QString startText() const;
    QString endText() const;
    void setCustomRange(const QDateTime &start, const QDateTime &end);
    archive::TimeRange resolve() const;
    // For tests and the page: what "now" is. Defaults to the system clock.
    void setClock(Clock clock);
    QDateTime now() const;

signals:
    void changed();

private:
    void updateRange();

    QComboBox *m_frame;
    QWidget *m_custom;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QLabel *m_range;
    QTimer m_tick;
    Clock m_clock;
};

} // namespace mcdesk::ui
