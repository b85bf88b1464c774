// The sender lists page's managed-sender half: the permit/block form, the bulk import (invalid
// rows flagged, duplicates collapsed, only good rows sent in batches of 100, outcomes, Cancel,
// Retry failed) and the history read from the audit log — against the in-process simulator.
#include "tests/gui/senders/senderstestsupport.h"
#include "ui/senders/importpreviewmodel.h"
#include "ui/senders/senderform.h"
#include "ui/senders/senderhistorymodel.h"
#include "ui/senders/senderimportpanel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;
using State = senders::ImportEntry::State;

namespace {
using Tester = QAbstractItemModelTester;
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

QString cell(QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

// The preview row whose sender is `sender` (first match), in the model's own order.
int rowOf(const ui::ImportPreviewModel *model, const QString &sender)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->entry(row).sender == sender)
            return row;
    return -1;
}

QList<audit::AuditEntry> auditEntries(const testing::SenderPageFixture &f, const QString &action)
{
    return audit::AuditLog::filter(audit::AuditLog(f.env.auditPath()).readAll(),
                                   {{}, action, {}, {}});
}
} // namespace

class TestSenderListsPage : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    // The preview and the actions layer name an entry by one key (ManagedSender::key()): an
    // entry shows as Sending while its batch is out, then as the runner's typed outcome.
    void previewFollowsTheTypedOutcomes()
    {
        ui::ImportPreviewModel model;
        Tester tester(&model, kQtTest);
        senders::ImportEntry block;
        block.sender = u"billing@invoices-example.net"_s;
        block.recipient = u"ap@corp.example"_s;
        block.action = senders::ManagedSender::Action::Block;
        senders::ImportEntry permit = block;
        permit.sender = u"news@partner.example"_s;
        permit.action = senders::ManagedSender::Action::Permit;
        model.setEntries({block, permit});
        model.markSending({block.toManagedSender(), permit.toManagedSender()});
        QCOMPARE(model.entry(0).state, senders::ImportEntry::State::Sending);
        QCOMPARE(model.entry(1).state, senders::ImportEntry::State::Sending);

        api::ItemOutcome done{block.toManagedSender().key(),
                              api::ItemOutcome::Status::Done,
                              {},
                              {},
                              QJsonObject{{u"id"_s, u"MS-1"_s}, {u"type"_s, u"Block"_s}}};
        api::ItemOutcome failed{permit.toManagedSender().key(),
                                api::ItemOutcome::Status::Failed,
                                u"err_managed_sender"_s,
                                u"Not allowed"_s,
                                {}};
        model.applyOutcome(done);
        model.applyOutcome(failed);
        QCOMPARE(model.entry(0).state, senders::ImportEntry::State::Done);
        QCOMPARE(model.entry(0).managedSenderId, u"MS-1"_s);
        QCOMPARE(model.entry(1).state, senders::ImportEntry::State::Failed);
        QCOMPARE(model.entry(1).code, u"err_managed_sender"_s);
    }

    void permitViaTheFormReachesMimecastHistoryAndAudit()
    {
        testing::SenderPageFixture f;
        f.session.setCaseId(u"INC-0420"_s);
        f.session.setAlertGroups({u"AG-7"_s});
        QVERIFY(f.start());
        Tester historyTester(f.page->historyModel(), kQtTest);
        auto *history = child<QTableView>(f.page.get(), u"senderHistory"_s);
        auto *permit = child<QPushButton>(f.page.get(), u"permitButton"_s);
        QVERIFY(!permit->isEnabled());

        QTest::keyClicks(child<QLineEdit>(f.page.get(), u"senderAddress"_s),
                         u"news@partner.example"_s);
        QTest::keyClicks(child<QLineEdit>(f.page.get(), u"recipientAddress"_s),
                         u"sales@corp.example"_s);
        QVERIFY(permit->isEnabled());
        QTest::mouseClick(permit, Qt::LeftButton);

        QTRY_COMPARE(f.sim->requestCount(testing::kPermitOrBlockPath), 1);
        const QJsonArray data = f.bodies(testing::kPermitOrBlockPath).first();
        QCOMPARE(data.size(), 1);
        QCOMPARE(data.at(0).toObject(), (QJsonObject{{u"sender"_s, u"news@partner.example"_s},
                                                     {u"to"_s, u"sales@corp.example"_s},
                                                     {u"action"_s, u"permit"_s}}));

        QTRY_COMPARE(history->model()->rowCount(), 1);
        QCOMPARE(cell(history->model(), 0, ui::SenderHistoryModel::Sender),
                 u"news@partner.example"_s);
        QCOMPARE(cell(history->model(), 0, ui::SenderHistoryModel::Recipient),
                 u"sales@corp.example"_s);
        QCOMPARE(cell(history->model(), 0, ui::SenderHistoryModel::Action), u"permit"_s);
        QCOMPARE(cell(history->model(), 0, ui::SenderHistoryModel::Outcome), u"Done"_s);
        QCOMPARE(cell(history->model(), 0, ui::SenderHistoryModel::Case), u"INC-0420"_s);
        const QString id = cell(history->model(), 0, ui::SenderHistoryModel::MimecastId);
        QVERIFY(!id.isEmpty());
        auto *result = child<QLabel>(f.page.get(), u"senderResult"_s);
        // The history row comes with the audit trail's appended(); the result line with the
        // action's outcome, which follows it.
        QTRY_VERIFY2(
            result->text().startsWith(u"Permitted news@partner.example for sales@corp.example."_s),
            qPrintable(result->text()));
        QVERIFY(result->text().contains(id));

        const QList<audit::AuditEntry> audited = auditEntries(f, u"permit-sender"_s);
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.first().caseId, u"INC-0420"_s);
        QCOMPARE(audited.first().alertGroups, QStringList{u"AG-7"_s});
        const QJsonObject item = audited.first().items.at(0).toObject();
        QCOMPARE(item.value(u"managed_sender_id"_s).toString(), id);
        QCOMPARE(item.value(u"outcome"_s).toString(), u"done"_s);
    }

    void invalidAddressDisablesTheButtonsAndSendsNothing()
    {
        testing::SenderPageFixture f;
        QVERIFY(f.start());
        auto *sender = child<QLineEdit>(f.page.get(), u"senderAddress"_s);
        auto *recipient = child<QLineEdit>(f.page.get(), u"recipientAddress"_s);
        auto *permit = child<QPushButton>(f.page.get(), u"permitButton"_s);
        auto *block = child<QPushButton>(f.page.get(), u"blockButton"_s);
        auto *senderHint = child<QLabel>(f.page.get(), u"senderAddressHint"_s);
        auto *recipientHint = child<QLabel>(f.page.get(), u"recipientAddressHint"_s);
        QVERIFY(senderHint->isHidden()); // nothing red on an empty form

        QTest::keyClicks(sender, u"billing at invoices"_s);
        QTest::keyClicks(recipient, u"ap@corp.example"_s);
        QVERIFY(!senderHint->isHidden());
        QVERIFY(senderHint->text().startsWith(u"Sender \"billing at invoices\" is not a valid"_s));
        QVERIFY(recipientHint->isHidden());
        QVERIFY(!permit->isEnabled());
        QVERIFY(!block->isEnabled());
        QTest::mouseClick(block, Qt::LeftButton);
        QTest::keyClick(block, Qt::Key_Space);
        testing::saveShot(f.page.get(), u"senders-form-invalid"_s);

        recipient->setText(u"ap@"_s);
        QVERIFY(recipientHint->text().startsWith(u"Recipient "_s));
        sender->setText(u"billing@invoices-example.net"_s);
        QVERIFY(senderHint->isHidden());
        QVERIFY(!block->isEnabled());
        recipient->setText(u"ap@corp.example"_s);
        QVERIFY(block->isEnabled());
        QCOMPARE(f.sim->requestCount(testing::kPermitOrBlockPath), 0);
    }

    void bulkImportFlagsBadRowsAndSendsOnlyTheGoodOnes()
    {
        testing::SenderPageFixture f;
        f.session.setCaseId(u"INC-0421"_s);
        QVERIFY(f.start());
        auto *panel = f.page->importPanel();
        ui::ImportPreviewModel *model = panel->model();
        Tester previewTester(model, kQtTest);
        Tester historyTester(f.page->historyModel(), kQtTest);
        auto *text = child<QPlainTextEdit>(f.page.get(), u"importText"_s);
        auto *send = child<QPushButton>(f.page.get(), u"importSendButton"_s);
        auto *summary = child<QLabel>(f.page.get(), u"importSummary"_s);
        QVERIFY(!send->isEnabled());

        text->setPlainText(u"Sender,Recipient,Action\n"                              // 1 header
                           u"billing@invoices-example.net,ap@corp.example,block\n"   // 2 good
                           u"news@partner.example;sales@corp.example;permit\n"       // 3 good
                           u"not-an-address,ap@corp.example,block\n"                 // 4 sender
                           u"promo@spam.example,ap@corp.example,quarantine\n"        // 5 action
                           u"BILLING@invoices-example.net, ap@corp.example ,Block\n" // 6 dup of 2
                           u"\n"                                                     // skipped
                           u"# a comment\n"                                          // skipped
                           u"x@conflict.example,ceo@corp.example,permit\n"           // 9 conflict
                           u"x@conflict.example,ceo@corp.example,block\n"            // 10 conflict
                           u"\"Smith, J\" <js@ex.example>,ap@corp.example,block\n"   // 11 sender
                           u"only@two.example,fields@corp.example\n"                 // 12 fields
                           u"ceo@wire-fraud.example\tcfo@corp.example\tblock\n"_s);  // 13 good
        QTRY_COMPARE(model->rowCount(), 9);
        QCOMPARE(model->count(State::Ready), 3);
        QCOMPARE(model->count(State::Invalid), 6);
        const auto problem = [&](const QString &sender) {
            return model->entry(rowOf(model, sender)).problem;
        };
        QCOMPARE(model->entry(rowOf(model, u"billing@invoices-example.net"_s)).lines,
                 (QList<int>{2, 6}));
        QVERIFY(cell(model, rowOf(model, u"billing@invoices-example.net"_s),
                     ui::ImportPreviewModel::Details)
                    .contains(u"2 lines"_s));
        QVERIFY(
            problem(u"not-an-address"_s).startsWith(u"Sender \"not-an-address\" is not a valid"_s));
        QCOMPARE(problem(u"promo@spam.example"_s),
                 u"Action \"quarantine\" is not permit or block"_s);
        QVERIFY(problem(u"x@conflict.example"_s)
                    .startsWith(u"Line 9 says permit and line 10 says block"_s));
        QVERIFY(problem(u"Smith, J <js@ex.example>"_s).startsWith(u"Sender "_s));
        QVERIFY(problem(u"only@two.example"_s).startsWith(u"Expected 3 fields"_s));
        QCOMPARE(cell(model, rowOf(model, u"not-an-address"_s), ui::ImportPreviewModel::Status),
                 u"Invalid"_s);
        QVERIFY(summary->text().contains(u"3 ready to send"_s));
        QVERIFY(summary->text().contains(u"1 repeated line collapsed"_s));
        QVERIFY(summary->text().contains(u"6 invalid"_s));
        QCOMPARE(send->text(), u"Sen&d 3 entries"_s);
        f.page->resize(1280, 900);
        testing::saveShot(f.page.get(), u"senders-import-preview"_s);

        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE(model->count(State::Done), 3);
        // One request per action: the permit, then the two blocks; nothing invalid was sent.
        const QList<QJsonArray> bodies = f.bodies(testing::kPermitOrBlockPath);
        QCOMPARE(bodies.size(), 2);
        QCOMPARE(bodies.at(0), (QJsonArray{QJsonObject{{u"sender"_s, u"news@partner.example"_s},
                                                       {u"to"_s, u"sales@corp.example"_s},
                                                       {u"action"_s, u"permit"_s}}}));
        QCOMPARE(bodies.at(1),
                 (QJsonArray{QJsonObject{{u"sender"_s, u"billing@invoices-example.net"_s},
                                         {u"to"_s, u"ap@corp.example"_s},
                                         {u"action"_s, u"block"_s}},
                             QJsonObject{{u"sender"_s, u"ceo@wire-fraud.example"_s},
                                         {u"to"_s, u"cfo@corp.example"_s},
                                         {u"action"_s, u"block"_s}}}));
        const int done = rowOf(model, u"ceo@wire-fraud.example"_s);
        QVERIFY(!model->entry(done).managedSenderId.isEmpty());
        QCOMPARE(model->entry(done).type, u"Block"_s);
        QVERIFY(cell(model, done, ui::ImportPreviewModel::Details)
                    .contains(model->entry(done).managedSenderId));
        QCOMPARE(model->count(State::Invalid), 6); // still shown, never sent
        QVERIFY(!send->isEnabled());
        QCOMPARE(send->text(), u"Sen&d"_s);
        QCOMPARE(summary->text(), u"3 done · 6 invalid lines never sent."_s);

        // Audited as one permit-sender and one block-sender action, with the case.
        QCOMPARE(auditEntries(f, u"permit-sender"_s).size(), 1);
        const QList<audit::AuditEntry> blocks = auditEntries(f, u"block-sender"_s);
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks.first().items.size(), 2);
        QCOMPARE(blocks.first().caseId, u"INC-0421"_s);
        QTRY_COMPARE(f.page->historyModel()->rowCount(), 3);
        testing::saveShot(f.page.get(), u"senders-managed"_s);
    }

    void twoHundredFiftyGoodRowsMakeThreeRequests()
    {
        testing::SenderPageFixture f;
        QVERIFY(f.start());
        ui::ImportPreviewModel *model = f.page->importPanel()->model();
        QStringList lines{u"sender,recipient,action"_s};
        for (int i = 0; i < 250; ++i)
            lines << u"spam%1@bulk.example,user%2@corp.example,block"_s.arg(i).arg(i % 7);
        lines << u"broken@,user@corp.example,block"_s;
        child<QPlainTextEdit>(f.page.get(), u"importText"_s)->setPlainText(lines.join(u'\n'));
        f.page->importPanel()->send(); // parses at once, without waiting for the typing pause
        QTRY_COMPARE(model->count(State::Done), 250);
        const QList<QJsonArray> bodies = f.bodies(testing::kPermitOrBlockPath);
        QCOMPARE(bodies.size(), 3);
        QCOMPARE(bodies.at(0).size(), 100);
        QCOMPARE(bodies.at(1).size(), 100);
        QCOMPARE(bodies.at(2).size(), 50);
        for (const QJsonArray &body : bodies)
            for (const QJsonValue &v : body)
                QVERIFY(v.toObject().value(u"sender"_s).toString() != u"broken@"_s);
        const QList<audit::AuditEntry> audited = auditEntries(f, u"block-sender"_s);
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.first().items.size(), 250);
    }

    void failuresShowMimecastsReasonAndRetryFailedSendsOnlyThose()
    {
        testing::SenderPageFixture f;
        QVERIFY(f.start());
        ui::ImportPreviewModel *model = f.page->importPanel()->model();
        Tester previewTester(model, kQtTest);
        f.sim->addFault({sim::FaultKind::ItemFailure,
                         testing::kPermitOrBlockPath,
                         1,
                         100,
                         {u"bad@refused.example"_s}});
        child<QPlainTextEdit>(f.page.get(), u"importText"_s)
            ->setPlainText(u"good@one.example,ap@corp.example,block\n"
                           u"bad@refused.example,ap@corp.example,block\n"
                           u"good@two.example,ap@corp.example,block\n"_s);
        f.page->importPanel()->send();
        QTRY_COMPARE(model->count(State::Done), 2);
        QCOMPARE(model->count(State::Failed), 1);
        const senders::ImportEntry &failed = model->entry(rowOf(model, u"bad@refused.example"_s));
        QVERIFY(!failed.code.isEmpty());
        QVERIFY(cell(model, rowOf(model, u"bad@refused.example"_s), ui::ImportPreviewModel::Details)
                    .contains(u'[' + failed.code + u']'));
        auto *retry = child<QPushButton>(f.page.get(), u"importRetryButton"_s);
        QVERIFY(retry->isVisible());
        testing::saveShot(f.page.get(), u"senders-import-failed"_s);

        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE(model->count(State::Done), 3);
        const QList<QJsonArray> bodies = f.bodies(testing::kPermitOrBlockPath);
        QCOMPARE(bodies.size(), 2);
        QCOMPARE(bodies.at(1).size(), 1); // the successes were not repeated
        QCOMPARE(bodies.at(1).at(0).toObject().value(u"sender"_s).toString(),
                 u"bad@refused.example"_s);
        QVERIFY(!retry->isVisible());
    }

    void serverErrorOnAPermitIsSentAgain()
    {
        testing::SenderPageFixture f;
        QVERIFY(f.start());
        ui::ImportPreviewModel *model = f.page->importPanel()->model();
        f.sim->addFault({sim::FaultKind::ServerError, testing::kPermitOrBlockPath, 1, 100, {}});
        child<QPlainTextEdit>(f.page.get(), u"importText"_s)
            ->setPlainText(u"a@one.example,ap@corp.example,permit\n"_s);
        f.page->importPanel()->send();
        // The reply was lost; permitting the same sender again leaves the same entry, so the
        // job sends it again rather than leaving it unknown (docs/jobs.md).
        QTRY_COMPARE(model->count(State::Done), 1);
        QCOMPARE(f.sim->requestCount(testing::kPermitOrBlockPath), 2);
        QVERIFY(!child<QPushButton>(f.page.get(), u"importRetryButton"_s)->isVisible());
        const QList<audit::AuditEntry> audited = auditEntries(f, u"permit-sender"_s);
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.first().items.at(0).toObject().value(u"outcome"_s).toString(), u"done"_s);
    }

    void cancelStopsBeforeTheNextBatch()
    {
        testing::SenderPageFixture f;
        QVERIFY(f.start());
        ui::ImportPreviewModel *model = f.page->importPanel()->model();
        QStringList lines;
        // Six batches of 100: four go out at once, the last two wait for a free slot.
        for (int i = 0; i < 600; ++i)
            lines << u"spam%1@bulk.example,ap@corp.example,block"_s.arg(i);
        child<QPlainTextEdit>(f.page.get(), u"importText"_s)->setPlainText(lines.join(u'\n'));
        f.sim->setLatency(300);
        f.page->importPanel()->send();
        auto *cancel = child<QPushButton>(f.page.get(), u"importCancelButton"_s);
        QVERIFY(cancel->isVisible());
        QTRY_COMPARE(f.sim->requestCount(testing::kPermitOrBlockPath), 4);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY(!f.page->importPanel()->isSending());
        QCOMPARE(f.sim->requestCount(testing::kPermitOrBlockPath), 4);
        QCOMPARE(model->count(State::Done), 400); // the batches on their way finished
        QCOMPARE(model->count(State::Failed), 200);
        QCOMPARE(model->entry(599).code, u"mcdesk_cancelled"_s);
        QVERIFY(child<QPushButton>(f.page.get(), u"importRetryButton"_s)->isVisible());
    }

    void importFileReadsCsvWithByteOrderMark()
    {
        testing::SenderPageFixture f;
        QVERIFY(f.start());
        QFile file(f.env.path(u"senders.csv"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "\xEF\xBB\xBFsender,recipient,action\r\nfoo@bar.example,ap@corp.example,permit\r\n");
        file.close();
        ui::dialogs::setNextOpenFileName(file.fileName());
        QTest::mouseClick(child<QPushButton>(f.page.get(), u"importFileButton"_s), Qt::LeftButton);
        const QList<ui::dialogs::Asked> asked = ui::dialogs::asked(ui::dialogs::Kind::OpenFile);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().title, u"Import senders"_s);
        QCOMPARE(asked.first().filter, u"CSV files (*.csv *.txt);;All files (*)"_s);
        ui::ImportPreviewModel *model = f.page->importPanel()->model();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->entry(0).sender, u"foo@bar.example"_s);
        QCOMPARE(model->entry(0).state, State::Ready);
    }

    void prefillBlockFillsTheFormAndFocusesBlock()
    {
        testing::SenderPageFixture f;
        QVERIFY(f.start());
        auto *tabs = child<QTabWidget>(f.page.get(), u"senderTabs"_s);
        tabs->setCurrentIndex(1);
        QMetaObject::invokeMethod(f.page.get(), "prefillBlock",
                                  Q_ARG(QString, u" fraud@invoices-example.net "_s),
                                  Q_ARG(QString, u"ap@corp.example"_s));
        QCOMPARE(tabs->currentIndex(), 0);
        QCOMPARE(child<QLineEdit>(f.page.get(), u"senderAddress"_s)->text(),
                 u"fraud@invoices-example.net"_s);
        QCOMPARE(f.page->focusWidget(),
                 static_cast<QWidget *>(child<QPushButton>(f.page.get(), u"blockButton"_s)));
        // Without a recipient the analyst is taken to that field instead.
        f.page->prefillBlock(u"fraud@invoices-example.net"_s, {});
        QCOMPARE(f.page->focusWidget(),
                 static_cast<QWidget *>(child<QLineEdit>(f.page.get(), u"recipientAddress"_s)));
    }
};

QTEST_MAIN(TestSenderListsPage)
#include "test_sender_lists_page.moc"
