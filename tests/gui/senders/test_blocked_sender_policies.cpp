// The sender lists page's blocked-sender policies: the table read from get-policy, Create
// through the dialog (only valid input is sent; problems are shown under the field they name),
// Delete after a confirmation naming the policy, both audited with the case.
#include "tests/gui/senders/senderstestsupport.h"
#include "ui/senders/blockedpolicymodel.h"
#include "ui/senders/blockedpolicypanel.h"
#include "ui/senders/blockedsenderpolicydialog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;

namespace {
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

void choose(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}

ui::BlockedSenderPolicyDialog *openDialog(ui::SenderListsPage *page)
{
    child<QTabWidget>(page, u"senderTabs"_s)->setCurrentIndex(1);
    QTest::mouseClick(child<QPushButton>(page, u"policyCreateButton"_s), Qt::LeftButton);
    auto *dialog = page->findChild<ui::BlockedSenderPolicyDialog *>();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

// The table row (in view order) whose description is `text`, or -1.
int rowWithDescription(QTableView *table, const QString &text)
{
    for (int row = 0; row < table->model()->rowCount(); ++row)
        if (table->model()->index(row, ui::BlockedPolicyModel::Description).data().toString() ==
            text)
            return row;
    return -1;
}

QList<audit::AuditEntry> auditEntries(const testing::SenderPageFixture &f, const QString &action)
{
    return audit::AuditLog::filter(audit::AuditLog(f.env.auditPath()).readAll(),
                                   {{}, action, {}, {}});
}
} // namespace

class TestBlockedSenderPolicies : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void policiesLoadIntoTheTable()
    {
        testing::SenderPageFixture f;
        QVERIFY(f.start());
        QAbstractItemModelTester tester(f.page->policyPanel()->model(), kQtTest);
        auto *table = child<QTableView>(f.page.get(), u"policyTable"_s);
        QCOMPARE(table->model()->rowCount(), 12);
        QCOMPARE(f.sim->requestCount(u"/api/policy/blockedsenders/get-policy"_s), 1);
        const auto cell = [&](int column) {
            return table->model()->index(0, column).data().toString();
        };
        QVERIFY(cell(ui::BlockedPolicyModel::Description).startsWith(u"Block "_s));
        QVERIFY(cell(ui::BlockedPolicyModel::From).startsWith(u"Email "_s));
        QCOMPARE(cell(ui::BlockedPolicyModel::To), u"Everyone"_s);
        QCOMPARE(cell(ui::BlockedPolicyModel::Starts), u"Eternal"_s);
        QCOMPARE(cell(ui::BlockedPolicyModel::Ends), u"Eternal"_s);
        QCOMPARE(cell(ui::BlockedPolicyModel::Enabled), u"Yes"_s);
        QCOMPARE(cell(ui::BlockedPolicyModel::Bidirectional), u"No"_s);

        // The quick filter narrows the table.
        auto *filter = child<QLineEdit>(f.page.get(), u"policyFilter"_s);
        filter->setText(cell(ui::BlockedPolicyModel::Description));
        QVERIFY(table->model()->rowCount() >= 1 && table->model()->rowCount() < 12);
        filter->clear();
        QCOMPARE(table->model()->rowCount(), 12);
        // Reconnecting rereads them.
        QSignalSpy loaded(f.page.get(), &ui::Page::loaded);
        QVERIFY(
            f.session.connectTo(u"Sim"_s, f.sim->baseUrl(), sim::demoCredentials(), {}).isEmpty());
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(f.sim->requestCount(u"/api/policy/blockedsenders/get-policy"_s), 2);
    }

    void untrustedTextStaysPlainText()
    {
        ui::BlockedPolicyModel model;
        QAbstractItemModelTester tester(&model, kQtTest);
        senders::BlockedSenderPolicy policy;
        policy.id = u"eNpX"_s;
        policy.description = u"<img src=x onerror=alert(1)><b>Block</b>"_s;
        policy.from = {u"email_domain"_s, u"<i>evil</i>.example"_s};
        policy.to = {u"everyone"_s, {}};
        model.setPolicies({policy});
        const QModelIndex description = model.index(0, ui::BlockedPolicyModel::Description);
        QCOMPARE(description.data().toString(), policy.description); // views draw it literally
        const QString tip = description.data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(u"&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;Block&lt;/b&gt;"_s));
        QVERIFY(!tip.contains(u"<img"_s));
        QVERIFY(!model.index(0, ui::BlockedPolicyModel::From)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(u"<i>"_s));
    }

    void createThroughTheDialogAppearsInTheTable()
    {
        testing::SenderPageFixture f;
        f.session.setCaseId(u"INC-0500"_s);
        f.session.setAlertGroups({u"AG-1"_s, u"AG-2"_s});
        QVERIFY(f.start());
        QAbstractItemModelTester tester(f.page->policyPanel()->model(), kQtTest);
        auto *dialog = openDialog(f.page.get());
        QVERIFY(dialog);
        auto *fromValue = child<QLineEdit>(dialog, u"policyFromValue"_s);
        auto *toValue = child<QLineEdit>(dialog, u"policyToValue"_s);
        // Only the types that need a value show the value field.
        QVERIFY(fromValue->isVisible()); // email_address
        QVERIFY(!toValue->isVisible());  // everyone
        choose(child<QComboBox>(dialog, u"policyToType"_s), u"internal_addresses"_s);
        QVERIFY(!toValue->isVisible());
        choose(child<QComboBox>(dialog, u"policyFromType"_s), u"email_domain"_s);
        QVERIFY(fromValue->isVisible());

        QTest::keyClicks(child<QLineEdit>(dialog, u"policyDescription"_s),
                         u"INC-0500 invoice fraud"_s);
        QTest::keyClicks(fromValue, u"invoices-example.net"_s);
        choose(child<QComboBox>(dialog, u"policyFromPart"_s), u"header_from"_s);
        child<QCheckBox>(dialog, u"policyEndEternal"_s)->click();
        auto *end = child<QDateTimeEdit>(dialog, u"policyEnd"_s);
        QVERIFY(end->isEnabled());
        const QDateTime endLocal(QDate(2031, 3, 1), QTime(18, 0));
        end->setDateTime(endLocal);
        child<QCheckBox>(dialog, u"policyBidirectional"_s)->setChecked(true);
        testing::saveShot(dialog, u"senders-policy-dialog"_s);
        QTest::mouseClick(child<QPushButton>(dialog, u"policyDialogCreate"_s), Qt::LeftButton);

        QTRY_VERIFY(!f.page->findChild<ui::BlockedSenderPolicyDialog *>());
        const QList<QJsonArray> bodies = f.bodies(testing::kCreatePolicyPath);
        QCOMPARE(bodies.size(), 1);
        const QJsonObject item = bodies.first().at(0).toObject();
        QCOMPARE(item.value(u"option"_s).toString(), u"block_sender"_s);
        const QJsonObject policy = item.value(u"policy"_s).toObject();
        QCOMPARE(policy.value(u"description"_s).toString(), u"INC-0500 invoice fraud"_s);
        QCOMPARE(policy.value(u"fromPart"_s).toString(), u"header_from"_s);
        QCOMPARE(policy.value(u"from"_s).toObject(),
                 (QJsonObject{{u"type"_s, u"email_domain"_s},
                              {u"emailDomain"_s, u"invoices-example.net"_s}}));
        QCOMPARE(policy.value(u"to"_s).toObject(),
                 (QJsonObject{{u"type"_s, u"internal_addresses"_s}}));
        QCOMPARE(policy.value(u"toEternal"_s).toBool(), false);
        QCOMPARE(policy.value(u"toDate"_s).toString(),
                 endLocal.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss"_s) + u"+0000"_s);
        QCOMPARE(policy.value(u"bidirectional"_s).toBool(), true);

        auto *table = child<QTableView>(f.page.get(), u"policyTable"_s);
        QCOMPARE(table->model()->rowCount(), 13);
        const int row = rowWithDescription(table, u"INC-0500 invoice fraud"_s);
        QVERIFY(row >= 0);
        const auto cell = [&](int column) {
            return table->model()->index(row, column).data().toString();
        };
        QCOMPARE(cell(ui::BlockedPolicyModel::From), u"Email domain: invoices-example.net"_s);
        QCOMPARE(cell(ui::BlockedPolicyModel::To), u"Internal addresses"_s);
        QCOMPARE(cell(ui::BlockedPolicyModel::Ends), endLocal.toString(u"yyyy-MM-dd HH:mm"_s));
        QCOMPARE(cell(ui::BlockedPolicyModel::Bidirectional), u"Yes"_s);
        QCOMPARE(table->currentIndex().row(), row); // the new policy is selected

        const QList<audit::AuditEntry> audited = auditEntries(f, u"create-blocked-sender-policy"_s);
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.first().caseId, u"INC-0500"_s);
        QCOMPARE(audited.first().alertGroups, (QStringList{u"AG-1"_s, u"AG-2"_s}));
        const QJsonObject audit = audited.first().items.at(0).toObject();
        QCOMPARE(audit.value(u"outcome"_s).toString(), u"done"_s);
        QCOMPARE(audit.value(u"id"_s).toString(),
                 table->model()->index(row, 0).data(ui::BlockedPolicyModel::IdRole).toString());
        // The item the CLI writes for the same policy (test_cli blockedSenderPolicies).
        QCOMPARE(audit.value(u"description"_s).toString(), u"INC-0500 invoice fraud"_s);
        QCOMPARE(audit.value(u"from"_s).toString(), u"email_domain: invoices-example.net"_s);
        QCOMPARE(audit.value(u"to"_s).toString(), u"internal_addresses"_s);
        testing::saveShot(f.page.get(), u"senders-policies"_s);
    }

    void invalidInputNamesTheFieldAndSendsNothing()
    {
        testing::SenderPageFixture f;
        QVERIFY(f.start());
        auto *dialog = openDialog(f.page.get());
        QVERIFY(dialog);
        auto *create = child<QPushButton>(dialog, u"policyDialogCreate"_s);
        auto *descriptionHint = child<QLabel>(dialog, u"policyDescriptionHint"_s);
        QVERIFY(!descriptionHint->isVisible()); // nothing red before the first Create

        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(descriptionHint->isVisible());
        QVERIFY(descriptionHint->text().startsWith(u"Description is required"_s));
        QCOMPARE(dialog->problemField(),
                 static_cast<QWidget *>(child<QLineEdit>(dialog, u"policyDescription"_s)));
        QCOMPARE(dialog->focusWidget(), dialog->problemField());

        // Typing moves the problem to the next field that needs the analyst.
        QTest::keyClicks(child<QLineEdit>(dialog, u"policyDescription"_s), u"Block a sender"_s);
        QVERIFY(!descriptionHint->isVisible());
        auto *fromHint = child<QLabel>(dialog, u"policyFromValueHint"_s);
        QVERIFY(fromHint->isVisible());
        QVERIFY(fromHint->text().startsWith(u"From needs a value"_s));
        QTest::keyClicks(child<QLineEdit>(dialog, u"policyFromValue"_s), u"not an address"_s);
        QVERIFY(
            fromHint->text().startsWith(u"From \"not an address\" is not a valid email address"_s));
        testing::saveShot(dialog, u"senders-policy-dialog-invalid"_s);

        child<QLineEdit>(dialog, u"policyFromValue"_s)->setText(u"fraud@invoices-example.net"_s);
        choose(child<QComboBox>(dialog, u"policyToType"_s), u"email_address"_s);
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(child<QLabel>(dialog, u"policyToValueHint"_s)
                    ->text()
                    .startsWith(u"To needs a value"_s));
        choose(child<QComboBox>(dialog, u"policyToType"_s), u"everyone"_s);

        // An end before the start.
        child<QCheckBox>(dialog, u"policyStartEternal"_s)->setChecked(false);
        child<QCheckBox>(dialog, u"policyEndEternal"_s)->setChecked(false);
        auto *start = child<QDateTimeEdit>(dialog, u"policyStart"_s);
        child<QDateTimeEdit>(dialog, u"policyEnd"_s)->setDateTime(start->dateTime().addDays(-1));
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(child<QLabel>(dialog, u"policyEndHint"_s)
                    ->text()
                    .startsWith(u"End date must be later"_s));
        QCOMPARE(dialog->problemField(),
                 static_cast<QWidget *>(child<QDateTimeEdit>(dialog, u"policyEnd"_s)));

        QCOMPARE(f.sim->requestCount(testing::kCreatePolicyPath), 0);
        dialog->reject();
        QTRY_VERIFY(!f.page->findChild<ui::BlockedSenderPolicyDialog *>());
        QCOMPARE(f.sim->requestCount(testing::kCreatePolicyPath), 0);
    }

    void mimecastsRefusalStaysInTheDialogAndIsAudited()
    {
        testing::SenderPageFixture f;
        QVERIFY(f.start());
        auto *dialog = openDialog(f.page.get());
        QVERIFY(dialog);
        QTest::keyClicks(child<QLineEdit>(dialog, u"policyDescription"_s), u"Odd domain"_s);
        choose(child<QComboBox>(dialog, u"policyFromType"_s), u"email_domain"_s);
        QTest::keyClicks(child<QLineEdit>(dialog, u"policyFromValue"_s), u"no_domain"_s);
        QTest::mouseClick(child<QPushButton>(dialog, u"policyDialogCreate"_s), Qt::LeftButton);
        auto *problem = child<QLabel>(dialog, u"policyProblem"_s);
        QTRY_VERIFY(problem->isVisible());
        QVERIFY(problem->text().startsWith(u"Mimecast did not create the policy"_s));
        QVERIFY(child<QPushButton>(dialog, u"policyDialogCreate"_s)->isEnabled());
        QCOMPARE(f.sim->requestCount(testing::kCreatePolicyPath), 1);
        QCOMPARE(child<QTableView>(f.page.get(), u"policyTable"_s)->model()->rowCount(), 12);
        const QList<audit::AuditEntry> audited = auditEntries(f, u"create-blocked-sender-policy"_s);
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.first().items.at(0).toObject().value(u"outcome"_s).toString(),
                 u"failed"_s);
        dialog->reject();
    }

    void deleteAsksNamingThePolicyThenRemovesIt()
    {
        testing::SenderPageFixture f;
        f.session.setCaseId(u"INC-0501"_s);
        QVERIFY(f.start());
        QAbstractItemModelTester tester(f.page->policyPanel()->model(), kQtTest);
        child<QTabWidget>(f.page.get(), u"senderTabs"_s)->setCurrentIndex(1);
        auto *table = child<QTableView>(f.page.get(), u"policyTable"_s);
        auto *remove = child<QPushButton>(f.page.get(), u"policyDeleteButton"_s);
        QVERIFY(!remove->isEnabled()); // nothing selected
        table->selectRow(2);
        QVERIFY(remove->isEnabled());
        const QString description = table->model()->index(2, 0).data().toString();
        const QString id =
            table->model()->index(2, 0).data(ui::BlockedPolicyModel::IdRole).toString();

        // Cancel first: nothing is sent.
        ui::dialogs::setNextConfirm(false);
        QTest::mouseClick(remove, Qt::LeftButton);
        const QList<ui::dialogs::Asked> asked = ui::dialogs::asked(ui::dialogs::Kind::Confirm);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().title, u"Delete blocked-sender policy"_s);
        QVERIFY(asked.first().text.contains(u'"' + description + u'"'));
        QVERIFY(asked.first().informativeText.contains(u"audit log"_s));
        QCOMPARE(asked.first().acceptLabel, u"&Delete policy"_s);
        QVERIFY(asked.first().destructive); // Cancel is the default: Enter keeps the policy
        QCOMPARE(f.sim->requestCount(testing::kDeletePolicyPath), 0);

        // The Delete key asks too; this time the analyst confirms.
        f.page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.page.get()));
        table->setFocus();
        ui::dialogs::setNextConfirm(true);
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(ui::dialogs::asked(ui::dialogs::Kind::Confirm).size(), 2);
        QTRY_COMPARE(table->model()->rowCount(), 11);
        QCOMPARE(f.page->policyPanel()->model()->rowOf(id), -1);
        const QList<QJsonArray> bodies = f.bodies(testing::kDeletePolicyPath);
        QCOMPARE(bodies.size(), 1);
        QCOMPARE(bodies.first(), (QJsonArray{QJsonObject{{u"id"_s, id}}}));
        const QList<audit::AuditEntry> audited = auditEntries(f, u"delete-blocked-sender-policy"_s);
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.first().caseId, u"INC-0501"_s);
        QCOMPARE(audited.first().items.at(0).toObject().value(u"id"_s).toString(), id);
        QCOMPARE(audited.first().items.at(0).toObject().value(u"outcome"_s).toString(), u"done"_s);
    }
};

QTEST_MAIN(TestBlockedSenderPolicies)
#include "test_blocked_sender_policies.moc"
