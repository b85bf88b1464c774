// The held queue page: loading (progressively, stale pages dropped), filtering on Mimecast's
// side and locally, sorting, the details pane, the summary chart's filter, the context menu's
// signals, export and layout.
#include "tests/gui/held/heldtestsupport.h"

#include "ui/common/elidedlabel.h"
#include "ui/held/helddetailspane.h"
#include "ui/held/heldfiltermodel.h"
#include "ui/held/heldqueueloader.h"
#include "ui/held/heldsummarychart.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;
using testing::HeldFixture;
using Model = ui::HeldMessageModel;

class TestHeldQueuePage : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void loadsFiltersAndSorts()
    {
        HeldFixture f(120);
        QAbstractItemModelTester modelTester(f.page->model());
        QAbstractItemModelTester proxyTester(f.page->proxy());
        QVERIFY(f.connectAndLoad());
        const int total = f.page->totalCount();
        QVERIFY(total > 100);
        QCOMPARE(f.table()->model()->rowCount(), total);
        QCOMPARE(child<QLabel>(f.page.get(), u"heldShowing"_s)->text(),
                 u"Showing %1 of %1 held messages"_s.arg(total));
        // One request with admin:true and the time range; nothing asked for more than exists.
        const QJsonObject data =
            f.bodies(u"/api/gateway/get-hold-message-list"_s).first()[u"data"_s][0].toObject();
        QCOMPARE(data[u"admin"_s].toBool(), true);
        QVERIFY(data.contains(u"start"_s) && data.contains(u"end"_s));
        testing::saveShot(f.page.get(), u"held-queue"_s);

        // Newest first by default; sorting by size sorts by bytes, not by the text shown.
        QAbstractItemModel *view = f.table()->model();
        const auto sortValue = [&](int row, int column) {
            return view->index(row, column).data(Model::SortRole).toLongLong();
        };
        for (int row = 1; row < view->rowCount(); ++row)
            QVERIFY(sortValue(row - 1, Model::Received) >= sortValue(row, Model::Received));
        f.table()->sortByColumn(Model::Size, Qt::AscendingOrder);
        for (int row = 1; row < view->rowCount(); ++row)
            QVERIFY(sortValue(row - 1, Model::Size) <= sortValue(row, Model::Size));

        // The quick filter narrows locally: no request.
        const int requests = int(f.sim->requests().size());
        const QString subject = view->index(0, Model::Subject).data().toString();
        QTest::keyClicks(child<QLineEdit>(f.page.get(), u"heldQuickFilter"_s), subject);
        QVERIFY(view->rowCount() >= 1 && view->rowCount() < total);
        QCOMPARE(int(f.sim->requests().size()), requests);
        QVERIFY(child<QLabel>(f.page.get(), u"heldShowing"_s)->text().contains(u"filtered"_s));
        child<QLineEdit>(f.page.get(), u"heldQuickFilter"_s)->clear();
        QCOMPARE(view->rowCount(), total);

        // A sender search asks Mimecast, with the documented searchBy.
        const QString sender = view->index(0, Model::EnvelopeFrom).data().toString();
        auto *field = child<QComboBox>(f.page.get(), u"heldSearchField"_s);
        field->setCurrentIndex(field->findData(u"sender"_s));
        QTest::keyClicks(child<QLineEdit>(f.page.get(), u"heldSearchValue"_s), sender);
        QTest::mouseClick(child<QPushButton>(f.page.get(), u"heldSearchButton"_s), Qt::LeftButton);
        QTRY_VERIFY(f.page->isLoaded());
        QVERIFY(view->rowCount() >= 1 && view->rowCount() < total);
        for (int row = 0; row < view->rowCount(); ++row)
            QVERIFY(view->index(row, Model::EnvelopeFrom).data().toString().contains(sender));
        const QJsonObject searched =
            f.bodies(u"/api/gateway/get-hold-message-list"_s).last()[u"data"_s][0].toObject();
        QCOMPARE(searched[u"searchBy"_s].toObject(),
                 (QJsonObject{{u"fieldName"_s, u"sender"_s}, {u"value"_s, sender}}));

        // Route goes as filterBy.
        auto *route = child<QComboBox>(f.page.get(), u"heldRoute"_s);
        route->setCurrentIndex(route->findData(u"inbound"_s));
        emit route->activated(route->currentIndex());
        QTRY_VERIFY(f.page->isLoaded());
        const QJsonObject routed =
            f.bodies(u"/api/gateway/get-hold-message-list"_s).last()[u"data"_s][0].toObject();
        QCOMPARE(routed[u"filterBy"_s].toArray().first().toObject()[u"value"_s].toString(),
                 u"inbound"_s);
    }

    void untrustedTextStaysPlain()
    {
        Model model;
        QAbstractItemModelTester tester(&model);
        held::HeldMessage m;
        m.id = u"x"_s;
        m.subject = u"<b>Invoice</b><img src=x>"_s;
        m.size = 1536;
        QVERIFY(model.appendPage(model.beginQuery(), {m}));
        QCOMPARE(model.index(0, Model::Subject).data().toString(), m.subject);
        const QString tip = model.index(0, Model::Subject).data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(u"&lt;b&gt;Invoice&lt;/b&gt;"_s));
        QVERIFY(!tip.contains(u"<b>"_s));
        QCOMPARE(model.index(0, Model::Size).data(Model::SortRole).toLongLong(), 1536);
        QCOMPARE(model.index(0, Model::Size).data(Model::ExportRole).toString(), u"1536"_s);
    }

    void stalePagesAreDropped()
    {
        // The model: a page of a superseded query changes nothing.
        Model model;
        QAbstractItemModelTester tester(&model);
        held::HeldMessage m;
        m.id = u"old"_s;
        const quint64 first = model.beginQuery();
        const quint64 second = model.beginQuery();
        QVERIFY(!model.appendPage(first, {m}));
        QCOMPARE(model.rowCount(), 0);
        m.id = u"new"_s;
        QVERIFY(model.appendPage(second, {m}));
        QCOMPARE(model.rowCount(), 1);

        // The page: a slow query for everything, superseded at once by a subject search.
        HeldFixture f(1200, 0);
        QVERIFY(f.connectAndLoad());
        const QString subject =
            f.table()->model()->index(0, Model::Subject).data().toString().section(u' ', 0, 1);
        f.sim->setLatency(150);
        f.page->reload();
        auto *field = child<QComboBox>(f.page.get(), u"heldSearchField"_s);
        field->setCurrentIndex(field->findData(u"subject"_s));
        QTest::keyClicks(child<QLineEdit>(f.page.get(), u"heldSearchValue"_s), subject);
        QTest::keyClick(child<QLineEdit>(f.page.get(), u"heldSearchValue"_s), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(f.page->isLoaded(), 30000);
        // Every list request the simulator took has come back to the client (or was cancelled
        // by it), so no reply of the first query is still on its way: it must have changed
        // nothing.
        const QString list = u"/api/gateway/get-hold-message-list"_s;
        QTRY_VERIFY_WITH_TIMEOUT(f.logged(list) >= f.sim->requestCount(list), 10000);
        QAbstractItemModel *view = f.table()->model();
        QVERIFY(view->rowCount() >= 1);
        QCOMPARE(view->rowCount(), f.page->totalCount());
        for (int row = 0; row < view->rowCount(); ++row)
            QVERIFY(view->index(row, Model::Subject)
                        .data()
                        .toString()
                        .contains(subject, Qt::CaseInsensitive));
    }

    void firstRowsShowWhileLaterPagesLoad()
    {
        HeldFixture f(1200, 0);
        QVERIFY(f.connectAndLoad());
        QCOMPARE(f.page->model()->rowCount(), f.page->totalCount());
        QVERIFY(f.page->totalCount() > 1000);
        QCOMPARE(f.sim->requestCount(u"/api/gateway/get-hold-message-list"_s), 3); // 500 a page
        f.sim->setLatency(200);
        f.page->reload();
        // Rows are there while the query is still running (a 430 KB page takes seconds to
        // parse under ASan on a busy machine).
        QTRY_VERIFY_WITH_TIMEOUT(f.page->model()->rowCount() > 0, 30000);
        QVERIFY(!f.page->isLoaded());
        QVERIFY(f.session->currentTask().has_value());
        QVERIFY(child<QLabel>(f.page.get(), u"heldShowing"_s)->text().contains(u"loading"_s));
        QTRY_VERIFY_WITH_TIMEOUT(f.page->isLoaded(), 30000);
        QCOMPARE(f.page->model()->rowCount(), f.page->totalCount());
        QVERIFY(!f.session->currentTask().has_value());
    }

    void detailsPaneShowsAttachmentsAndHeaders()
    {
        HeldFixture f(80);
        QVERIFY(f.connectAndLoad());
        QAbstractItemModel *view = f.table()->model();
        int row = 1; // not the first: that one is current already
        while (row < view->rowCount() &&
               view->index(row, Model::Attachments).data().toString().isEmpty())
            ++row;
        QVERIFY(row < view->rowCount());
        // The first row is current once the queue has loaded, as in a mail client.
        auto *details = child<ui::HeldDetailsPane>(f.page.get(), u"heldDetails"_s);
        QCOMPARE(f.table()->currentIndex().row(), 0);
        QTRY_VERIFY(details->detailLoaded());
        f.sim->clearRequests();
        f.table()->setCurrentIndex(view->index(row, Model::Subject));
        QCOMPARE(child<ui::ElidedLabel>(details, u"heldDetailId"_s)->fullText(),
                 view->index(row, 0).data(Model::IdRole).toString());
        QTRY_VERIFY(details->detailLoaded());
        auto *attachments = child<QTreeWidget>(details, u"heldAttachments"_s);
        QVERIFY(attachments->topLevelItemCount() >= 1);
        const QTreeWidgetItem *first = attachments->topLevelItem(0);
        QVERIFY(!first->text(0).isEmpty());
        QCOMPARE(first->text(4).size(), 64); // SHA-256 in hex
        QVERIFY(!first->text(1).isEmpty());  // verdict
        QVERIFY(child<QPlainTextEdit>(details, u"heldDetailHeaders"_s)
                    ->toPlainText()
                    .contains(u"Subject: "_s));
        QVERIFY(details->plainText().contains(first->text(4)));
        QCOMPARE(f.sim->requestCount(u"/api/gateway/message/get-message-detail"_s), 1);
        testing::saveShot(f.page.get(), u"held-details"_s);
    }

    void summaryBarClickFiltersThePolicy()
    {
        HeldFixture f(150);
        QVERIFY(f.connectAndLoad());
        auto *chart = f.page->summaryChart();
        QTRY_VERIFY(!chart->policies().isEmpty());
        const held::PolicyHoldCount largest = chart->policies().constLast();
        auto *view = child<QChartView>(f.page.get(), u"heldSummaryChart"_s);
        const QPoint bar = chart->barCenter(largest.policy);
        QVERIFY(view->viewport()->rect().contains(bar));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, bar);
        QAbstractItemModel *table = f.table()->model();
        QTRY_COMPARE(f.page->proxy()->policyFilter(), largest.policy);
        QVERIFY(table->rowCount() > 0 && table->rowCount() < f.page->model()->rowCount());
        for (int row = 0; row < table->rowCount(); ++row)
            QCOMPARE(table->index(row, Model::Policy).data().toString(), largest.policy);
        auto *chip = child<QToolButton>(f.page.get(), u"heldPolicyFilter"_s);
        QVERIFY(chip->isVisible());
        QVERIFY(chip->text().contains(largest.policy));
        testing::saveShot(f.page.get(), u"held-policy-filter"_s);
        QTest::mouseClick(chip, Qt::LeftButton);
        QCOMPARE(table->rowCount(), f.page->model()->rowCount());
        QVERIFY(!chip->isVisible());
    }

    void contextActionsEmitSignalsAndShowFromSender()
    {
        HeldFixture f(60);
        QVERIFY(f.connectAndLoad());
        f.selectFirst(1);
        const held::HeldMessage m = f.page->selectedMessages().first();
        QSignalSpy archive(f.page.get(), &ui::HeldQueuePage::searchArchiveForSender);
        QSignalSpy block(f.page.get(), &ui::HeldQueuePage::blockSenderRequested);
        child<QAction>(f.page.get(), u"searchArchiveSenderAction"_s)->trigger();
        child<QAction>(f.page.get(), u"blockSenderAction"_s)->trigger();
        QCOMPARE(archive.size(), 1);
        QCOMPARE(archive.first().first().toString(), m.fromEnvelope.email);
        QCOMPARE(block.size(), 1);
        QCOMPARE(block.first().at(0).toString(), m.fromEnvelope.email);
        QCOMPARE(block.first().at(1).toString(), m.to.email);
        // Shortcuts are on the actions (and so shown in the menus).
        QCOMPARE(child<QAction>(f.page.get(), u"releaseAction"_s)->shortcut(),
                 QKeySequence(u"Ctrl+R"_s));
        QVERIFY(child<QAction>(f.page.get(), u"rejectAction"_s)
                    ->shortcuts()
                    .contains(QKeySequence(Qt::Key_Delete)));
        QVERIFY(
            child<QAction>(f.page.get(), u"reportAction"_s)->text().contains(u"(deprecated)"_s));

        // The archive page's "held from this sender".
        f.page->showHeldFromSender(m.fromEnvelope.email);
        QTRY_VERIFY(f.page->isLoaded());
        QCOMPARE(child<QComboBox>(f.page.get(), u"heldSearchField"_s)->currentData().toString(),
                 u"sender"_s);
        QCOMPARE(child<QLineEdit>(f.page.get(), u"heldSearchValue"_s)->text(),
                 m.fromEnvelope.email);
        QAbstractItemModel *view = f.table()->model();
        QVERIFY(view->rowCount() >= 1);
        for (int row = 0; row < view->rowCount(); ++row)
            QCOMPARE(view->index(row, Model::EnvelopeFrom).data().toString(), m.fromEnvelope.email);
    }

    void exportsTheViewAndKeepsTheLayout()
    {
        HeldFixture f(40);
        QVERIFY(f.connectAndLoad());
        QHeaderView *header = f.table()->horizontalHeader();
        header->showSection(Model::Id);
        header->hideSection(Model::Reason);
        QTest::keyClicks(child<QLineEdit>(f.page.get(), u"heldQuickFilter"_s), u"a"_s);
        const int shown = f.table()->model()->rowCount();
        const QString path = f.env.path(u"held.csv"_s);
        ui::dialogs::setNextSaveFileName(path);
        child<QAction>(f.page.get(), u"exportHeldAction"_s)->trigger();
        const QList<ui::dialogs::Asked> asked = ui::dialogs::asked(ui::dialogs::Kind::SaveFile);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().title, u"Export held messages"_s);
        QCOMPARE(asked.first().filter, u"CSV files (*.csv)"_s);
        QVERIFY(asked.first().suggested.endsWith(u".csv"_s));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), shown + 1);
        QVERIFY(lines.first().startsWith(u"Received,From,To,Subject,Policy"_s));
        QVERIFY(lines.first().endsWith(u",Id"_s));
        QVERIFY(!lines.first().contains(u"Reason"_s));
        QVERIFY(lines.at(1).contains(u"Z,"_s)); // UTC ISO time

        QSettings settings(f.env.path(u"layout.ini"_s), QSettings::IniFormat);
        f.page->saveLayout(settings);
        ui::HeldQueuePage other(f.session.get());
        other.restoreLayout(settings);
        auto *otherHeader = child<QTableView>(&other, u"heldTable"_s)->horizontalHeader();
        QVERIFY(otherHeader->isSectionHidden(Model::Reason));
        QVERIFY(!otherHeader->isSectionHidden(Model::Id));
    }
};

QTEST_MAIN(TestHeldQueuePage)
#include "test_held_queue_page.moc"
