// The results grid against an in-process simulator: Stop halts paging, the grid exports to CSV
// that parses back (formulas neutralised) and to JSON, the detail pane, the context menu, and
// screenshots of the page (kept when MCDESK_SCREENSHOT_DIR is set).
#include "tests/gui/archive/archiverig.h"
#include "ui/activity/networklogmodel.h"

#include <QDialog>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using namespace mcdesk::testing;

class TestArchiveResultsGrid : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        // Stop aborts the request in flight and core's ApiCall then reads the aborted reply,
        // which makes Qt warn "device not open" (core's to silence; harmless). Only there.
        if (qstrcmp(QTest::currentTestFunction(), "stopHaltsPaging") == 0)
            QTest::failOnWarning(QRegularExpression(
                u"^(?!This plugin does not support|QStandardPaths: XDG_RUNTIME_DIR|"
                u"QIODevice::read \\(QNetworkReplyHttpImpl\\): device not open).*"_s));
        else
            testing::failOnUnexpectedWarnings();
    }

    void stopHaltsPaging()
    {
        Rig rig(4000);
        QVERIFY(rig.connect());
        QTRY_COMPARE(rig.session.connectionStatus().state, ui::ConnectionStatus::State::Ok);
        rig.sim->setLatency(150);
        rig.setFrame(archive::TimeFrame::LastMonth);
        rig.find<QSpinBox>(u"maxEmails"_s)->setValue(4000);
        ui::ArchiveResultsPanel *results = rig.page.results();
        QSignalSpy finished(results, &ui::ArchiveResultsPanel::searchFinished);
        QTest::mouseClick(rig.find<QPushButton>(u"runSearch"_s), Qt::LeftButton);
        QVERIFY(results->isRunning());
        auto *stop = rig.find<QPushButton>(u"stopSearch"_s);
        QVERIFY(stop->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(results->model()->rowCount() >= 500, 20000);
        QTest::mouseClick(stop, Qt::LeftButton); // may finish at once: the abort is synchronous
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const int rows = results->model()->rowCount();
        QVERIFY2(rows >= 500 && rows < 4000, qPrintable(QString::number(rows)));
        QVERIFY(!stop->isEnabled());
        const QString summary = rig.find<QLabel>(u"resultSummary"_s)->text();
        QVERIFY2(summary.contains(u"stopped"_s), qPrintable(summary));
        // No page arrives and no request goes out after Stop. The client logs every request it
        // sent once it is done with it (the aborted one too), so that log must not grow; the
        // simulator, which may still be reading the aborted request, never sees more than it.
        const auto sent = [&] {
            const ui::NetworkLogModel *log = rig.session.networkLog();
            int n = 0;
            for (int row = 0; row < log->rowCount(); ++row)
                n += log->entry(row).path == kSearchPath ? 1 : 0;
            return n;
        };
        const int sentAtStop = sent();
        QVERIFY(sentAtStop >= 1);
        QSignalSpy inserted(results->model(), &QAbstractItemModel::rowsInserted);
        QVERIFY(!inserted.wait(900)); // kept: asserts that no page arrives during this period
        QCOMPARE(sent(), sentAtStop);
        QVERIFY(rig.sim->requestCount(kSearchPath) <= sentAtStop);
        QVERIFY(!rig.session.currentTask()); // the status bar's task ended too
    }

    void exportedCsvParsesBack()
    {
        Rig rig;
        QVERIFY(rig.connect());
        rig.setFrame(archive::TimeFrame::LastMonth);
        QVERIFY(rig.runAndWait(rig.find<QPushButton>(u"runSearch"_s)));
        ui::ArchiveResultsPanel *results = rig.page.results();
        // A hostile row: a subject a spreadsheet would run as a formula.
        results->model()->appendEmails(QJsonArray{
            QJsonObject{{u"id"_s, u"evil-1"_s},
                        {u"subject"_s, u"=HYPERLINK(\"http://evil.example\",\"Click\")"_s},
                        {u"displayfromaddress"_s, u"mallory@evil.example"_s},
                        {u"receiveddate"_s, u"2026-01-02T03:04:05+0000"_s},
                        {u"size"_s, 1234}}});
        const int rows = results->filterModel()->rowCount();
        QVERIFY(rows >= 1);

        const QString path = rig.env.path(u"results.csv"_s);
        const QStringList columns{u"receiveddate"_s, u"displayfromaddress"_s, u"subject"_s,
                                  u"size"_s};
        QSignalSpy done(results->exporter(), &ui::ArchiveExportController::exportFinished);
        QVERIFY(results->exporter()->exportTo(path, ui::ExportFormat::Csv, columns));
        QVERIFY(done.wait(20000));
        QCOMPARE(done.first().at(0).toBool(), true);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> csv = testing::parseCsv(QString::fromUtf8(file.readAll()));
        QCOMPARE(csv.size(), rows + 1);
        QCOMPARE(csv.first(), columns);
        bool foundEvil = false;
        for (const QStringList &row : csv) {
            QCOMPARE(row.size(), columns.size());
            if (row.at(1) == u"mallory@evil.example"_s) {
                foundEvil = true;
                QCOMPARE(row.at(2), u"'=HYPERLINK(\"http://evil.example\",\"Click\")"_s);
                QCOMPARE(row.at(0), u"2026-01-02T03:04:05+0000"_s); // raw, as Mimecast sent it
                QCOMPARE(row.at(3), u"1234"_s);
            }
        }
        QVERIFY(foundEvil);

        // Only the selection, as JSON.
        QTableView *table = rig.find<QTableView>(u"archiveResultsTable"_s);
        table->selectRow(0);
        table->selectionModel()->select(results->filterModel()->index(2, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QString jsonPath = rig.env.path(u"results.json"_s);
        QVERIFY(results->exporter()->exportTo(jsonPath, ui::ExportFormat::Json, {}, true));
        QVERIFY(done.wait(20000));
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray array = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(array.size(), 2);
        QVERIFY(array.first()[u"size"_s].isDouble());
        QCOMPARE(array.first()[u"id"_s].toString(),
                 results->model()->value(
                     results->filterModel()->mapToSource(results->filterModel()->index(0, 0)).row(),
                     u"id"_s));
    }

    void exportButtonAsksWhereThenWrites()
    {
        Rig rig;
        QVERIFY(rig.connect());
        rig.setFrame(archive::TimeFrame::LastMonth);
        QVERIFY(rig.runAndWait(rig.find<QPushButton>(u"runSearch"_s)));
        ui::ArchiveResultsPanel *results = rig.page.results();
        const int rows = results->filterModel()->rowCount();
        QVERIFY(rows >= 1);
        // The options dialog runs its own event loop: accept it (every column, every row) from
        // inside that loop, once it shows.
        bool optionsShown = false;
        QTimer poll;
        poll.setInterval(10);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *options = rig.page.findChild<QDialog *>(u"exportOptionsDialog"_s);
            if (options && options->isVisible()) {
                poll.stop();
                optionsShown = true;
                options->accept();
            }
        });
        poll.start();
        const QString path = rig.env.path(u"button.json"_s);
        ui::dialogs::setNextSaveFileName(path);
        QSignalSpy done(results->exporter(), &ui::ArchiveExportController::exportFinished);
        QTest::mouseClick(rig.find<QPushButton>(u"exportJson"_s), Qt::LeftButton);
        QVERIFY(optionsShown);
        const QList<ui::dialogs::Asked> asked = ui::dialogs::asked(ui::dialogs::Kind::SaveFile);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().title, u"Export results to JSON"_s);
        QCOMPARE(asked.first().filter, u"JSON files (*.json)"_s);
        QVERIFY2(asked.first().suggested.startsWith(QDir::home().filePath(u"mcdesk-archive-"_s)) &&
                     asked.first().suggested.endsWith(u".json"_s),
                 qPrintable(asked.first().suggested));
        QVERIFY(done.wait(20000));
        QCOMPARE(done.first().at(0).toBool(), true);
        QCOMPARE(done.first().at(1).toString(), path);
        QFile json(path);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QCOMPARE(int(QJsonDocument::fromJson(json.readAll()).array().size()), rows);
    }

    void detailPaneAndContextMenu()
    {
        Rig rig;
        QVERIFY(rig.connect());
        rig.setFrame(archive::TimeFrame::LastMonth);
        QVERIFY(rig.runAndWait(rig.find<QPushButton>(u"runSearch"_s)));
        ui::ArchiveResultsPanel *results = rig.page.results();
        QTableView *table = results->table();
        QSignalSpy shown(results->detailPane(), &ui::ArchiveDetailPane::detailShown);
        table->setCurrentIndex(results->filterModel()->index(0, 0));
        QVERIFY(shown.wait(10000));
        const QString id = results->model()->value(
            results->filterModel()->mapToSource(table->currentIndex()).row(), u"id"_s);
        QCOMPARE(shown.first().first().toString(), id);
        QVERIFY(!rig.find<QPlainTextEdit>(u"archiveDetailBody"_s)->toPlainText().isEmpty());
        QVERIFY(rig.find<QTreeWidget>(u"archiveDetailHeaders"_s)->topLevelItemCount() > 0);
        QCOMPARE(rig.find<QLabel>(u"archiveDetailSubject"_s)->textFormat(), Qt::PlainText);
        QCOMPARE(rig.sim->requestCount(u"/api/archive/get-message-detail"_s), 1);

        const int row = results->filterModel()->mapToSource(table->currentIndex()).row();
        const QString sender = results->model()->value(row, u"displayfromaddress"_s);
        QSignalSpy block(&rig.page, &ui::ArchiveSearchPage::blockSenderRequested);
        QSignalSpy held(&rig.page, &ui::ArchiveSearchPage::showHeldFromSenderRequested);
        QMenu *menu = results->tableActions()->contextMenu();
        child<QAction>(menu, u"blockSender"_s)->trigger();
        child<QAction>(menu, u"showHeldFromSender"_s)->trigger();
        QCOMPARE(block.size(), 1);
        QCOMPARE(block.first().at(0).toString(), sender);
        QCOMPARE(block.first().at(1).toString(), results->model()->recipients(row).value(0));
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.first().at(0).toString(), sender);
        QCOMPARE(results->tableActions()->currentCellText(), results->model()->cell(row, 0));
        QVERIFY(results->tableActions()->selectedRowsText().contains(sender));
    }

    void screenshots()
    {
        Rig rig;
        QVERIFY(rig.connect());
        rig.page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&rig.page));
        saveShot(&rig.page, u"archive-form"_s);
        QTest::keyClicks(rig.find<QLineEdit>(u"fromAddresses"_s),
                         u"contoso-billing.example, bad@"_s);
        rig.setFrame(archive::TimeFrame::Custom);
        saveShot(&rig.page, u"archive-form-invalid"_s);
        rig.find<QLineEdit>(u"fromAddresses"_s)->setText(u"contoso-billing.example"_s);
        QTest::keyClicks(rig.find<QLineEdit>(u"subject"_s), u"invoice"_s);
        rig.setFrame(archive::TimeFrame::LastWeek);
        QTest::mouseClick(rig.find<QPushButton>(u"showXml"_s), Qt::LeftButton);
        QVERIFY(rig.page.xmlPreview());
        saveShot(rig.page.xmlPreview(), u"archive-show-xml"_s);
        rig.page.xmlPreview()->close();

        rig.find<QLineEdit>(u"fromAddresses"_s)->clear();
        rig.find<QLineEdit>(u"subject"_s)->clear();
        rig.setFrame(archive::TimeFrame::LastMonth);
        rig.find<QSpinBox>(u"maxEmails"_s)->setValue(400);
        QVERIFY(rig.runAndWait(rig.find<QPushButton>(u"runSearch"_s)));
        ui::ArchiveResultsPanel *results = rig.page.results();
        QSignalSpy shown(results->detailPane(), &ui::ArchiveDetailPane::detailShown);
        results->table()->setCurrentIndex(results->filterModel()->index(2, 0));
        QVERIFY(shown.wait(10000));
        saveShot(&rig.page, u"archive-results"_s);
    }
};

QTEST_MAIN(TestArchiveResultsGrid)
#include "test_archive_results_grid.moc"
