#include "tests/unit/simulator/simtestclient.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk::sim;
using simtest::Caller;

namespace {
const auto kList = u"/api/gateway/get-hold-message-list"_s;
const auto kRelease = u"/api/gateway/hold-release"_s;
const auto kReject = u"/api/gateway/hold-reject"_s;
constexpr int kHeld = 300;

QJsonObject admin(QJsonObject item = {})
{
    item.insert(u"admin"_s, true);
    return item;
}

QJsonObject idItems(const QStringList &ids)
{
    QJsonArray data;
    for (const auto &id : ids)
        data.append(QJsonObject{{u"id"_s, id}});
    return {{u"data"_s, data}};
}
} // namespace

class TestSimHeld : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SimulatorHost> m_sim;
    std::unique_ptr<Caller> m_caller;

    QJsonArray listAll(const QJsonObject &filter)
    {
        const auto r = m_caller->api1(kList, simtest::body(filter, 500));
        return r.data();
    }

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimulatorHost>(
            SimConfig().withSeed(3).withHeld(kHeld).withArchive(20).withPolicies(2));
        QVERIFY(m_sim->start());
        m_caller = std::make_unique<Caller>(m_sim->baseUrl());
    }

    void listDefaultsToPagesOf25()
    {
        const auto r = m_caller->api1(kList, simtest::body(admin()));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().size(), 25);
        QCOMPARE(r.pagination()[u"pageSize"_s].toInt(), 25);
        QCOMPARE(r.pagination()[u"totalCount"_s].toInt(), kHeld);
        QVERIFY(!r.pagination()[u"next"_s].toString().isEmpty());
        const QRegularExpression date(uR"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$)"_s);
        QString previous = u"9999"_s;
        for (const auto &value : r.data()) {
            const QJsonObject m = value.toObject();
            QVERIFY(m[u"id"_s].toString().startsWith(u"eNp"_s));
            QVERIFY(date.match(m[u"dateReceived"_s].toString()).hasMatch());
            QVERIFY(m[u"dateReceived"_s].toString() <= previous); // newest first
            previous = m[u"dateReceived"_s].toString();
            for (const auto &key : {u"reason"_s, u"reasonId"_s, u"reasonCode"_s, u"policyInfo"_s,
                                    u"subject"_s, u"route"_s})
                QVERIFY2(m.contains(key), qPrintable(key));
            QVERIFY(m[u"from"_s][u"emailAddress"_s].toString().contains(u'@'));
            QVERIFY(m[u"toHeader"_s][u"emailAddress"_s].toString().contains(u'@'));
            QVERIFY(m[u"hasAttachments"_s].isBool());
            QVERIFY(m[u"size"_s].toInt() > 0);
        }
    }

    void pagesWithTokens()
    {
        QSet<QString> ids;
        QString token;
        int pages = 0;
        do {
            // Follow-up calls send only the token, as Elastic does.
            const QJsonObject request =
                token.isEmpty()
                    ? simtest::body(admin(), 120)
                    : QJsonObject{{u"meta"_s, QJsonObject{{u"pagination"_s,
                                                           QJsonObject{{u"pageSize"_s, 120},
                                                                       {u"pageToken"_s, token}}}}}};
            const auto r = m_caller->api1(kList, request);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.pagination()[u"totalCount"_s].toInt(), kHeld);
            for (const auto &m : r.data())
                ids.insert(m[u"id"_s].toString());
            token = r.pagination()[u"next"_s].toString();
            ++pages;
        } while (!token.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(ids.size(), kHeld);
    }

    void pageSizeCappedAt500()
    {
        const auto r = m_caller->api1(kList, simtest::body(admin(), 5000));
        QCOMPARE(r.pagination()[u"pageSize"_s].toInt(), 500);
        QCOMPARE(r.data().size(), kHeld);
        QVERIFY(!r.pagination().contains(u"next"_s));
    }

    void badPageTokenRejected()
    {
        const auto r = m_caller->api1(kList, simtest::body(admin(), 10, u"garbage!"_s));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"err_validation_invalid_page_token"_s);
    }

    void nonAdminSeesNothing()
    {
        const auto r = m_caller->api1(kList, simtest::body(QJsonObject{}));
        QCOMPARE(r.status, 200);
        QVERIFY(r.data().isEmpty());
    }

    void searchBy_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("subject") << u"subject"_s << u"invoice"_s;
        QTest::newRow("sender") << u"sender"_s << u"partner.example"_s;
        QTest::newRow("recipient") << u"recipient"_s << u"finance@"_s;
        QTest::newRow("reason_code") << u"reason_code"_s << u"attachment_management"_s;
        QTest::newRow("all") << u"all"_s << u"paypa1"_s;
    }
    void searchBy()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const QJsonObject filter =
            admin({{u"searchBy"_s, QJsonObject{{u"fieldName"_s, field}, {u"value"_s, value}}}});
        const QJsonArray hits = listAll(filter);
        QVERIFY(!hits.isEmpty());
        QVERIFY(hits.size() < kHeld);
        for (const auto &value_ : hits) {
            const QJsonObject m = value_.toObject();
            const QString haystack =
                field == u"subject"_s  ? m[u"subject"_s].toString()
                : field == u"sender"_s ? m[u"from"_s][u"emailAddress"_s].toString() +
                                             m[u"fromHeader"_s][u"emailAddress"_s].toString()
                : field == u"recipient"_s   ? m[u"to"_s][u"emailAddress"_s].toString()
                : field == u"reason_code"_s ? m[u"reasonCode"_s].toString()
                                            : QString::fromUtf8(QJsonDocument(m).toJson());
            QVERIFY2(haystack.contains(value, Qt::CaseInsensitive), qPrintable(haystack));
        }
    }

    void searchByUnknownFieldFails()
    {
        const QJsonObject filter = admin(
            {{u"searchBy"_s, QJsonObject{{u"fieldName"_s, u"colour"_s}, {u"value"_s, u"x"_s}}}});
        const auto r = m_caller->api1(kList, simtest::body(filter));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.errorCode(), u"err_validation_invalid_value"_s);
        QCOMPARE(r.firstError()[u"field"_s].toString(), u"searchBy.fieldName"_s);
        QVERIFY(r.data().isEmpty());
    }

    void routeFilter()
    {
        const QJsonArray filterBy{
            QJsonObject{{u"fieldName"_s, u"route"_s}, {u"value"_s, u"outbound"_s}}};
        const QJsonArray hits = listAll(admin({{u"filterBy"_s, filterBy}}));
        QVERIFY(!hits.isEmpty());
        for (const auto &m : hits)
            QCOMPARE(m[u"route"_s].toString(), u"OUTBOUND"_s);
    }

    void dateRange()
    {
        const QString start =
            QDateTime::currentDateTimeUtc().addDays(-2).toString(u"yyyy-MM-dd'T'HH:mm:ss"_s) +
            u"+0000"_s;
        const QJsonArray hits = listAll(admin({{u"start"_s, start}}));
        QVERIFY(!hits.isEmpty());
        QVERIFY(hits.size() < kHeld);
        for (const auto &m : hits)
            QVERIFY(m[u"dateReceived"_s].toString() >= start);
        const auto bad =
            m_caller->api1(kList, simtest::body(admin({{u"start"_s, u"last tuesday"_s}})));
        QCOMPARE(bad.errorCode(), u"err_validation_invalid_date"_s);
    }

    void dataIsSeededAndHostile()
    {
        SimulatorHost again(
            SimConfig().withSeed(3).withHeld(kHeld).withArchive(20).withPolicies(2));
        SimulatorHost other(
            SimConfig().withSeed(4).withHeld(kHeld).withArchive(20).withPolicies(2));
        QCOMPARE(again.heldIds(5), m_sim->heldIds(5));
        QVERIFY(other.heldIds(5) != m_sim->heldIds(5));
        const QString all = QString::fromUtf8(QJsonDocument(listAll(admin())).toJson());
        QVERIFY(all.contains(u"<b>"_s));
        QVERIFY(all.contains(u"=HYPERLINK("_s));
        QVERIFY(all.contains(u"Zoë"_s) || all.contains(u"請求書"_s) || all.contains(u"Счёт"_s));
    }

    void summaryCountsTheQueue()
    {
        const auto r =
            m_caller->api1(u"/api/gateway/get-hold-summary-list"_s, {{u"data"_s, QJsonArray{}}});
        int total = 0;
        for (const auto &p : r.data()) {
            QVERIFY(!p[u"policyInfo"_s].toString().isEmpty());
            total += p[u"numberOfItems"_s].toInt();
        }
        QVERIFY(r.data().size() >= 5);
        QCOMPARE(total, m_sim->heldCount());
    }

    void detailHasAttachmentsAndHeaders()
    {
        const QJsonArray withAttachments = listAll(
            admin({{u"searchBy"_s, QJsonObject{{u"fieldName"_s, u"reason_code"_s},
                                               {u"value"_s, u"attachment_management"_s}}}}));
        QVERIFY(!withAttachments.isEmpty());
        const QString id = withAttachments.first()[u"id"_s].toString();
        const auto r = m_caller->api1(u"/api/gateway/message/get-message-detail"_s,
                                      simtest::body({{u"id"_s, id}}));
        QCOMPARE(r.status, 200);
        const QJsonObject detail = r.data().first().toObject();
        QCOMPARE(detail[u"id"_s].toString(), id);
        const QJsonObject attachment = detail[u"attachments"_s].toArray().first().toObject();
        QVERIFY(!attachment[u"filename"_s].toString().isEmpty());
        QVERIFY(!attachment[u"contentType"_s].toString().isEmpty());
        QVERIFY(attachment[u"size"_s].toInt() > 0);
        QCOMPARE(attachment[u"sha256"_s].toString().size(), 64);
        QVERIFY(detail[u"headers"_s].toArray().size() >= 5);
    }

    void releaseRemovesFromQueue()
    {
        const QStringList ids = m_sim->heldIds(3);
        const int before = m_sim->heldCount();
        const auto r = m_caller->api1(kRelease, idItems(ids));
        QCOMPARE(r.status, 200);
        QVERIFY(r.fail().isEmpty());
        QCOMPARE(r.data().size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(r.data()[i][u"id"_s].toString(), ids[i]);
            QCOMPARE(r.data()[i][u"release"_s].toBool(), true);
            QVERIFY(!m_sim->isHeld(ids[i]));
        }
        QCOMPARE(m_sim->heldCount(), before - 3);
        const auto list = m_caller->api1(kList, simtest::body(admin(), 5));
        QCOMPARE(list.pagination()[u"totalCount"_s].toInt(), before - 3);

        const auto again = m_caller->api1(kRelease, idItems({ids.first()}));
        QCOMPARE(again.status, 200);
        QVERIFY(again.data().isEmpty());
        QCOMPARE(again.errorCode(), u"err_held_message_not_found"_s);
        QCOMPARE(again.fail().first()[u"key"_s][u"id"_s].toString(), ids.first());
    }

    void releaseOfMoreThan25Rejected()
    {
        const QStringList ids = m_sim->heldIds(26);
        const auto r = m_caller->api1(kRelease, idItems(ids));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"err_validation_item_count"_s);
        for (const auto &id : ids)
            QVERIFY(m_sim->isHeld(id));
        QCOMPARE(m_caller->api1(kRelease, idItems({})).status, 400);
    }

    void releaseToSandbox()
    {
        const QString id = m_sim->heldIds(1).first();
        const auto r =
            m_caller->api1(u"/api/message-finder/release-held-email-to-sandbox"_s, idItems({id}));
        QCOMPARE(r.data().first()[u"release"_s].toBool(), true);
        QVERIFY(!m_sim->isHeld(id));
    }

    void rejectValidatesReasonType()
    {
        const QStringList ids = m_sim->heldIds(2);
        const auto bad = m_caller->api1(
            kReject, simtest::body({{u"ids"_s, QJsonArray{ids[0]}}, {u"reasonType"_s, u"spam"_s}}));
        QCOMPARE(bad.status, 200);
        QCOMPARE(bad.errorCode(), u"err_validation_invalid_value"_s);
        QCOMPARE(bad.firstError()[u"field"_s].toString(), u"reasonType"_s);
        QVERIFY(m_sim->isHeld(ids[0]));

        const auto ok = m_caller->api1(
            kReject, simtest::body({{u"ids"_s, QJsonArray{ids[0], ids[1]}},
                                    {u"reasonType"_s, u"INAPPROPRIATE COMMUNICATION"_s},
                                    {u"message"_s, u"Not for us"_s},
                                    {u"notify"_s, true}}));
        QVERIFY(ok.fail().isEmpty());
        QCOMPARE(ok.data().size(), 2);
        QCOMPARE(ok.data()[1][u"reject"_s].toBool(), true);
        QVERIFY(!m_sim->isHeld(ids[0]));
        QVERIFY(!m_sim->isHeld(ids[1]));
    }

    void rejectOfMoreThan25IdsFails()
    {
        QJsonArray ids;
        for (const auto &id : m_sim->heldIds(26))
            ids.append(id);
        const auto r = m_caller->api1(kReject, simtest::body({{u"ids"_s, ids}}));
        QCOMPARE(r.errorCode(), u"err_validation_item_count"_s);
        QVERIFY(m_sim->isHeld(ids.first().toString()));
    }

    void releaseLogListsOurActions()
    {
        const auto r = m_caller->api1(u"/api/gateway/get-held-release-logs"_s,
                                      simtest::body(QJsonObject{}, 100));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().size(), 6); // 3 released, 1 to sandbox, 2 rejected
        const QJsonObject newest = r.data().first().toObject();
        QCOMPARE(newest[u"action"_s].toString(), u"reject"_s);
        QCOMPARE(newest[u"operator"_s].toString(), u"analyst@demo.example"_s);
        QCOMPARE(newest[u"rejectReason"_s].toString(), u"INAPPROPRIATE COMMUNICATION"_s);
        QVERIFY(newest[u"from"_s][u"emailAddress"_s].toString().contains(u'@'));
        QVERIFY(!newest[u"subject"_s].toString().isEmpty());
        QVERIFY(!newest[u"time"_s].toString().isEmpty());
        QCOMPARE(r.data().last()[u"action"_s].toString(), u"release"_s);
    }
};

QTEST_GUILESS_MAIN(TestSimHeld)
#include "test_sim_held.moc"
