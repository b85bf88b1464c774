#include "ui/archive/resultsexportjob.h"

#include "core/export/csvwriter.h"
#include "core/export/jsonexport.h"

#include <QJsonObject>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

namespace mcdesk::ui {

namespace {
constexpr int kProgressEvery = 1024; // rows between progress updates and cancel checks

bool writeCsv(const ExportRequest &r, std::atomic<qint64> &done, const std::atomic<bool> &cancel,
              QString *error)
{
    exporting::CsvWriter csv;
    if (!csv.open(r.path, error))
        return false;
    QStringList cells;
    for (int c : r.columns)
        cells << r.data.columns.at(c).field;
    if (!csv.writeRow(cells)) {
        *error = csv.errorString();
        return false;
    }
    qint64 written = 0;
    for (int row : r.rows) {
        for (int i = 0; i < r.columns.size(); ++i)
            cells[i] = r.data.columns.at(r.columns.at(i)).cell(row);
        if (!csv.writeRow(cells)) {
            *error = csv.errorString();
            return false;
        }
        if (++written % kProgressEvery == 0) {
            done = written;
            if (cancel) {
                csv.cancel();
                *error = ResultsExportJob::tr("Cancelled.");
                return false;
            }
        }
    }
    done = written;
    return csv.commit(error);
}

QJsonValue jsonValue(const ArchiveResultColumn &column, int row)
{
    if (column.numeric) {
        const qint64 n = column.numbers.at(row);
        return n == ArchiveResultColumn::kNoNumber ? QJsonValue() : QJsonValue(n);
    }
    const QString &text = column.text.at(row);
    if (column.field.compare(u"displaytoaddresslist"_s, Qt::CaseInsensitive) == 0)
        return QJsonArray::fromStringList(text.split(u"; "_s, Qt::SkipEmptyParts));
    return text;
}

bool writeJson(const ExportRequest &r, std::atomic<qint64> &done, const std::atomic<bool> &cancel,
               QString *error)
{
    QJsonArray rows;
    qint64 built = 0;
    for (int row : r.rows) {
        QJsonObject item;
        for (int c : r.columns)
            item.insert(r.data.columns.at(c).field, jsonValue(r.data.columns.at(c), row));
        rows.append(item);
        if (++built % kProgressEvery == 0) {
            done = built;
            if (cancel) {
                *error = ResultsExportJob::tr("Cancelled.");
                return false;
            }
        }
    }
    done = built;
    return exporting::JsonExport::write(r.path, rows, error);
}
} // namespace

ResultsExportJob::ResultsExportJob(ExportRequest request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, [this] { emit progress(m_done, total()); });
}

ResultsExportJob::~ResultsExportJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool ResultsExportJob::write(const ExportRequest &request, std::atomic<qint64> &done,
                             const std::atomic<bool> &cancel, QString *error)
{
    QString ignored;
    QString *e = error ? error : &ignored;
    return request.format == ExportFormat::Csv ? writeCsv(request, done, cancel, e)
                                               : writeJson(request, done, cancel, e);
}

void ResultsExportJob::start()
{
    if (m_thread)
        return;
    // The worker only reads m_request (its own implicitly shared copy) and writes m_ok /
    // m_error, which the GUI thread reads after QThread::finished.
    m_thread = QThread::create([this] { m_ok = write(m_request, m_done, m_cancel, &m_error); });
    m_thread->setObjectName(u"archiveExport"_s);
    connect(m_thread, &QThread::finished, this, &ResultsExportJob::workerFinished);
    m_poll.start();
    m_thread->start();
}

void ResultsExportJob::workerFinished()
{
    m_poll.stop();
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    emit progress(m_done, total());
    emit finished();
}

} // namespace mcdesk::ui
