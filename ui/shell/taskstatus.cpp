#include "ui/shell/taskstatus.h"

#include "ui/shell/session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <limits>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

TaskStatus::TaskStatus(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(u"statusTask"_s);
    m_label->setObjectName(u"statusTaskLabel"_s);
    m_label->setTextFormat(Qt::PlainText);
    m_progress->setObjectName(u"statusProgress"_s);
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 24);
    m_progress->setTextVisible(true);
    m_cancel->setObjectName(u"statusCancel"_s);
    m_cancel->setToolTip(tr("Stop the running work (Esc in most pages)"));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_taskId)
            m_session->cancelTask(m_taskId);
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    connect(session, &Session::tasksChanged, this, &TaskStatus::refresh);
    refresh();
}

void TaskStatus::refresh()
{
    const std::optional<TaskInfo> task = m_session->currentTask();
    m_taskId = task ? task->id : 0;
    setVisible(task.has_value());
    if (!task)
        return;
    m_label->setText(task->label);
    if (task->total > 0) {
        // QProgressBar counts in int; scale large totals down to per-mille.
        const bool large = task->total > std::numeric_limits<int>::max();
        m_progress->setRange(0, large ? 1000 : int(task->total));
        m_progress->setValue(large ? int(task->done * 1000 / task->total)
                                   : int(qMin(task->done, task->total)));
        m_progress->setFormat(tr("%1 of %2").arg(task->done).arg(task->total));
    } else {
        m_progress->setRange(0, 0); // busy
        m_progress->setFormat({});
    }
    m_cancel->setEnabled(task->cancellable);
}

} // namespace mcdesk::ui
