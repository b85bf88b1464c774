#include "ui/held/heldsummarychart.h"

#include "core/held/heldformat.h"
#include "ui/common/palette.h"
#include "ui/common/plaintext.h"
#include "ui/shell/session.h"

#include "core/held/heldoperations.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QFontMetrics>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
QString shortened(const QString &text, int max)
{
    return text.size() <= max ? text : text.left(max - 1) + u'…';
}
} // namespace

HeldSummaryChart::HeldSummaryChart(QWidget *parent)
    : QWidget(parent)
    , m_view(
          new QChartView(new QChart, this)) // QChartView(parent) makes a chart setChart() orphans
    , m_caption(new QLabel(this))
{
    m_view->setObjectName(u"heldSummaryChart"_s);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(fontMetrics().averageCharWidth() * 30, 140);
    m_view->setToolTip(tr("Click a bar to show only that policy's messages"));
    QChart *chart = m_view->chart(); // owned by the view
    chart->legend()->hide();
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->setAnimationOptions(QChart::NoAnimation);

    auto *title = new QLabel(tr("Held by policy"), this);
    title->setTextFormat(Qt::PlainText);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_caption->setObjectName(u"heldSummaryCaption"_s);
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setWordWrap(true);
    m_caption->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption);
    setProblem(tr("Loading the held summary…"));
}

void HeldSummaryChart::reload(Session *session)
{
    const common::LatestRequest::Ticket ticket = m_request.next();
    api::ApiClient *client = session->client();
    m_loading = false;
    if (!client)
        return setProblem(tr("Not connected."));
    m_loading = true;
    auto *op = new held::GetHoldSummary(client, this);
    connect(op, &held::GetHoldSummary::finished, this, [this, op, ticket] {
        op->deleteLater();
        if (!m_request.isCurrent(ticket))
            return;
        if (op->error().isError())
            setProblem(tr("The held summary could not be loaded: %1 (%2)")
                           .arg(op->error().message, op->error().code));
        else
            setPolicies(op->policies());
        m_loading = false;
        emit loaded();
    });
    op->start();
}

void HeldSummaryChart::setPolicies(QList<held::PolicyHoldCount> policies)
{
    const auto same = [](const held::PolicyHoldCount &a, const held::PolicyHoldCount &b) {
        return a.policy == b.policy && a.count == b.count;
    };
    // Ascending, because a horizontal chart draws its first category at the bottom.
    std::stable_sort(policies.begin(), policies.end(),
                     [](const held::PolicyHoldCount &a, const held::PolicyHoldCount &b) {
                         return a.count < b.count;
                     });
    // Rebuilding the chart costs the GUI thread tens of milliseconds; a refresh usually brings
    // the same counts.
    if (m_series && std::equal(policies.cbegin(), policies.cend(), m_policies.cbegin(),
                               m_policies.cend(), same))
        return;
    m_policies = policies;
    QChart *chart = m_view->chart();
    chart->removeAllSeries();
    m_series = nullptr;
    m_policyAxis = nullptr;
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis); // hands the axis back to us
        delete axis;
    }

    int total = 0;
    int max = 0;
    auto *set = new QBarSet(tr("Held"));
    for (const held::PolicyHoldCount &p : std::as_const(m_policies)) {
        *set << p.count;
        total += p.count;
        max = std::max(max, p.count);
    }
    const QPalette pal = palette();
    set->setColor(pal.color(QPalette::Highlight));
    set->setBorderColor(pal.color(QPalette::Highlight));
    set->setLabelColor(pal.color(QPalette::WindowText));
    set->setSelectedColor(pal.color(QPalette::Highlight).darker(150));
    m_series = new QHorizontalBarSeries;
    m_series->append(set);
    m_series->setBarWidth(0.7);
    m_series->setLabelsVisible(true);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_series->setLabelsFormat(u"@value"_s);
    chart->addSeries(m_series);

    auto *policyAxis = new QBarCategoryAxis;
    m_policyAxis = policyAxis;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_labelFont = small;
    policyAxis->append(categoryLabels());
    policyAxis->setGridLineVisible(false);
    policyAxis->setLabelsColor(pal.color(QPalette::WindowText));
    policyAxis->setLabelsFont(small);
    // The category axis drops labels that would overlap: give every policy a line of its own.
    const int lineHeight = QFontMetrics(small).height() + 4;
    m_view->setMinimumHeight(std::max(140, int(m_policies.size()) * lineHeight + 48));
    // Qt Charts' own truncation turns every label into "…" even with room to spare: the labels
    // are shortened here, to the chart's width (categoryLabels()); the full name is in the tooltip.
    policyAxis->setTruncateLabels(false);
    auto *countAxis = new QValueAxis;
    countAxis->setRange(0, std::max(1.0, max * 1.2));
    countAxis->setLabelFormat(u"%d"_s);
    countAxis->setTickCount(4);
    countAxis->setLabelsColor(pal.color(QPalette::PlaceholderText));
    countAxis->setGridLineColor(pal.color(QPalette::Midlight));
    chart->addAxis(policyAxis, Qt::AlignLeft);
    chart->addAxis(countAxis, Qt::AlignBottom);
    m_series->attachAxis(policyAxis);
    m_series->attachAxis(countAxis);

    connect(m_series, &QHorizontalBarSeries::clicked, this, [this](int index) {
        if (index >= 0 && index < m_policies.size())
            emit policyClicked(m_policies.at(index).policy);
    });
    connect(m_series, &QHorizontalBarSeries::hovered, this, [this](bool on, int index) {
        if (!on || index < 0 || index >= m_policies.size()) {
            QToolTip::hideText();
            return;
        }
        const held::PolicyHoldCount &p = m_policies.at(index);
        QToolTip::showText(
            QCursor::pos(),
            plainToolTip(heldformat::plural(p.count, tr("%1\n1 held message · click to filter"),
                                            tr("%2\n%1 held messages · click to filter"))
                             .arg(p.policy)),
            m_view);
    });
    setSelectedPolicy(m_selected);
    m_caption->setText(m_policies.isEmpty()
                           ? tr("Nothing is held.")
                           : heldformat::plural(int(m_policies.size()),
                                                tr("%1 held by 1 policy · click the bar to filter "
                                                   "the queue"),
                                                tr("%2 held by %1 policies · click a bar to filter "
                                                   "the queue"))
                                 .arg(QLocale().toString(total)));
}

QStringList HeldSummaryChart::categoryLabels() const
{
    const QFontMetrics fm(m_labelFont);
    const int room = std::max(fm.averageCharWidth() * 6, int(m_view->width() * 0.34));
    QStringList labels;
    for (const held::PolicyHoldCount &p : std::as_const(m_policies)) {
        const QString name = shortened(p.policy.isEmpty() ? tr("(no policy)") : p.policy, 22);
        QString label = fm.elidedText(name, Qt::ElideRight, room);
        while (labels.contains(label)) // the axis needs distinct categories
            label += QChar(0x200B);
        labels << label;
    }
    return labels;
}

void HeldSummaryChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_policyAxis)
        return;
    if (const QStringList labels = categoryLabels(); labels != m_policyAxis->categories())
        m_policyAxis->setCategories(labels);
}

void HeldSummaryChart::setSelectedPolicy(const QString &policy)
{
    m_selected = policy;
    if (!m_series || m_series->barSets().isEmpty())
        return;
    QBarSet *set = m_series->barSets().constFirst();
    set->deselectAllBars();
    for (int i = 0; i < m_policies.size(); ++i)
        if (!policy.isEmpty() && m_policies.at(i).policy == policy)
            set->selectBar(i);
}

void HeldSummaryChart::setProblem(const QString &text)
{
    m_caption->setText(text);
}

QPoint HeldSummaryChart::barCenter(const QString &policy) const
{
    for (int i = 0; i < m_policies.size(); ++i) {
        if (m_policies.at(i).policy != policy)
            continue;
        QChart *chart = m_view->chart();
        const QPointF inChart =
            chart->mapToPosition(QPointF(m_policies.at(i).count / 2.0, i), m_series);
        return m_view->mapFromScene(chart->mapToScene(inChart));
    }
    return {};
}

} // namespace mcdesk::ui
