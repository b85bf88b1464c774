// Actions on held messages: release (rows leave, audited with the Case, one batched request),
// reject with a documented reason, bulk work with injected failures and Retry failed, and the
// combined release & permit / reject & block moves.
#include "tests/gui/held/heldtestsupport.h"

#include "core/held/permittrap.h"
#include "ui/held/applydecisionsdialog.h"
#include "ui/held/heldactioncontroller.h"
#include "ui/held/outcomedialog.h"
#include "ui/held/rejectdialog.h"
#include "ui/held/releaselogmodel.h"
#include "ui/held/releaselogpane.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QTabWidget>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;
using testing::HeldFixture;
using testing::kHoldReject;
using testing::kHoldRelease;
using testing::kPermitOrBlockSender;

namespace {

held::HeldMessage messageAt(const HeldFixture &f, int proxyRow)
{
    const auto *proxy = f.page->proxy();
    return f.page->model()->message(proxy->mapToSource(proxy->index(proxyRow, 0)).row());
}

// Selects the first `count` rows whose sender is not a per-message bounce address.
void selectUntrapped(const HeldFixture &f, int count)
{
    QTableView *view = f.table();
    view->clearSelection();
    for (int row = 0; row < view->model()->rowCount() && count > 0; ++row) {
        if (held::permitTrap(messageAt(f, row)))
            continue;
        view->selectionModel()->select(view->model()->index(row, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        --count;
    }
    view->setFocus();
}

QStringList outcomes(QTreeWidget *list, int column = 0)
{
    QStringList out;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        out << list->topLevelItem(i)->text(column);
    return out;
}
} // namespace

class TestHeldActions : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void releaseThreeLeaveTheTableAndAreAudited()
    {
        HeldFixture f(60);
        QVERIFY(f.connectAndLoad());
        f.session->setCaseId(u"INC-0042"_s);
        f.session->setAlertGroups({u"AG-7"_s});
        const int before = f.page->model()->rowCount();
        const int total = f.page->totalCount();
        const QStringList ids = f.selectFirst(3);
        f.sim->clearRequests();

        ui::dialogs::setNextConfirm(true);
        child<QAction>(f.page.get(), u"releaseAction"_s)->trigger();
        QCOMPARE(f.confirmations().size(), 1);
        QVERIFY(f.confirmations().first().contains(u"Release 3 held messages"_s));
        QCOMPARE(ui::dialogs::asked().first().acceptLabel, u"Release 3"_s);
        auto *dialog = child<ui::OutcomeDialog>(f.page.get(), u"heldOutcomeDialog"_s);
        QTRY_VERIFY(f.page->controller()->job() && !f.page->controller()->isBusy());
        // Every item done: no dialog, a status line with Show outcomes.
        QVERIFY(!dialog->isVisible());
        auto *show = child<QAction>(f.page.get(), u"showOutcomesAction"_s);
        QVERIFY(show->isEnabled());
        show->trigger();
        QVERIFY(dialog->isVisible());
        QCOMPARE(f.page->model()->rowCount(), before - 3);
        QCOMPARE(f.page->totalCount(), total - 3);
        for (const QString &id : ids) {
            QCOMPARE(f.page->model()->rowOf(id), -1);
            QVERIFY(!f.sim->isHeld(id));
        }
        // One batched request, and no reload of the queue.
        QCOMPARE(f.sim->requestCount(kHoldRelease), 1);
        QCOMPARE(f.sim->requestCount(u"/api/gateway/get-hold-message-list"_s), 0);
        QCOMPARE(f.releasedIds(), ids);

        const QList<audit::AuditEntry> audit = audit::AuditLog(f.env.auditPath()).readAll();
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().action, u"release-message"_s);
        QCOMPARE(audit.first().caseId, u"INC-0042"_s);
        QCOMPARE(audit.first().alertGroups, QStringList{u"AG-7"_s});
        // One audit line per action (docs/contract.md, security rules) holding an audited
        // record per message: the three ids, each with its outcome, written before the outcome
        // list showed "Done".
        QStringList audited;
        for (const QJsonValue &item : audit.first().items) {
            QCOMPARE(item[u"outcome"_s].toString(), u"done"_s);
            audited << item[u"id"_s].toString();
        }
        QCOMPARE(audited, ids);

        auto *list = child<QTreeWidget>(dialog, u"outcomeList"_s);
        QCOMPARE(outcomes(list), (QStringList{u"Done"_s, u"Done"_s, u"Done"_s}));
        QVERIFY(!child<QPushButton>(dialog, u"retryFailedButton"_s)->isEnabled());
        testing::saveShot(dialog, u"held-outcome-done"_s);
    }

    void declinedConfirmationSendsNothing()
    {
        HeldFixture f(30);
        QVERIFY(f.connectAndLoad());
        f.selectFirst(2);
        ui::dialogs::setNextConfirm(false);
        f.sim->clearRequests();
        child<QAction>(f.page.get(), u"releaseSandboxAction"_s)->trigger();
        QCOMPARE(f.confirmations().size(), 1);
        QVERIFY(f.confirmations().first().contains(u"sandbox"_s));
        QVERIFY(!f.page->controller()->job() && !f.page->controller()->isBusy());
        QTest::qWait(50); // kept: asserts that no request goes out during this period
        QCOMPARE(int(f.sim->requests().size()), 0);
        QCOMPARE(f.page->model()->rowCount(), f.page->totalCount());
    }

    void rejectSendsTheDocumentedReason()
    {
        HeldFixture f(40);
        QVERIFY(f.connectAndLoad());
        const QStringList ids = f.selectFirst(2);
        f.sim->clearRequests();
        // From the keyboard: Delete on the table asks how to reject.
        f.page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.page.get()));
        f.table()->setFocus();
        QTest::keyClick(f.table(), Qt::Key_Delete);
        ui::RejectDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = f.page->findChild<ui::RejectDialog *>(u"rejectDialog"_s)) &&
                    dialog->isVisible());
        QVERIFY(child<QLabel>(dialog, u"rejectHeadline"_s)->text().contains(u"2"_s));
        auto *reason = child<QComboBox>(dialog, u"rejectReason"_s);
        QCOMPARE(reason->count(), 6); // none + the five documented values
        reason->setCurrentIndex(reason->findData(u"REVIEWER DISAPPROVES OF CONTENT"_s));
        QTest::keyClicks(child<QPlainTextEdit>(dialog, u"rejectNote"_s), u"Phishing, INC-9"_s);
        child<QCheckBox>(dialog, u"rejectNotify"_s)->setChecked(true);
        testing::saveShot(dialog, u"held-reject-dialog"_s);
        QTest::mouseClick(child<QPushButton>(dialog, u"rejectConfirm"_s), Qt::LeftButton);

        QTRY_VERIFY(f.page->controller()->job() && !f.page->controller()->job()->isRunning());
        QCOMPARE(f.sim->requestCount(kHoldReject), 1);
        const QJsonObject item = f.bodies(kHoldReject).first()[u"data"_s][0].toObject();
        QCOMPARE(item[u"reasonType"_s].toString(), u"REVIEWER DISAPPROVES OF CONTENT"_s);
        QCOMPARE(item[u"message"_s].toString(), u"Phishing, INC-9"_s);
        QCOMPARE(item[u"notify"_s].toBool(), true);
        QCOMPARE(item[u"ids"_s].toArray().size(), 2);
        for (const QString &id : ids)
            QCOMPARE(f.page->model()->rowOf(id), -1);
    }

    void failedItemsAreShownAndRetriedAlone()
    {
        HeldFixture f(80);
        QVERIFY(f.connectAndLoad());
        const QStringList ids = f.selectFirst(30); // two batches of at most 25
        const QStringList failing{ids.at(2), ids.at(11), ids.at(27)};
        f.sim->addFault({sim::FaultKind::ItemFailure, kHoldRelease, 2, 0, failing});
        f.sim->clearRequests();
        ui::dialogs::setNextConfirm(true);
        child<QAction>(f.page.get(), u"releaseAction"_s)->trigger();
        auto *dialog = child<ui::OutcomeDialog>(f.page.get(), u"heldOutcomeDialog"_s);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(f.sim->requestCount(kHoldRelease), 2);

        auto *list = child<QTreeWidget>(dialog, u"outcomeList"_s);
        QCOMPARE(list->topLevelItemCount(), 30);
        QCOMPARE(outcomes(list).count(u"Done"_s), 27);
        // Failures first, with Mimecast's raw code and reason.
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(list->topLevelItem(i)->text(0), u"Failed"_s);
            QCOMPARE(list->topLevelItem(i)->text(4), u"err_item_processing_failed"_s);
            QVERIFY(!list->topLevelItem(i)->text(3).isEmpty());
            QVERIFY(failing.contains(list->topLevelItem(i)->text(5)));
        }
        // Done rows left the table; the failed ones stay.
        QCOMPARE(f.page->model()->rowCount(), f.page->totalCount());
        for (const QString &id : failing)
            QVERIFY(f.page->model()->rowOf(id) >= 0);
        auto *retry = child<QPushButton>(dialog, u"retryFailedButton"_s);
        QVERIFY(retry->isEnabled());
        QVERIFY(retry->text().contains(u"3"_s));
        testing::saveShot(dialog, u"held-outcome-failed"_s);

        f.sim->clearRequests();
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY(!f.page->controller()->job()->isRunning());
        // Only the three failed ids went again.
        QCOMPARE(f.sim->requestCount(kHoldRelease), 1);
        QCOMPARE(f.releasedIds(), failing);
        QCOMPARE(outcomes(list).count(u"Done"_s), 30);
        QVERIFY(!retry->isEnabled());
        for (const QString &id : ids)
            QVERIFY(!f.sim->isHeld(id));
        QCOMPARE(audit::AuditLog(f.env.auditPath()).readAll().size(), 2);
    }

    void rejectAndBlockBlocksOnlyRejectedSenders()
    {
        HeldFixture f(60);
        QVERIFY(f.connectAndLoad());
        const QStringList ids = f.selectFirst(3);
        const QList<held::HeldMessage> messages = f.page->selectedMessages();
        f.sim->addFault({sim::FaultKind::ItemFailure, kHoldReject, 1, 0, {ids.at(1)}});
        f.sim->clearRequests();
        child<QAction>(f.page.get(), u"rejectBlockAction"_s)->trigger();
        ui::RejectDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = f.page->findChild<ui::RejectDialog *>(u"rejectDialog"_s)));
        QTest::mouseClick(child<QPushButton>(dialog, u"rejectConfirm"_s), Qt::LeftButton);
        QTRY_VERIFY(child<ui::OutcomeDialog>(f.page.get(), u"heldOutcomeDialog"_s)->isVisible());
        testing::saveShot(child<ui::OutcomeDialog>(f.page.get(), u"heldOutcomeDialog"_s),
                          u"held-outcome-reject-block"_s);

        QCOMPARE(f.sim->requestCount(kHoldReject), 1);
        QCOMPARE(f.sim->requestCount(kPermitOrBlockSender), 1);
        const auto pair = [](const held::HeldMessage &m) -> QString {
            return m.fromEnvelope.email + u'>' + m.to.email;
        };
        // Only the senders of the rejected messages (0 and 2) were blocked, each pair once.
        QSet<QString> blocked;
        for (const QJsonValue &e : f.bodies(kPermitOrBlockSender).first()[u"data"_s].toArray()) {
            QCOMPARE(e[u"action"_s].toString(), u"block"_s);
            blocked.insert(e[u"sender"_s].toString() + u'>' + e[u"to"_s].toString());
        }
        QVERIFY(blocked == (QSet<QString>{pair(messages.at(0)), pair(messages.at(2))}));

        const QList<audit::AuditEntry> audit = audit::AuditLog(f.env.auditPath()).readAll();
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit.at(0).action, u"reject-message"_s);
        QCOMPARE(audit.at(1).action, u"block-sender"_s);

        // Retry: the failed reject, then only its sender.
        f.sim->clearRequests();
        QTest::mouseClick(child<QPushButton>(f.page.get(), u"retryFailedButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!f.page->controller()->job()->isRunning());
        QCOMPARE(f.sim->requestCount(kHoldReject), 1);
        QCOMPARE(f.bodies(kHoldReject).first()[u"data"_s][0][u"ids"_s].toArray(),
                 QJsonArray{ids.at(1)});
        const int newPairs = blocked.contains(pair(messages.at(1))) ? 0 : 1;
        QCOMPARE(f.sim->requestCount(kPermitOrBlockSender), newPairs);
        QCOMPARE(f.page->controller()->job()->count(ui::HeldOutcomeRow::Status::Failed), 0);
    }

    void releaseAndPermitPermitsEachPairOnce()
    {
        HeldFixture f(60);
        QVERIFY(f.connectAndLoad());
        selectUntrapped(f, 4);
        const int pairs = ui::HeldActionController::senderPairCount(f.page->selectedMessages());
        f.sim->clearRequests();
        ui::dialogs::setNextConfirm(true);
        child<QAction>(f.page.get(), u"releasePermitAction"_s)->trigger();
        QVERIFY(f.confirmations().first().contains(u"permit"_s));
        QTRY_VERIFY(f.page->controller()->job() && !f.page->controller()->isBusy());
        child<QAction>(f.page.get(), u"showOutcomesAction"_s)->trigger();
        QVERIFY(child<ui::OutcomeDialog>(f.page.get(), u"heldOutcomeDialog"_s)->isVisible());
        QCOMPARE(f.sim->requestCount(kHoldRelease), 1);
        QCOMPARE(f.sim->requestCount(kPermitOrBlockSender), 1);
        const QJsonArray entries = f.bodies(kPermitOrBlockSender).first()[u"data"_s].toArray();
        QCOMPARE(entries.size(), pairs);
        for (const QJsonValue &e : entries)
            QCOMPARE(e[u"action"_s].toString(), u"permit"_s);
        auto *list = child<QTreeWidget>(f.page.get(), u"outcomeList"_s);
        QCOMPARE(list->topLevelItemCount(), 4 + pairs);
        QCOMPARE(outcomes(list, 1).count(u"Permit sender"_s), pairs);
    }

    // The permit trap: releasing & permitting a message sent through Amazon SES or SendGrid
    // asks with a warning and permits the From header address by default.
    void releaseAndPermitCatchesThePermitTrap()
    {
        HeldFixture f(60);
        QVERIFY(f.connectAndLoad());
        QTableView *view = f.table();
        int trappedRow = -1;
        for (int row = 0; row < view->model()->rowCount() && trappedRow < 0; ++row) {
            const auto trap = held::permitTrap(messageAt(f, row));
            if (trap && !trap->header.isEmpty())
                trappedRow = row;
        }
        QVERIFY(trappedRow >= 0);
        const held::HeldMessage m = messageAt(f, trappedRow);
        view->selectRow(trappedRow);
        f.sim->clearRequests();
        child<QAction>(f.page.get(), u"releasePermitAction"_s)->trigger();
        ui::ApplyDecisionsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = f.page->findChild<ui::ApplyDecisionsDialog *>()) &&
                    dialog->isVisible());
        QVERIFY(f.confirmations().isEmpty());
        QVERIFY(dialog->warnsOfPermitTrap());
        const QString why = child<QLabel>(dialog, u"permitTrapReasons"_s)->text();
        QVERIFY2(why.contains(m.fromEnvelope.email), qPrintable(why));
        QVERIFY(child<QRadioButton>(dialog, u"permitHeaderChoice"_s)->isChecked());
        testing::saveShot(dialog, u"held-permit-trap"_s);
        QCOMPARE(int(f.sim->requests().size()), 0); // nothing sent while asking
        QTest::mouseClick(child<QPushButton>(dialog, u"applyDecisionsConfirm"_s), Qt::LeftButton);
        QTRY_VERIFY(f.page->controller()->job() && !f.page->controller()->isBusy());
        QCOMPARE(f.sim->requestCount(kPermitOrBlockSender), 1);
        QCOMPARE(f.bodies(kPermitOrBlockSender).first()[u"data"_s][0][u"sender"_s].toString(),
                 m.fromHeader.email);
        const QList<audit::AuditEntry> audit = audit::AuditLog(f.env.auditPath()).readAll();
        QCOMPARE(audit.last().action, u"permit-sender"_s);
        QCOMPARE(audit.last().items.first()[u"sender"_s].toString(), m.fromHeader.email);
    }

    void releaseLogShowsWhatTheTeamDid()
    {
        HeldFixture f(40);
        QVERIFY(f.connectAndLoad());
        const QStringList ids = f.selectFirst(2);
        child<QAction>(f.page.get(), u"rejectAction"_s)->trigger();
        ui::RejectDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = f.page->findChild<ui::RejectDialog *>(u"rejectDialog"_s)));
        QTest::mouseClick(child<QPushButton>(dialog, u"rejectConfirm"_s), Qt::LeftButton);
        QTRY_VERIFY(f.page->controller()->job() && !f.page->controller()->job()->isRunning());
        f.selectFirst(1);
        ui::dialogs::setNextConfirm(true);
        child<QAction>(f.page.get(), u"releaseAction"_s)->trigger();
        QTRY_VERIFY(!f.page->controller()->job()->isRunning());

        // The tab loads the log when first shown: newest first, our three entries on top.
        auto *tabs = child<QTabWidget>(f.page.get(), u"heldTabs"_s);
        tabs->setCurrentWidget(f.page->releaseLog());
        auto *table = child<QTableView>(f.page.get(), u"releaseLogTable"_s);
        QTRY_VERIFY(f.page->releaseLog()->hasLoaded() && !f.page->releaseLog()->isLoading());
        QAbstractItemModel *log = table->model();
        QVERIFY(log->rowCount() >= 3);
        const auto cell = [&](int row, int column) {
            return log->index(row, column).data().toString();
        };
        QCOMPARE(cell(0, ui::ReleaseLogModel::Action), u"Released"_s);
        QCOMPARE(cell(1, ui::ReleaseLogModel::Action), u"Rejected"_s);
        const QString operatorName = cell(0, ui::ReleaseLogModel::Operator);
        QVERIFY(!operatorName.isEmpty());
        testing::saveShot(f.page.get(), u"held-release-log"_s);

        // Filtered by operator, locally.
        auto *filter = child<QLineEdit>(f.page.get(), u"releaseLogOperator"_s);
        QTest::keyClicks(filter, u"nobody-by-this-name"_s);
        QCOMPARE(log->rowCount(), 0);
        filter->clear();
        QTest::keyClicks(filter, operatorName);
        QVERIFY(log->rowCount() >= 3);
        for (int row = 0; row < log->rowCount(); ++row)
            QCOMPARE(cell(row, ui::ReleaseLogModel::Operator), operatorName);
        // A later release rereads the log.
        tabs->setCurrentIndex(0);
        f.sim->clearRequests();
        f.selectFirst(1);
        ui::dialogs::setNextConfirm(true);
        child<QAction>(f.page.get(), u"releaseAction"_s)->trigger();
        QTRY_COMPARE(f.sim->requestCount(u"/api/gateway/get-held-release-logs"_s), 1);
        Q_UNUSED(ids);
    }

    void reportIsDeprecatedAndSendsTheType()
    {
        HeldFixture f(30);
        QVERIFY(f.connectAndLoad());
        f.selectFirst(1);
        f.sim->clearRequests();
        ui::dialogs::setNextConfirm(true);
        child<QAction>(f.page.get(), u"reportPhishingAction"_s)->trigger();
        QVERIFY(f.confirmations().first().contains(u"deprecated"_s));
        QTRY_VERIFY(f.page->controller()->job() && !f.page->controller()->job()->isRunning());
        const QString path = u"/api/message-finder/report-message"_s;
        QCOMPARE(f.sim->requestCount(path), 1);
        QCOMPARE(f.bodies(path).first()[u"data"_s][0][u"type"_s].toString(), u"phishing"_s);
        // Reporting does not take the message out of the queue.
        QCOMPARE(f.page->model()->rowCount(), f.page->totalCount());
    }
};

QTEST_MAIN(TestHeldActions)
#include "test_held_actions.moc"
