// The results grid's model, proxy and export job without a network: columns in reading order,
// arrays joined as addresses, numbers sorted as numbers, the quick filter, and exports that
// neutralise formulas, write only what was chosen and leave no file when cancelled.
#include "tests/support/csvparse.h"
#include "ui/archive/archiveresultsfilter.h"
#include "ui/archive/archiveresultsmodel.h"
#include "ui/archive/resultsexportjob.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk;

namespace {
QJsonObject email(int i, const QString &subject, qint64 size)
{
    return QJsonObject{
        {u"id"_s, u"id-%1"_s.arg(i)},
        {u"subject"_s, subject},
        {u"size"_s, size},
        {u"receiveddate"_s, u"2026-03-%1T10:00:00+0000"_s.arg(10 + i, 2, 10, QChar(u'0'))},
        {u"displayfromaddress"_s, u"sender%1@example.com"_s.arg(i % 3)},
        {u"displaytoaddresslist"_s,
         QJsonArray{QJsonObject{{u"displayableName"_s, u"Alice"_s},
                                {u"emailAddress"_s, u"alice@corp.example"_s}},
                    QJsonObject{{u"displayableName"_s, u"Bob"_s},
                                {u"emailAddress"_s, u"bob@corp.example"_s}}}},
    };
}

const QStringList kFields{u"id"_s,
                          u"subject"_s,
                          u"size"_s,
                          u"receiveddate"_s,
                          u"displayfromaddress"_s,
                          u"displaytoaddresslist"_s};
} // namespace

class TestArchiveResultsModel : public QObject
{
    Q_OBJECT

private slots:
    void columnsRowsAndDisplay()
    {
        ui::ArchiveResultsModel model;
        ui::ArchiveResultsFilter filter(&model);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(kFields);
        // Reading order: received, from, to, subject, size; the id last.
        QCOMPARE(model.fields(),
                 (QStringList{u"receiveddate"_s, u"displayfromaddress"_s, u"displaytoaddresslist"_s,
                              u"subject"_s, u"size"_s, u"id"_s}));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Received (UTC)"_s);
        QCOMPARE(model.headerData(0, Qt::Horizontal, ui::ArchiveResultsModel::FieldRole).toString(),
                 u"receiveddate"_s);

        model.appendEmails({email(1, u"Quarterly report"_s, 2048), email(2, u"invoice"_s, 10)});
        model.appendEmails({email(3, u"Zebra"_s, 300000)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(filter.rowCount(), 3);
        const int to = model.columnOf(u"displaytoaddresslist"_s);
        QCOMPARE(model.cell(0, to), u"alice@corp.example; bob@corp.example"_s);
        QCOMPARE(model.recipients(0),
                 (QStringList{u"alice@corp.example"_s, u"bob@corp.example"_s}));
        QCOMPARE(model.index(0, 0).data().toString(), u"2026-03-11 10:00:00"_s);
        QCOMPARE(model.index(0, 0).data(ui::ArchiveResultsModel::ExportRole).toString(),
                 u"2026-03-11T10:00:00+0000"_s);
        const int size = model.columnOf(u"size"_s);
        QCOMPARE(model.cell(0, size), u"2048"_s);
        QVERIFY2(model.index(0, size).data().toString().contains(u"kb"_s, Qt::CaseInsensitive),
                 qPrintable(model.index(0, size).data().toString()));
        QCOMPARE(model.value(2, u"id"_s), u"id-3"_s);
        QCOMPARE(model.value(2, u"smash"_s), QString()); // not returned

        // Sizes sort as numbers, text case-insensitively.
        filter.sort(size, Qt::AscendingOrder);
        QCOMPARE(model.cell(filter.mapToSource(filter.index(0, 0)).row(), size), u"10"_s);
        QCOMPARE(model.cell(filter.mapToSource(filter.index(2, 0)).row(), size), u"300000"_s);
        const int subject = model.columnOf(u"subject"_s);
        filter.sort(subject, Qt::AscendingOrder);
        QCOMPARE(model.cell(filter.mapToSource(filter.index(0, 0)).row(), subject), u"invoice"_s);
        QCOMPARE(filter.sourceRows(), (QList<int>{1, 0, 2}));

        // Rows arriving while sorted land in place.
        model.appendEmails({email(4, u"Apple"_s, 1)});
        QCOMPARE(model.cell(filter.mapToSource(filter.index(0, 0)).row(), subject), u"Apple"_s);

        // Every word must match some column.
        filter.setQuickFilter(u"SENDER1 report"_s);
        QCOMPARE(filter.rowCount(), 1);
        filter.setQuickFilter(u"bob@corp"_s);
        QCOMPARE(filter.rowCount(), 4);
        filter.setQuickFilter({});
        QCOMPARE(filter.rowCount(), 4);

        model.reset({u"subject"_s});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 1);
        QCOMPARE(filter.rowCount(), 0);
    }

    void missingAndOddValues()
    {
        ui::ArchiveResultsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset({u"size"_s, u"subject"_s, u"custom"_s, u"subject"_s});
        QCOMPARE(model.columnCount(), 3); // the duplicate dropped
        model.appendEmails({QJsonObject{{u"size"_s, u"77"_s}, {u"custom"_s, true}},
                            QJsonObject{{u"subject"_s, QJsonValue::Null}}});
        QCOMPARE(model.value(0, u"size"_s), u"77"_s);
        QCOMPARE(model.value(0, u"custom"_s), u"true"_s);
        QCOMPARE(model.value(1, u"size"_s), QString());
        QCOMPARE(model.value(1, u"subject"_s), QString());
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), u"custom"_s);
    }

    void csvExportIsFormulaSafeAndChosen()
    {
        QTemporaryDir dir;
        ui::ArchiveResultsModel model;
        model.reset(kFields);
        model.appendEmails({email(1, u"=1+2"_s, 5), email(2, u"plain, with comma"_s, 6),
                            email(3, u"@SUM(A1)"_s, 7)});
        ui::ExportRequest request;
        request.path = dir.filePath(u"out.csv"_s);
        request.data = model.snapshot();
        request.columns = {model.columnOf(u"subject"_s), model.columnOf(u"id"_s)};
        request.rows = {2, 0, 1};
        model.reset({u"id"_s}); // the snapshot is the export's own: clearing the grid is fine

        ui::ResultsExportJob job(request);
        QSignalSpy finished(&job, &ui::ResultsExportJob::finished);
        job.start();
        QVERIFY(finished.wait(10000));
        QVERIFY2(job.ok(), qPrintable(job.errorString()));
        QFile file(request.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = testing::parseCsv(QString::fromUtf8(file.readAll()));
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0), (QStringList{u"subject"_s, u"id"_s}));
        QCOMPARE(rows.at(1), (QStringList{u"'@SUM(A1)"_s, u"id-3"_s}));
        QCOMPARE(rows.at(2), (QStringList{u"'=1+2"_s, u"id-1"_s}));
        QCOMPARE(rows.at(3), (QStringList{u"plain, with comma"_s, u"id-2"_s}));
    }

    void jsonExportKeepsTypes()
    {
        QTemporaryDir dir;
        ui::ArchiveResultsModel model;
        model.reset(kFields);
        model.appendEmails({email(1, u"x"_s, 5)});
        ui::ExportRequest request;
        request.path = dir.filePath(u"out.json"_s);
        request.format = ui::ExportFormat::Json;
        request.data = model.snapshot();
        for (int c = 0; c < model.columnCount(); ++c)
            request.columns << c;
        request.rows = {0};
        std::atomic<qint64> done{0};
        std::atomic<bool> cancel{false};
        QString error;
        QVERIFY(ui::ResultsExportJob::write(request, done, cancel, &error));
        QFile file(request.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject row = QJsonDocument::fromJson(file.readAll()).array().first().toObject();
        QCOMPARE(row.value(u"size"_s), QJsonValue(5));
        QCOMPARE(row.value(u"displaytoaddresslist"_s).toArray().size(), 2);
        QCOMPARE(row.value(u"subject"_s).toString(), u"x"_s);
    }

    void cancelledExportLeavesNoFile()
    {
        QTemporaryDir dir;
        ui::ArchiveResultsModel model;
        model.reset(kFields);
        QJsonArray page;
        for (int i = 0; i < 5000; ++i)
            page.append(email(i, u"s"_s, i));
        model.appendEmails(page);
        ui::ExportRequest request;
        request.path = dir.filePath(u"cancelled.csv"_s);
        request.data = model.snapshot();
        request.columns = {0, 1};
        for (int i = 0; i < model.rowCount(); ++i)
            request.rows << i;
        std::atomic<qint64> done{0};
        std::atomic<bool> cancel{true};
        QString error;
        QVERIFY(!ui::ResultsExportJob::write(request, done, cancel, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(request.path));
    }
};

QTEST_MAIN(TestArchiveResultsModel)
#include "test_archive_results_model.moc"
