// The Activity page: the audit log filtered by case, action and date, exported to CSV, with
// its empty, loading, error and data states; and the network log of the session.
#include "tests/support/csvparse.h"
#include "tests/support/guitestsupport.h"
#include "ui/activity/activitypage.h"
#include "ui/activity/auditfiltermodel.h"
#include "ui/activity/auditmodel.h"
#include "ui/activity/networklogmodel.h"
#include "ui/shell/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;

namespace {
audit::AuditEntry entry(const QString &time, const QString &action, const QString &caseId)
{
    audit::AuditEntry e;
    e.timeUtc = QDateTime::fromString(time, Qt::ISODate);
    e.profile = u"Production"_s;
    e.action = action;
    e.caseId = caseId;
    e.alertGroups = {u"AG-9"_s};
    e.items = {QJsonObject{{u"id"_s, u"msg-1"_s}, {u"outcome"_s, u"done"_s}}};
    e.message = u"1 of 1 done"_s;
    return e;
}

using mcdesk::testing::parseCsv;

void saveStateShot(QWidget *widget, const QString &name)
{
    testing::saveShot(widget, u"activity-"_s + name);
}
} // namespace

class TestActivityPage : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void statesEmptyLoadingData()
    {
        testing::GuiEnvironment env;
        ui::Session session(env.auditPath());
        ui::ActivityPage page(&session);
        page.resize(1000, 600);
        page.show();
        auto *state = child<QStackedWidget>(&page, u"activityAuditState"_s);
        QCOMPARE(state->currentWidget()->objectName(), u"activityLoading"_s);
        QVERIFY(!page.isLoaded());
        saveStateShot(&page, u"loading"_s);
        QTRY_VERIFY(page.isLoaded());
        QCOMPARE(state->currentWidget()->objectName(), u"activityEmpty"_s);
        QVERIFY(!child<QPushButton>(&page, u"activityExport"_s)->isEnabled());
        saveStateShot(&page, u"empty"_s);

        // An entry the session's audit trail writes becomes a row; the file is not read again.
        QSignalSpy loaded(&page, &ui::Page::loaded);
        session.auditTrail()->append(
            entry(u"2026-11-27T10:00:00Z"_s, u"release-message"_s, u"INC-1"_s), this, {});
        QTRY_COMPARE(page.filterModel()->rowCount(), 1);
        QCOMPARE(state->currentWidget()->objectName(), u"activityTable"_s);
        QCOMPARE(loaded.size(), 0);
        // Written by someone else (mcdesk-cli): shown after Reload, once.
        QVERIFY(audit::AuditLog(env.auditPath())
                    .append(entry(u"2026-11-27T11:00:00Z"_s, u"block-sender"_s, u"INC-2"_s)));
        QCOMPARE(page.filterModel()->rowCount(), 1);
        page.reload();
        QVERIFY(loaded.wait());
        QCOMPARE(page.filterModel()->rowCount(), 2);
    }

    void unreadableLogShowsTheError()
    {
        testing::GuiEnvironment env;
        QVERIFY(QDir().mkpath(env.auditPath())); // a directory where the file should be
        ui::Session session(env.auditPath());
        QSignalSpy errors(&session, &ui::Session::errorReported);
        ui::ActivityPage page(&session);
        page.resize(1000, 600);
        page.show();
        QTRY_VERIFY(page.isLoaded());
        auto *state = child<QStackedWidget>(&page, u"activityAuditState"_s);
        QCOMPARE(state->currentWidget()->objectName(), u"activityError"_s);
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().at(0).toString().contains(u"audit log"_s));
        saveStateShot(&page, u"error"_s);
    }

    void filtersNarrowTheTableAndExportParsesBack()
    {
        testing::GuiEnvironment env;
        audit::AuditLog log(env.auditPath());
        QVERIFY(log.append(entry(u"2026-11-20T09:00:00Z"_s, u"release-message"_s, u"INC-0417"_s)));
        QVERIFY(log.append(entry(u"2026-11-25T09:00:00Z"_s, u"reject-message"_s, u"INC-0417"_s)));
        QVERIFY(log.append(entry(u"2026-11-26T09:00:00Z"_s, u"block-sender"_s, u"INC-0420"_s)));
        QVERIFY(log.append(entry(u"2026-11-27T09:00:00Z"_s, u"release-message"_s,
                                 u"=HYPERLINK(\"http://x\",\"case, \"\"1\"\"\")"_s)));
        ui::Session session(env.auditPath());
        ui::ActivityPage page(&session);
        page.resize(1100, 600);
        page.show();
        QTRY_VERIFY(page.isLoaded());
        auto *table = child<QTableView>(&page, u"activityTable"_s);
        QVERIFY(!table->tabKeyNavigation()); // Tab leaves the table, as on every other page
        QCOMPARE(table->model()->rowCount(), 4);
        saveStateShot(&page, u"data"_s);
        // Newest first.
        QCOMPARE(table->model()->index(0, ui::AuditModel::Case).data().toString().left(10),
                 u"=HYPERLINK"_s);

        auto *caseFilter = child<QLineEdit>(&page, u"activityCaseFilter"_s);
        QTest::keyClicks(caseFilter, u"0417"_s);
        QCOMPARE(table->model()->rowCount(), 2);

        auto *actionFilter = child<QComboBox>(&page, u"activityActionFilter"_s);
        actionFilter->setCurrentIndex(actionFilter->findData(u"reject-message"_s));
        QCOMPARE(table->model()->rowCount(), 1);
        actionFilter->setCurrentIndex(0); // all actions
        caseFilter->clear();
        QCOMPARE(table->model()->rowCount(), 4);

        auto *fromEnabled = child<QCheckBox>(&page, u"activityFromDateEnabled"_s);
        auto *from = child<QDateEdit>(&page, u"activityFromDate"_s);
        QVERIFY(!from->isEnabled());
        QTest::mouseClick(fromEnabled, Qt::LeftButton, {}, QPoint(4, fromEnabled->height() / 2));
        QVERIFY(from->isEnabled());
        from->setDate(
            QDateTime::fromString(u"2026-11-25T09:00:00Z"_s, Qt::ISODate).toLocalTime().date());
        QCOMPARE(table->model()->rowCount(), 3);

        // Export what is shown, through the scripted file dialog.
        const QString csvPath = env.path(u"activity.csv"_s);
        ui::dialogs::setNextSaveFileName(csvPath);
        QSignalSpy status(&session, &ui::Session::statusMessage);
        QTest::mouseClick(child<QPushButton>(&page, u"activityExport"_s), Qt::LeftButton);
        const QList<ui::dialogs::Asked> asked = ui::dialogs::asked(ui::dialogs::Kind::SaveFile);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().title, u"Export activity"_s);
        QCOMPARE(asked.first().filter, u"CSV files (*.csv)"_s);
        QVERIFY(asked.first().suggested.endsWith(u".csv"_s));
        QCOMPARE(status.size(), 1);
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
        QCOMPARE(rows.size(), 4); // header + 3 rows
        QCOMPARE(rows.first().first(), u"time_utc"_s);
        const int caseColumn = int(rows.first().indexOf(u"case_id"_s));
        const int outcomeColumn = int(rows.first().indexOf(u"outcome"_s));
        QVERIFY(caseColumn >= 0 && outcomeColumn >= 0);
        // The formula was neutralised; the commas and quotes survived the round trip.
        QCOMPARE(rows.at(1).at(caseColumn), u"'=HYPERLINK(\"http://x\",\"case, \"\"1\"\"\")"_s);
        QCOMPARE(rows.at(1).at(0), u"2026-11-27T09:00:00.000Z"_s);
        QCOMPARE(rows.at(3).at(caseColumn), u"INC-0417"_s);
        QCOMPARE(rows.at(3).at(outcomeColumn), u"done"_s);
    }

    void networkLogShowsRequestsWithoutHeaders()
    {
        testing::GuiEnvironment env;
        auto sim = testing::startSimulator();
        ui::Session session(env.auditPath());
        ui::ActivityPage page(&session);
        QVERIFY(session.connectTo(u"Sim"_s, sim->baseUrl(), sim::demoCredentials(), {}).isEmpty());
        QTRY_COMPARE(session.connectionStatus().state, ui::ConnectionStatus::State::Ok);
        auto *table = child<QTableView>(&page, u"networkLogTable"_s);
        QCOMPARE(table->model()->rowCount(), 1);
        const auto cell = [&](int column) {
            return table->model()->index(0, column).data().toString();
        };
        QCOMPARE(cell(ui::NetworkLogModel::Method), u"POST"_s);
        QCOMPARE(cell(ui::NetworkLogModel::Path), u"/api/account/get-account"_s);
        QCOMPARE(cell(ui::NetworkLogModel::Status), u"200"_s);
        QVERIFY(!cell(ui::NetworkLogModel::RequestId).isEmpty());
        // No secret in any cell of any column.
        const api::Credentials c = sim::demoCredentials();
        for (int column = 0; column < table->model()->columnCount(); ++column)
            for (const QString &secret : {c.appKey, c.accessKey, c.secretKey})
                QVERIFY(!cell(column).contains(secret));
    }
};

QTEST_MAIN(TestActivityPage)
#include "test_activity_page.moc"
