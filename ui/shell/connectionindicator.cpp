#include "ui/shell/connectionindicator.h"

#include "ui/common/palette.h"
#include "ui/common/plaintext.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
// Mimecast refuses API 1.0 signatures whose date is more than 15 minutes off; warn well before.
constexpr qint64 kSkewWarningSeconds = 120;

QString signedSeconds(qint64 seconds)
{
    return (seconds > 0 ? u"+"_s : QString()) + QString::number(seconds);
}
} // namespace

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setObjectName(u"connectionIndicator"_s);
    setFocusPolicy(Qt::TabFocus); // reachable by keyboard so its tooltip and name are read out
    m_label->setObjectName(u"connectionIndicatorText"_s);
    m_label->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(dotSize() + dotSize(), 0, 0, 0);
    layout->addWidget(m_label);
    setStatus({});
}

void ConnectionIndicator::setStatus(const ConnectionStatus &status)
{
    m_status = status;
    updateText();
    update();
}

void ConnectionIndicator::updateText()
{
    using State = ConnectionStatus::State;
    QStringList tip;
    switch (m_status.state) {
    case State::None:
        m_fullText = tr("Not connected");
        tip << tr("Choose a connection in the profile list, or try the demo.");
        break;
    case State::Checking:
        m_fullText = m_status.profile.isEmpty() ? tr("Connecting…")
                                                : tr("Connecting to %1…").arg(m_status.profile);
        break;
    case State::Ok: {
        QStringList parts{m_status.accountName};
        if (!m_status.region.isEmpty())
            parts << m_status.region;
        parts << tr("%1 ms").arg(m_status.roundTripMs);
        parts << tr("clock %1 s").arg(signedSeconds(m_status.clockSkewSeconds));
        m_fullText = parts.join(u"  ·  "_s);
        tip << tr("Connection: %1").arg(m_status.profile)
            << tr("Account: %1").arg(m_status.accountName) << tr("Region: %1").arg(m_status.region)
            << tr("Round trip: %1 ms").arg(m_status.roundTripMs)
            << tr("Clock skew: %1 s (server minus this computer)")
                   .arg(signedSeconds(m_status.clockSkewSeconds));
        if (qAbs(m_status.clockSkewSeconds) > kSkewWarningSeconds)
            tip << tr("This computer's clock is off; API 1.0 requests fail beyond 15 minutes.");
        tip << tr("Checked %1")
                   .arg(
                       QLocale().toString(m_status.checkedUtc.toLocalTime(), QLocale::ShortFormat));
        break;
    }
    case State::Failed:
        m_fullText =
            tr("%1: %2").arg(m_status.profile.isEmpty() ? tr("Not connected") : m_status.profile,
                             m_status.error.message);
        tip << m_status.error.message;
        if (!m_status.error.code.isEmpty())
            tip << tr("Code: %1").arg(m_status.error.code);
        break;
    }
    QString line = m_fullText;
    line.replace(u'\n', u' ');
    const int maxWidth = fontMetrics().averageCharWidth() * 64;
    m_label->setText(fontMetrics().elidedText(line, Qt::ElideRight, maxWidth));
    setToolTip(plainToolTip(tip.isEmpty() ? m_fullText : tip.join(u'\n')));
    setAccessibleName(tr("Connection status"));
    setAccessibleDescription(m_fullText);
    updateGeometry();
}

QColor ConnectionIndicator::dotColour() const
{
    using State = ConnectionStatus::State;
    switch (m_status.state) {
    case State::Ok:
        return palette::statusColor(qAbs(m_status.clockSkewSeconds) > kSkewWarningSeconds
                                        ? palette::Status::Warning
                                        : palette::Status::Good,
                                    palette());
    case State::Failed:
        return palette::statusColor(palette::Status::Bad, palette());
    default:
        return palette::statusColor(palette::Status::Neutral, palette());
    }
}

int ConnectionIndicator::dotSize() const
{
    return qMax(8, fontMetrics().height() / 2);
}

void ConnectionIndicator::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int d = dotSize();
    const QRectF dot(d / 2.0, (height() - d) / 2.0, d, d);
    painter.setPen(QPen(palette().color(QPalette::WindowText), 0.5));
    painter.setBrush(dotColour());
    painter.drawEllipse(dot);
    if (hasFocus()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void ConnectionIndicator::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateText();
}

} // namespace mcdesk::ui
