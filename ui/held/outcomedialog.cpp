#include "ui/held/outcomedialog.h"

#include "core/held/heldformat.h"
#include "ui/common/palette.h"
#include "ui/common/plaintext.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
enum Column { Outcome, Step, Item, Reason, Code, Key, ColumnCount };

QString statusText(HeldOutcomeRow::Status status)
{
    switch (status) {
    case HeldOutcomeRow::Status::Pending:
        return OutcomeDialog::tr("Waiting");
    case HeldOutcomeRow::Status::Done:
        return OutcomeDialog::tr("Done");
    case HeldOutcomeRow::Status::Failed:
        return OutcomeDialog::tr("Failed");
    case HeldOutcomeRow::Status::Unknown:
        return OutcomeDialog::tr("Unknown");
    }
    return {};
}

int severity(HeldOutcomeRow::Status status)
{
    switch (status) {
    case HeldOutcomeRow::Status::Failed:
        return 0;
    case HeldOutcomeRow::Status::Unknown:
        return 1;
    case HeldOutcomeRow::Status::Pending:
        return 2;
    case HeldOutcomeRow::Status::Done:
        return 3;
    }
    return 3;
}
} // namespace

OutcomeDialog::OutcomeDialog(QWidget *parent)
    : QDialog(parent)
    , m_headline(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_retry(new QPushButton(this))
    , m_copy(new QPushButton(tr("&Copy list"), this))
{
    setObjectName(u"heldOutcomeDialog"_s);
    setModal(false);
    setAttribute(Qt::WA_DeleteOnClose, false);
    m_headline->setObjectName(u"outcomeHeadline"_s);
    m_headline->setTextFormat(Qt::PlainText);
    QFont bold = m_headline->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_headline->setFont(bold);
    m_summary->setObjectName(u"outcomeSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    m_list->setObjectName(u"outcomeList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setSortingEnabled(false);
    m_list->setHeaderLabels(
        {tr("Outcome"), tr("Action"), tr("Message or sender"), tr("Reason"), tr("Code"), tr("Id")});
    const int ch = fontMetrics().averageCharWidth();
    const auto width = [this](const QString &sample) {
        return fontMetrics().horizontalAdvance(sample) + fontMetrics().averageCharWidth() * 3;
    };
    m_list->setColumnWidth(Outcome, width(u"Unknown"_s));
    m_list->setColumnWidth(Step, width(u"Release to sandbox"_s));
    m_list->setColumnWidth(Item, width(u"Your parcel 2483 could not be delivered"_s));
    m_list->setColumnWidth(Reason, width(u"The item could not be processed (failure injected)"_s));
    m_list->setColumnWidth(Code, width(u"err_item_processing_failed"_s));

    m_retry->setObjectName(u"retryFailedButton"_s);
    m_retry->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_retry->setToolTip(tr("Send only the failed items again; done items are never repeated and "
                           "unknown ones are left for you to check"));
    m_copy->setObjectName(u"copyOutcomesButton"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"outcomeClose"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_copy, &QPushButton::clicked, this, &OutcomeDialog::copyToClipboard);
    connect(m_retry, &QPushButton::clicked, this, &OutcomeDialog::retryRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(ch * 170, fontMetrics().height() * 26);
    refresh();
}

void OutcomeDialog::setJobs(const QList<HeldActionJob *> &jobs)
{
    for (const QPointer<HeldActionJob> &old : std::as_const(m_jobs))
        if (old)
            disconnect(old, nullptr, this, nullptr);
    m_jobs.clear();
    for (HeldActionJob *job : jobs) {
        m_jobs.append(job);
        connect(job, &HeldActionJob::changed, this, &OutcomeDialog::scheduleRefresh);
        connect(job, &HeldActionJob::finished, this, &OutcomeDialog::refresh); // at once
    }
    refresh();
}

QList<HeldActionJob *> OutcomeDialog::liveJobs() const
{
    QList<HeldActionJob *> out;
    for (const QPointer<HeldActionJob> &job : m_jobs)
        if (job)
            out.append(job);
    return out;
}

void OutcomeDialog::scheduleRefresh()
{
    // A job reports several changes in one go; the list of a thousand items is built once.
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_refreshPending)
                refresh();
        },
        Qt::QueuedConnection);
}

void OutcomeDialog::refresh()
{
    m_refreshPending = false;
    m_list->clear();
    const QList<HeldActionJob *> jobs = liveJobs();
    if (jobs.isEmpty()) {
        setWindowTitle(tr("Outcome"));
        m_headline->clear();
        m_summary->clear();
        m_retry->setEnabled(false);
        m_retry->setText(tr("&Retry failed"));
        return;
    }
    const QString title = jobs.size() == 1 ? jobs.first()->title() : tr("Apply marks");
    setWindowTitle(tr("%1 — outcome").arg(title));
    int failed = 0, unknown = 0, retryable = 0;
    bool running = false;
    QStringList summaries;
    QList<HeldOutcomeRow> rows;
    for (const HeldActionJob *job : jobs) {
        failed += job->count(HeldOutcomeRow::Status::Failed);
        unknown += job->count(HeldOutcomeRow::Status::Unknown);
        retryable += job->retryableCount();
        running = running || job->isRunning();
        summaries << job->summary();
        rows += job->rows();
    }
    if (running)
        m_headline->setText(tr("%1 in progress…").arg(title));
    else if (failed == 0 && unknown == 0)
        m_headline->setText(tr("%1: every item done").arg(title));
    else if (failed > 0)
        m_headline->setText(
            heldformat::plural(failed, tr("%1: 1 item failed"), tr("%2: %1 items failed"))
                .arg(title));
    else
        m_headline->setText(
            heldformat::plural(unknown, tr("%1: 1 outcome unknown — refresh the queue and check"),
                               tr("%2: %1 outcomes unknown — refresh the queue and check"))
                .arg(title));
    m_summary->setText(summaries.join(u'\n'));

    // Problems first, so they are seen without scrolling; otherwise the jobs' order.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const HeldOutcomeRow &a, const HeldOutcomeRow &b) {
                         return severity(a.status) < severity(b.status);
                     });
    const QPalette pal = palette();
    QList<QTreeWidgetItem *> items;
    items.reserve(rows.size());
    for (const HeldOutcomeRow &row : std::as_const(rows)) {
        auto *item =
            new QTreeWidgetItem({statusText(row.status), row.step, row.label, row.message, row.code,
                                 row.key.contains(u'\x1f') ? QString() : row.key});
        palette::Status tone = palette::Status::Neutral;
        if (row.status == HeldOutcomeRow::Status::Done)
            tone = palette::Status::Good;
        else if (row.status == HeldOutcomeRow::Status::Failed)
            tone = palette::Status::Bad;
        else if (row.status == HeldOutcomeRow::Status::Unknown)
            tone = palette::Status::Warning;
        if (tone != palette::Status::Neutral)
            item->setForeground(Outcome, palette::statusColor(tone, pal));
        if (row.status != HeldOutcomeRow::Status::Done) {
            QFont bold = item->font(Outcome);
            bold.setBold(true);
            item->setFont(Outcome, bold);
        }
        item->setData(Outcome, Qt::UserRole, int(row.status));
        item->setToolTip(Item, plainToolTip(row.label));
        item->setToolTip(Reason, plainToolTip(row.message));
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    m_retry->setText(retryable ? tr("&Retry failed (%1)").arg(retryable) : tr("&Retry failed"));
    m_retry->setEnabled(retryable > 0 && !running);
}

void OutcomeDialog::copyToClipboard()
{
    QStringList lines{u"outcome\taction\titem\treason\tcode\tid"_s};
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << m_list->topLevelItem(i)->text(c).replace(u'\t', u' ').replace(u'\x1f', u' ');
        lines << cells.join(u'\t');
    }
    QApplication::clipboard()->setText(lines.join(u'\n'));
}

} // namespace mcdesk::ui
