// Who clicked, and block the link, driven by objectName: a held phish → Who clicked this? →
// the click log filtered to its Message-ID → Block this URL (dialog, confirmation) → the managed
// URL listed on Sender & URL lists and audited under the case. Then the body preview's rewritten
// link decoded, a bulk URL import, and bad input that sends nothing.
#include "tests/support/guitestsupport.h"

#include "core/audit/auditlog.h"
#include "core/simulator/urlrewrite.h"
#include "ui/held/helddetailspane.h"
#include "ui/held/heldmessagemodel.h"
#include "ui/held/heldqueuepage.h"
#include "ui/investigate/investigatepage.h"
#include "ui/senders/senderlistspage.h"
#include "ui/shell/session.h"
#include "ui/threats/bodylinkmenu.h"
#include "ui/threats/decodeurldialog.h"
#include "ui/threats/managedurldialog.h"
#include "ui/threats/managedurlmodel.h"
#include "ui/threats/managedurlspanel.h"
#include "ui/threats/managedurlwriter.h"
#include "ui/threats/threatlogmodels.h"
#include "ui/threats/threatlogsview.h"
#include "ui/threats/urlimportdialog.h"
#include "ui/threats/urlimportmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using testing::child;

namespace {
const QString kUrlLogs = u"/api/ttp/url/get-logs"_s;
const QString kCreate = u"/api/ttp/url/create-managed-url"_s;
const QString kDecode = u"/api/ttp/url/decode-url"_s;

struct Fixture
{
    Fixture()
    {
        sim::SimConfig config;
        config.heldCount = 60;
        config.archiveCount = 50;
        sim = std::make_unique<sim::SimulatorHost>(config);
        QString error;
        if (!sim->start(0, &error))
            qFatal("simulator did not start: %s", qPrintable(error));
        session = std::make_unique<ui::Session>(env.auditPath());
        page = std::make_unique<ui::InvestigatePage>(session.get());
        page->resize(1280, 800);
        QObject::connect(session.get(), &ui::Session::whoClickedRequested, page.get(),
                         &ui::InvestigatePage::showWhoClicked);
    }

    bool connect()
    {
        return session->connectTo(u"Sim"_s, sim->baseUrl(), sim::demoCredentials(), {}).isEmpty();
    }

    QList<QJsonObject> bodies(const QString &path) const
    {
        QList<QJsonObject> out;
        for (const sim::RecordedRequest &r : sim->requests())
            if (r.path == path)
                out << QJsonDocument::fromJson(r.body).object();
        return out;
    }

    ui::ThreatLogsView *logs() const { return page->threatLogs(); }
    bool logsSearched(int timeoutMs = 30000) const
    {
        return QTest::qWaitFor([this] { return !logs()->isSearching(); }, timeoutMs);
    }

    // The held page, showing the campaign message with `messageId` and its detail loaded.
    std::unique_ptr<ui::HeldQueuePage> heldShowing(const QString &messageId)
    {
        auto held = std::make_unique<ui::HeldQueuePage>(session.get());
        held->resize(1200, 700);
        held->show();
        if (!QTest::qWaitFor([&held] { return held->isLoaded(); }, 30000))
            return {};
        auto *table = child<QTableView>(held.get(), u"heldTable"_s);
        const QString local = messageId.mid(1).section(u'@', 0, 0);
        for (int r = 0; r < table->model()->rowCount(); ++r)
            if (table->model()
                    ->index(r, 0)
                    .data(ui::HeldMessageModel::IdRole)
                    .toString()
                    .right(12) == local) {
                table->setCurrentIndex(table->model()->index(r, 0));
                auto *details = held->findChild<ui::HeldDetailsPane *>();
                if (!QTest::qWaitFor([details] { return details->detailLoaded(); }, 10000))
                    return {};
                return held;
            }
        return {};
    }

    testing::GuiEnvironment env;
    std::unique_ptr<sim::SimulatorHost> sim;
    std::unique_ptr<ui::Session> session;
    std::unique_ptr<ui::InvestigatePage> page;
};
} // namespace

class TestWhoClicked : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void whoClickedThenBlockForEveryone()
    {
        Fixture f;
        QVERIFY(f.connect());
        f.session->setCaseId(u"INC-1313"_s);
        const QString messageId = f.sim->campaignMessageIds(1).value(0);
        QVERIFY(!messageId.isEmpty());
        std::unique_ptr<ui::HeldQueuePage> held = f.heldShowing(messageId);
        QVERIFY(held);

        // Who clicked this? on the held phish: the click log, filtered to its Message-ID.
        f.sim->clearRequests();
        f.page->show();
        child<QAction>(held.get(), u"whoClickedAction"_s)->trigger();
        QCOMPARE(child<QTabWidget>(f.page.get(), u"investigateTabs"_s)->currentWidget(), f.logs());
        QVERIFY(f.logsSearched());
        QCOMPARE(f.logs()->currentLog(), threats::ThreatLog::UrlClicks);
        QCOMPARE(child<QLineEdit>(f.logs(), u"threatLogMessageId"_s)->text(), messageId);
        const QList<QJsonObject> sent = f.bodies(kUrlLogs);
        QVERIFY(!sent.isEmpty());
        const QJsonObject data = sent.first()[u"data"_s][0].toObject();
        QCOMPARE(data[u"scanResult"_s].toString(), u"all"_s);
        QCOMPARE(data[u"route"_s].toString(), u"all"_s);
        QVERIFY(data[u"from"_s].toString().endsWith(u"+0000"_s));
        QVERIFY(!data.contains(u"messageId"_s)); // filtered here: Mimecast has no such filter
        auto *clicks = static_cast<ui::ClickLogModel *>(f.logs()->model());
        QVERIFY2(clicks->rowCount() > 0,
                 qPrintable(child<QLabel>(f.logs(), u"threatLogCount"_s)->text()));
        int clickRow = -1;
        for (int r = 0; r < clicks->rowCount(); ++r) {
            QCOMPARE(clicks->click(r).messageId, messageId);
            if (clicks->click(r).isClick() && clickRow < 0)
                clickRow = r;
        }
        QVERIFY2(clickRow >= 0, "nobody clicked the campaign link");
        const QString url = clicks->click(clickRow).url;
        QVERIFY(url.startsWith(u"https://login."_s));

        // Block this URL (Ctrl+B on the log): the dialog has the URL and the case; domain match.
        auto *table = f.logs()->table();
        table->setCurrentIndex(
            f.logs()->proxy()->mapFromSource(clicks->index(clickRow, ui::ClickLogModel::Url)));
        table->setFocus();
        testing::saveShot(f.page.get(), u"investigate-threat-logs"_s);
        QTest::keyClick(table, Qt::Key_B, Qt::ControlModifier);
        ui::ManagedUrlDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = f.page->findChild<ui::ManagedUrlDialog *>(u"blockUrlDialog"_s)) &&
                    dialog->isVisible());
        QCOMPARE(child<QLineEdit>(dialog, u"blockUrlUrl"_s)->text(), url);
        QCOMPARE(child<QLineEdit>(dialog, u"blockUrlComment"_s)->text(), u"INC-1313"_s);
        child<QRadioButton>(dialog, u"blockUrlDomain"_s)->setChecked(true);
        QVERIFY(!child<QCheckBox>(dialog, u"blockUrlDisableRewrite"_s)->isEnabled());
        testing::saveShot(dialog, u"threats-block-url-dialog"_s);
        f.sim->clearRequests();
        ui::dialogs::setNextConfirm(true);
        QTest::mouseClick(child<QPushButton>(dialog, u"blockUrlOk"_s), Qt::LeftButton);
        const QList<ui::dialogs::Asked> asked = ui::dialogs::asked(ui::dialogs::Kind::Confirm);
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().text.contains(QUrl(url).host()));
        QVERIFY(asked.first().informativeText.contains(u"INC-1313"_s));
        QTRY_COMPARE_WITH_TIMEOUT(f.sim->requestCount(kCreate), 1, 10000);
        const QJsonObject created = f.bodies(kCreate).first()[u"data"_s][0].toObject();
        QCOMPARE(created[u"url"_s].toString(), url);
        QCOMPARE(created[u"action"_s].toString(), u"block"_s);
        QCOMPARE(created[u"matchType"_s].toString(), u"domain"_s);
        QCOMPARE(created[u"comment"_s].toString(), u"INC-1313"_s);
        QVERIFY(!created.contains(u"disableRewrite"_s) || !created[u"disableRewrite"_s].toBool());

        // Audited under the case before success is shown.
        QTRY_VERIFY_WITH_TIMEOUT(!f.logs()->urlWriter()->isBusy(), 10000);
        const QList<audit::AuditEntry> audit = audit::AuditLog(f.env.auditPath()).readAll();
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().action, u"block-url"_s);
        QCOMPARE(audit.first().caseId, u"INC-1313"_s);
        QVERIFY(QJsonDocument(audit.first().items).toJson().contains(QUrl(url).host().toUtf8()));

        // Listed on Sender & URL lists → Managed URLs.
        ui::SenderListsPage lists(f.session.get());
        lists.resize(1200, 700);
        lists.show();
        lists.showManagedUrls();
        ui::ManagedUrlsPanel *panel = lists.urlPanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isLoaded(), 10000);
        QVERIFY(panel->model()->rowOf(url) >= 0);
        const threats::ManagedUrl &listed = panel->model()->entry(panel->model()->rowOf(url));
        QCOMPARE(listed.action, threats::ManagedUrl::Action::Block);
        QCOMPARE(listed.match, threats::ManagedUrl::Match::Domain);
        testing::saveShot(&lists, u"senders-managed-urls"_s);

        // Deleting it: a destructive confirmation, then gone from the list, audited.
        auto *urls = panel->table();
        urls->selectRow(panel->proxy()
                            ->mapFromSource(panel->model()->index(panel->model()->rowOf(url), 0))
                            .row());
        ui::dialogs::setNextConfirm(true);
        child<QPushButton>(panel, u"managedUrlsDelete"_s)->click();
        QVERIFY(ui::dialogs::asked(ui::dialogs::Kind::Confirm).last().destructive);
        QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowOf(url) < 0 && panel->isLoaded(), 10000);
        QCOMPARE(audit::AuditLog(f.env.auditPath()).readAll().last().action,
                 u"delete-managed-url"_s);
    }

    void bodyPreviewLinkDecodedAndImported()
    {
        Fixture f;
        QVERIFY(f.connect());
        const QString messageId = f.sim->campaignMessageIds(1).value(0);
        std::unique_ptr<ui::HeldQueuePage> held = f.heldShowing(messageId);
        QVERIFY(held);
        auto *details = held->findChild<ui::HeldDetailsPane *>();
        const QString body = details->bodyView()->toPlainText();
        const qsizetype at = body.indexOf(u"mimecastprotect.com"_s);
        QVERIFY2(at > 0, qPrintable(body));

        // The context menu on the rewritten link offers Decode; the dialog shows the original.
        QMenu menu;
        details->bodyLinks()->addActions(&menu, int(at));
        QAction *decode = menu.findChild<QAction *>(u"bodyDecodeLinkAction"_s);
        QVERIFY(decode);
        QVERIFY(!menu.findChild<QAction *>(u"bodyBlockUrlAction"_s)); // decode first
        f.sim->clearRequests();
        decode->trigger();
        ui::DecodeUrlDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = held->window()->findChild<ui::DecodeUrlDialog *>()) != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isDecoding() && !dialog->originals().isEmpty(), 10000);
        QCOMPARE(f.sim->requestCount(kDecode), 1);
        const QString original = dialog->originals().first();
        QVERIFY(body.contains(original));
        QVERIFY(!threats::isRewrittenUrl(original));
        QCOMPARE(child<QPlainTextEdit>(dialog, u"decodeUrlOutput"_s)->toPlainText(), original);
        testing::saveShot(dialog, u"threats-decode-url"_s);
        dialog->close();

        // On the original link: Who clicked this link? and Block this URL.
        QMenu onOriginal;
        details->bodyLinks()->addActions(&onOriginal, int(body.indexOf(original)) + 3);
        QVERIFY(onOriginal.findChild<QAction *>(u"bodyWhoClickedAction"_s));
        QVERIFY(onOriginal.findChild<QAction *>(u"bodyBlockUrlAction"_s));
        f.page->show();
        onOriginal.findChild<QAction *>(u"bodyWhoClickedAction"_s)->trigger();
        QVERIFY(f.logsSearched());
        QCOMPARE(child<QLineEdit>(f.logs(), u"threatLogUrl"_s)->text(), original);
        QVERIFY(f.logs()->model()->rowCount() > 0);

        // Bulk import: one good line, a repeat folded, a rewritten link refused by name.
        ui::SenderListsPage lists(f.session.get());
        lists.show();
        lists.showManagedUrls();
        QTRY_VERIFY_WITH_TIMEOUT(lists.urlPanel()->isLoaded(), 10000);
        ui::UrlImportDialog *import = lists.urlPanel()->openImport();
        import->setText(u"url,action,match\nhttps://bad-one.example/x,block,explicit\n"
                        "https://bad-one.example/x,block,explicit\n"_s +
                        sim::rewrittenUrl(u"https://a.example/"_s) + u",block\n"_s);
        const threats::UrlImportParse &parse = import->model()->parse();
        QCOMPARE(parse.sendable(), 1);
        QCOMPARE(parse.invalid(), 1);
        QCOMPARE(parse.duplicates, 1);
        QVERIFY(
            child<QLabel>(import, u"urlImportSummary"_s)->text().contains(u"1 with a problem"_s));
        testing::saveShot(import, u"threats-url-import"_s);
        f.sim->clearRequests();
        ui::dialogs::setNextConfirm(true);
        child<QPushButton>(import, u"urlImportSend"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!import->isSending() && f.sim->requestCount(kCreate) == 1, 10000);
        QCOMPARE(f.bodies(kCreate).first()[u"data"_s][0][u"url"_s].toString(),
                 u"https://bad-one.example/x"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            lists.urlPanel()->model()->rowOf(u"https://bad-one.example/x"_s) >= 0, 10000);
    }

    void badInputSendsNothing()
    {
        Fixture f;
        QVERIFY(f.connect());
        f.page->show();
        f.sim->clearRequests();
        // A window longer than the 31 days read at a time: named, nothing sent.
        child<QDateTimeEdit>(f.logs(), u"threatLogStart"_s)
            ->setDateTime(QDateTime::currentDateTime().addDays(-45));
        child<QPushButton>(f.logs(), u"threatLogSearch"_s)->click();
        auto *error = child<QLabel>(f.logs(), u"threatLogError"_s);
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(u"31"_s), qPrintable(error->text()));
        QVERIFY(!error->text().contains(u"--"_s));
        // A malformed Message-ID: named.
        child<QDateTimeEdit>(f.logs(), u"threatLogStart"_s)
            ->setDateTime(QDateTime::currentDateTime().addDays(-2));
        child<QLineEdit>(f.logs(), u"threatLogMessageId"_s)->setText(u"not an id"_s);
        child<QPushButton>(f.logs(), u"threatLogSearch"_s)->click();
        QVERIFY2(error->text().contains(u"Message-ID"_s), qPrintable(error->text()));
        QTest::qWait(50); // kept: asserts nothing goes out during this period
        QCOMPARE(f.sim->requestCount(kUrlLogs), 0);

        // The block dialog refuses a rewritten link and a fragment before anything is sent.
        ui::ManagedUrlWriter *writer = f.logs()->urlWriter();
        ui::ManagedUrlDialog *dialog =
            writer->openDialog(sim::rewrittenUrl(u"https://x.example/"_s));
        QVERIFY(!child<QPushButton>(dialog, u"blockUrlOk"_s)->isEnabled());
        QVERIFY(child<QLabel>(dialog, u"blockUrlProblem"_s)->text().contains(u"decode"_s));
        child<QLineEdit>(dialog, u"blockUrlUrl"_s)->setText(u"https://x.example/a#frag"_s);
        QVERIFY(!child<QPushButton>(dialog, u"blockUrlOk"_s)->isEnabled());
        QVERIFY(child<QLabel>(dialog, u"blockUrlProblem"_s)->text().startsWith(u"URL"_s));
        dialog->close();
        QCOMPARE(f.sim->requestCount(kCreate), 0);
    }
};

QTEST_MAIN(TestWhoClicked)
#include "test_who_clicked.moc"
