// The operations the actions do not cover (details, policies, discovery) against the simulator.
#include "core/account/account.h"
#include "core/archive/archivemessagedetail.h"
#include "core/held/heldoperations.h"
#include "core/held/releaselog.h"
#include "core/senders/blockedsenderpolicy.h"
#include "tests/support/simfixture.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace mcdesk;

namespace {
template<typename Op> void runToEnd(Op &op)
{
    QSignalSpy spy(&op, &Op::finished);
    op.start();
    QVERIFY(spy.wait(20000));
}
} // namespace

class TestOperations : public QObject
{
    Q_OBJECT
private slots:
    void heldMessageDetail()
    {
        testing::SimFixture f;
        held::ListHeldMessages list(f.client.get(), held::HeldQuery{{}, {}, {}, {}, {}, 200});
        QList<held::HeldMessage> messages;
        connect(&list, &held::ListHeldMessages::pageArrived, this,
                [&](const QList<held::HeldMessage> &page) { messages += page; });
        runToEnd(list);
        QCOMPARE(messages.size(), 200);
        const auto withAttachment =
            std::find_if(messages.cbegin(), messages.cend(),
                         [](const held::HeldMessage &m) { return m.hasAttachments; });
        QVERIFY(withAttachment != messages.cend());
        QVERIFY(withAttachment->received.isValid());

        held::GetHeldMessageDetail detail(f.client.get(), withAttachment->id);
        runToEnd(detail);
        QVERIFY2(!detail.error().isError(), qPrintable(detail.error().describe()));
        QCOMPARE(detail.detail().id, withAttachment->id);
        QVERIFY(!detail.detail().attachments.isEmpty());
        QCOMPARE(detail.detail().attachments.first().sha256.size(), 64);
        QVERIFY(!detail.detail().headers.isEmpty());
    }

    void listHeldPagesProgressivelyAndReportsTotal()
    {
        testing::SimFixture f;
        held::ListHeldMessages list(f.client.get(), held::HeldQuery{{}, {}, {}, {}, {}, 1200});
        int pages = 0;
        connect(&list, &held::ListHeldMessages::pageArrived, this, [&] { ++pages; });
        runToEnd(list);
        QCOMPARE(pages, 3);
        QCOMPARE(list.totalCount(), f.sim->heldCount());
        QCOMPARE(f.sim->requestCount(u"/api/gateway/get-hold-message-list"_s), 3);
    }

    void blockedSenderPolicyLifecycle()
    {
        testing::SimFixture f;
        senders::GetBlockedSenderPolicies before(f.client.get());
        runToEnd(before);
        QVERIFY(!before.error().isError());

        senders::BlockedSenderPolicy policy;
        policy.description = u"Case 42: invoice fraud"_s;
        policy.from = {u"email_domain"_s, u"bad.example"_s};
        policy.to = {u"everyone"_s, {}};
        QCOMPARE(policy.validate(), QString());
        senders::CreateBlockedSenderPolicy create(f.client.get(), policy);
        runToEnd(create);
        QVERIFY2(!create.error().isError(), qPrintable(create.error().describe()));
        const QString id = create.created().id;
        QVERIFY(!id.isEmpty());
        QCOMPARE(create.created().from.value, u"bad.example"_s);

        senders::GetBlockedSenderPolicies after(f.client.get());
        runToEnd(after);
        QCOMPARE(after.policies().size(), before.policies().size() + 1);

        senders::DeleteBlockedSenderPolicy remove(f.client.get(), id);
        runToEnd(remove);
        QVERIFY2(!remove.error().isError(), qPrintable(remove.error().describe()));
        senders::DeleteBlockedSenderPolicy again(f.client.get(), id);
        runToEnd(again);
        QVERIFY(again.error().isError());
        QCOMPARE(again.error().httpStatus, 404);
    }

    void releaseLogRecordsOurReleases()
    {
        testing::SimFixture f;
        const QStringList ids = f.sim->heldIds(3);
        api::ApiCall *call =
            f.client->post(u"/api/gateway/hold-release"_s,
                           {{u"data"_s, QJsonArray{QJsonObject{{u"id"_s, ids[0]}},
                                                   QJsonObject{{u"id"_s, ids[1]}}}}},
                           api::CallKind::Write);
        QSignalSpy released(call, &api::ApiCall::finished);
        QVERIFY(released.wait(10000));
        held::GetHeldReleaseLogs log(f.client.get(), QDateTime::currentDateTimeUtc().addSecs(-3600),
                                     {});
        QList<held::ReleaseLogEntry> entries;
        connect(&log, &held::GetHeldReleaseLogs::pageArrived, this,
                [&](const QList<held::ReleaseLogEntry> &page) { entries += page; });
        runToEnd(log);
        QVERIFY2(!log.error().isError(), qPrintable(log.error().describe()));
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.first().action, u"release"_s);
        QVERIFY(!entries.first().operatorName.isEmpty());
        QVERIFY(entries.first().time.isValid());
    }

    void archiveMessageDetail()
    {
        testing::SimFixture f;
        archive::GetArchiveMessageDetail detail(f.client.get(), f.sim->firstArchiveId());
        runToEnd(detail);
        QVERIFY2(!detail.error().isError(), qPrintable(detail.error().describe()));
        QCOMPARE(detail.detail().id, f.sim->firstArchiveId());
        QVERIFY(!detail.detail().headers.isEmpty());
        QVERIFY(!detail.detail().bodyPreview.isEmpty());
    }

    void policyValidationNamesTheField()
    {
        senders::BlockedSenderPolicy policy;
        policy.description = u"x"_s;
        policy.from = {u"email_address"_s, u"not-an-address"_s};
        policy.to = {u"everyone"_s, {}};
        QVERIFY(policy.validate().startsWith(u"From"_s));
        policy.from = {u"email_domain"_s, {}};
        QVERIFY(policy.validate().contains(u"value"_s));
        policy.from = {u"everyone"_s, {}};
        policy.description.clear();
        QVERIFY(policy.validate().startsWith(u"Description"_s));
    }

    void regionDiscovery()
    {
        testing::SimFixture f;
        account::DiscoverRegion known(f.client->network(), u"someone@demo.example"_s, {},
                                      f.sim->baseUrl());
        runToEnd(known);
        QVERIFY2(!known.error().isError(), qPrintable(known.error().describe()));
        QCOMPARE(known.regionBaseUrl().host(), u"127.0.0.1"_s);

        account::DiscoverRegion unknown(f.client->network(), u"someone@unknown.example"_s, {},
                                        f.sim->baseUrl());
        runToEnd(unknown);
        QVERIFY(unknown.error().isError());
        QVERIFY(unknown.error().message.contains(u"someone@unknown.example"_s));
        const sim::RecordedRequest req = f.sim->requests().last();
        QVERIFY(!req.headers.contains("authorization"));
    }
};

QTEST_GUILESS_MAIN(TestOperations)
#include "test_operations.moc"
