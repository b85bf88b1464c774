#include "ui/archive/archiveexportcontroller.h"

#include "ui/archive/archiveresultsfilter.h"
#include "ui/archive/archiveresultsmodel.h"
#include "ui/archive/exportoptionsdialog.h"
#include "ui/common/dialogs.h"
#include "ui/common/uilogging.h"
#include "ui/shell/session.h"

#include <QDateTime>
#include <QDir>
#include <QItemSelectionModel>
#include <QTableView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

ArchiveExportController::ArchiveExportController(Session *session, ArchiveResultsFilter *filter,
                                                 QTableView *table, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_filter(filter)
    , m_model(qobject_cast<ArchiveResultsModel *>(filter->sourceModel()))
    , m_table(table)
{}

QList<int> ArchiveExportController::selectedRows() const
{
    QList<int> proxyRows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        proxyRows << index.row();
    std::sort(proxyRows.begin(), proxyRows.end());
    QList<int> rows;
    rows.reserve(proxyRows.size());
    for (int r : proxyRows)
        rows << m_filter->mapToSource(m_filter->index(r, 0)).row();
    return rows;
}

void ArchiveExportController::exportInteractive(ExportFormat format)
{
    if (isRunning() || m_filter->rowCount() == 0)
        return;
    QStringList labels;
    const QStringList fields = m_model->fields();
    for (const QString &f : fields)
        labels << ArchiveResultsModel::fieldLabel(f);
    const QString formatName = format == ExportFormat::Csv ? u"CSV"_s : u"JSON"_s;
    ExportOptionsDialog options(formatName, labels, fields, m_filter->rowCount(),
                                int(m_table->selectionModel()->selectedRows().size()),
                                m_table->window());
    if (options.exec() != QDialog::Accepted)
        return;
    QStringList chosen;
    for (int c : options.columns())
        chosen << fields.at(c);
    const QString suggested = QDir::home().filePath(
        u"mcdesk-archive-%1.%2"_s.arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmm"_s),
                                      format == ExportFormat::Csv ? u"csv"_s : u"json"_s));
    const bool csv = format == ExportFormat::Csv;
    const QString path = dialogs::saveFileName(
        m_table->window(),
        {csv ? tr("Export results to CSV") : tr("Export results to JSON"), suggested,
         csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"), u"archiveExportDialog"_s});
    if (!path.isEmpty())
        exportTo(path, format, chosen, options.selectionOnly());
}

bool ArchiveExportController::exportTo(const QString &path, ExportFormat format,
                                       const QStringList &fields, bool selectionOnly)
{
    if (isRunning())
        return false;
    ExportRequest request;
    request.path = path;
    request.format = format;
    request.data = m_model->snapshot(); // shares the columns: no copy of the cells
    for (const QString &f : fields.isEmpty() ? m_model->fields() : fields) {
        const int column = m_model->columnOf(f);
        if (column >= 0)
            request.columns << column;
    }
    request.rows = selectionOnly ? selectedRows() : m_filter->sourceRows();
    if (request.columns.isEmpty() || request.rows.isEmpty()) {
        m_session->reportError(
            tr("There is nothing to export: choose at least one column and row."));
        return false;
    }

    m_job = new ResultsExportJob(std::move(request), this);
    const QString name = QDir::toNativeSeparators(path);
    m_task = m_session->beginTask(tr("Exporting %L1 messages to %2").arg(m_job->total()).arg(name),
                                  [job = m_job] {
                                      if (job)
                                          job->cancel();
                                  });
    connect(m_job, &ResultsExportJob::progress, this,
            [this](qint64 done, qint64 total) { m_session->progress(m_task, done, total); });
    connect(m_job, &ResultsExportJob::finished, this, &ArchiveExportController::jobFinished);
    m_job->start();
    emit runningChanged(true);
    return true;
}

void ArchiveExportController::jobFinished()
{
    ResultsExportJob *job = m_job;
    m_job = nullptr;
    m_session->endTask(m_task);
    m_task = 0;
    job->deleteLater();
    const QString path = job->request().path;
    const QString name = QDir::toNativeSeparators(path);
    if (job->ok()) {
        qCInfo(lcUiArchive) << "exported" << job->total() << "archive results";
        m_session->showStatus(tr("Exported %L1 messages to %2").arg(job->total()).arg(name));
    } else if (job->wasCancelled()) {
        m_session->showStatus(tr("Export to %1 cancelled; no file was written.").arg(name));
    } else {
        m_session->reportError(tr("The results could not be exported to %1.").arg(name),
                               job->errorString());
    }
    emit runningChanged(false);
    emit exportFinished(job->ok(), path);
}

} // namespace mcdesk::ui
