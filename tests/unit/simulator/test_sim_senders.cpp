#include "tests/unit/simulator/simtestclient.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk::sim;
using simtest::Caller;

namespace {
const auto kManaged = u"/api/managedsender/permit-or-block-sender"_s;
const auto kGetPolicy = u"/api/policy/blockedsenders/get-policy"_s;
const auto kCreatePolicy = u"/api/policy/blockedsenders/create-policy"_s;
const auto kDeletePolicy = u"/api/policy/blockedsenders/delete-policy"_s;

QJsonObject senderItem(const QString &from, const QString &to, const QString &action)
{
    return {{u"sender"_s, from}, {u"to"_s, to}, {u"action"_s, action}};
}

QJsonObject blockPolicy(const QString &address)
{
    return {{u"option"_s, u"block_sender"_s},
            {u"policy"_s, QJsonObject{{u"description"_s, u"Block %1"_s.arg(address)},
                                      {u"fromPart"_s, u"both"_s},
                                      {u"from"_s, QJsonObject{{u"type"_s, u"email_address"_s},
                                                              {u"emailAddress"_s, address}}},
                                      {u"to"_s, QJsonObject{{u"type"_s, u"everyone"_s}}}}}};
}
} // namespace

class TestSimSenders : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SimulatorHost> m_sim;
    std::unique_ptr<Caller> m_caller;

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimulatorHost>(
            SimConfig().withSeed(2).withHeld(20).withArchive(20).withPolicies(4));
        QVERIFY(m_sim->start());
        m_caller = std::make_unique<Caller>(m_sim->baseUrl());
    }

    void permitAndBlock()
    {
        const auto r = m_caller->api1(
            kManaged,
            {{u"data"_s, QJsonArray{senderItem(u"bad@spam.example"_s, u"alice.smith@demo.example"_s,
                                               u"block"_s),
                                    senderItem(u"good@partner.example"_s,
                                               u"alice.smith@demo.example"_s, u"permit"_s)}}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.fail().isEmpty());
        QCOMPARE(r.data().size(), 2);
        const QJsonObject blocked = r.data()[0].toObject();
        QVERIFY(blocked[u"id"_s].toString().startsWith(u"eNp"_s));
        QCOMPARE(blocked[u"sender"_s].toString(), u"bad@spam.example"_s);
        QCOMPARE(blocked[u"to"_s].toString(), u"alice.smith@demo.example"_s);
        QCOMPARE(blocked[u"type"_s].toString(), u"Block"_s);
        QCOMPARE(r.data()[1][u"type"_s].toString(), u"Permit"_s);

        // The same pair again keeps its managed-sender id and takes the new type.
        const auto again = m_caller->api1(
            kManaged, simtest::body(senderItem(u"bad@spam.example"_s, u"alice.smith@demo.example"_s,
                                               u"permit"_s)));
        QCOMPARE(again.data().first()[u"id"_s].toString(), blocked[u"id"_s].toString());
        QCOMPARE(again.data().first()[u"type"_s].toString(), u"Permit"_s);
    }

    void invalidAddressesFailPerItem()
    {
        const auto r = m_caller->api1(
            kManaged,
            {{u"data"_s,
              QJsonArray{
                  senderItem(u"not an address"_s, u"bob.jones@demo.example"_s, u"block"_s),
                  senderItem(u"ok@fine.example"_s, u"bob.jones@demo.example"_s, u"block"_s)}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().size(), 1);
        QCOMPARE(r.fail().size(), 1);
        QCOMPARE(r.errorCode(), u"err_validation_invalid_email_address"_s);
        QCOMPARE(r.firstError()[u"field"_s].toString(), u"sender"_s);
        QCOMPARE(r.fail().first()[u"key"_s][u"sender"_s].toString(), u"not an address"_s);

        const auto action = m_caller->api1(
            kManaged,
            simtest::body(senderItem(u"a@b.example"_s, u"bob.jones@demo.example"_s, u"allow"_s)));
        QCOMPARE(action.firstError()[u"field"_s].toString(), u"action"_s);
    }

    void moreThan100Rejected()
    {
        QJsonArray data;
        for (int i = 0; i < 101; ++i)
            data.append(
                senderItem(u"s%1@x.example"_s.arg(i), u"bob.jones@demo.example"_s, u"block"_s));
        const auto r = m_caller->api1(kManaged, {{u"data"_s, data}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"err_validation_item_count"_s);
    }

    void reportMessage()
    {
        const QString path = u"/api/message-finder/report-message"_s;
        const QString id = m_sim->heldIds(1).first();
        const auto ok = m_caller->api1(path, simtest::body({{u"id"_s, id},
                                                            {u"type"_s, u"phishing"_s},
                                                            {u"comment"_s, u"credential lure"_s}}));
        QVERIFY(ok.fail().isEmpty());
        QCOMPARE(ok.data().first()[u"id"_s].toString(), id);
        const auto bad =
            m_caller->api1(path, simtest::body({{u"id"_s, id}, {u"type"_s, u"ham"_s}}));
        QCOMPARE(bad.errorCode(), u"err_validation_invalid_value"_s);
        QCOMPARE(bad.firstError()[u"field"_s].toString(), u"type"_s);
    }

    void policyLifecycle()
    {
        const auto all = m_caller->api1(kGetPolicy, {{u"data"_s, QJsonArray{}}});
        QCOMPARE(all.data().size(), 4);
        const QJsonObject first = all.data().first().toObject();
        QVERIFY(first[u"policy"_s][u"from"_s][u"type"_s].isString());
        QVERIFY(first[u"option"_s].isString());

        const auto created =
            m_caller->api1(kCreatePolicy, simtest::body(blockPolicy(u"evil@bad.example"_s)));
        QCOMPARE(created.status, 200);
        QVERIFY(created.fail().isEmpty());
        const QJsonObject policy = created.data().first().toObject();
        const QString id = policy[u"id"_s].toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(policy[u"option"_s].toString(), u"block_sender"_s);
        QCOMPARE(policy[u"policy"_s][u"from"_s][u"emailAddress"_s].toString(),
                 u"evil@bad.example"_s);
        QVERIFY(policy[u"policy"_s][u"createTime"_s].toString().endsWith(u"+0000"_s));

        const auto one = m_caller->api1(kGetPolicy, simtest::body({{u"id"_s, id}}));
        QCOMPARE(one.data().first()[u"id"_s].toString(), id);
        QCOMPARE(m_caller->api1(kGetPolicy, {{u"data"_s, QJsonArray{}}}).data().size(), 5);

        const auto deleted = m_caller->api1(kDeletePolicy, simtest::body({{u"id"_s, id}}));
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.data().first()[u"id"_s].toString(), id);
        const auto gone = m_caller->api1(kDeletePolicy, simtest::body({{u"id"_s, id}}));
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.json[u"meta"_s][u"status"_s].toInt(), 404);
        QVERIFY(gone.data().isEmpty());
        QVERIFY(gone.fail().isEmpty());
    }

    void invalidPolicyFails()
    {
        const auto r = m_caller->api1(kCreatePolicy, simtest::body(blockPolicy(u"nope"_s)));
        QCOMPARE(r.errorCode(), u"err_validation_invalid_email_address"_s);
        QCOMPARE(r.firstError()[u"field"_s].toString(), u"policy.from.emailAddress"_s);
        QJsonObject badOption = blockPolicy(u"x@y.example"_s);
        badOption[u"option"_s] = u"maybe"_s;
        QCOMPARE(m_caller->api1(kCreatePolicy, simtest::body(badOption)).errorCode(),
                 u"err_validation_invalid_value"_s);
    }
};

QTEST_GUILESS_MAIN(TestSimSenders)
#include "test_sim_senders.moc"
