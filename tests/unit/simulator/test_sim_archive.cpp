#include "tests/unit/simulator/simtestclient.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk::sim;
using simtest::Caller;

namespace {
const auto kSearch = u"/api/archive/search"_s;

struct Query
{
    QString text;
    QString date;  // a whole <date …/> element, or empty
    QString extra; // more <muse> children
    QString pageSizeAttr = u"25"_s;
    QStringList fields = {u"id"_s, u"subject"_s, u"displayfromaddress"_s, u"receiveddate"_s,
                          u"displaytoaddresslist"_s};

    QString xml() const
    {
        QString returnFields;
        for (const auto &f : fields)
            returnFields += u"<return-field>%1</return-field>"_s.arg(f);
        return uR"(<?xml version="1.0"?>
<xmlquery trace="iql,muse">
  <metadata query-type="emailarchive" archive="true" active="false" page-size="%1" startrow="0">
    <smartfolders/>
    <return-fields>%2</return-fields>
  </metadata>
  <muse>
    <text>%3</text>
    %4
    <sent></sent>
    <docs select="optional"></docs>
    <route/>
    %5
  </muse>
</xmlquery>)"_s.arg(pageSizeAttr, returnFields, text, date, extra);
    }
};

QString utc(const QDateTime &when)
{
    return when.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss"_s);
}
} // namespace

class TestSimArchive : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SimulatorHost> m_sim;
    std::unique_ptr<Caller> m_caller;

    simtest::Reply search(const Query &q, int pageSize = 0, const QString &token = {},
                          bool admin = true)
    {
        return m_caller->api1(
            kSearch, simtest::body({{u"admin"_s, admin}, {u"query"_s, q.xml()}}, pageSize, token));
    }
    static QJsonArray items(const simtest::Reply &r)
    {
        return r.data().first()[u"items"_s].toArray();
    }
    // Every match, walking the pages.
    QJsonArray searchAll(const Query &q)
    {
        QJsonArray all;
        QString token;
        int guard = 0;
        do {
            const auto r = search(q, 500, token);
            for (const auto &item : items(r))
                all.append(item);
            token = r.pagination()[u"next"_s].toString();
        } while (!token.isEmpty() && ++guard < 20);
        return all;
    }

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimulatorHost>(
            SimConfig().withSeed(5).withHeld(10).withArchive(2000).withPolicies(2));
        QVERIFY(m_sim->start());
        m_caller = std::make_unique<Caller>(m_sim->baseUrl());
    }

    void pageSizeSources()
    {
        Query q;
        q.pageSizeAttr = u"3"_s;
        auto r = search(q);
        QCOMPARE(r.status, 200);
        QCOMPARE(items(r).size(), 3); // metadata page-size when meta has none
        QCOMPARE(r.pagination()[u"pageSize"_s].toInt(), 3);
        QCOMPARE(r.pagination()[u"recordStart"_s].toInt(), 0);
        QVERIFY(!r.pagination()[u"next"_s].toString().isEmpty());
        QVERIFY(r.data().first().toObject().contains(u"queryDuration"_s));
        r = search(q, 7); // meta.pagination.pageSize wins
        QCOMPARE(items(r).size(), 7);
        q.pageSizeAttr = QString();
        QCOMPARE(items(search(q)).size(), 25);
        r = search(q, 900);
        QCOMPARE(r.pagination()[u"pageSize"_s].toInt(), 500);
        QCOMPARE(items(r).size(), 500);
    }

    void onlyRequestedFieldsNewestFirst()
    {
        Query q;
        q.fields = {u"id"_s, u"receiveddate"_s};
        const QJsonArray list = items(search(q, 50));
        QCOMPARE(list.size(), 50);
        QString previous = u"9999"_s;
        for (const auto &item : list) {
            QCOMPARE(item.toObject().keys(), (QStringList{u"id"_s, u"receiveddate"_s}));
            QVERIFY(item[u"receiveddate"_s].toString() <= previous);
            previous = item[u"receiveddate"_s].toString();
        }
    }

    void pagesWithTokens()
    {
        Query q;
        q.fields = {u"id"_s};
        QSet<QString> ids;
        QString token;
        int expectedStart = 0;
        for (int page = 0; page < 5; ++page) {
            const auto r = search(q, 400, token);
            QCOMPARE(r.pagination()[u"recordStart"_s].toInt(), expectedStart);
            for (const auto &item : items(r))
                ids.insert(item[u"id"_s].toString());
            expectedStart += 400;
            token = r.pagination()[u"next"_s].toString();
        }
        QVERIFY(token.isEmpty());
        QCOMPARE(ids.size(), 2000);
    }

    void fromTerm()
    {
        Query q;
        q.text = u"from: hanako@shop.example"_s;
        const QJsonArray hits = searchAll(q);
        QVERIFY(!hits.isEmpty());
        for (const auto &item : hits)
            QCOMPARE(item[u"displayfromaddress"_s].toString(), u"hanako@shop.example"_s);
    }

    void subjectTermAndOr()
    {
        Query subject;
        subject.text = u"subject: invoice"_s;
        const QJsonArray invoices = searchAll(subject);
        QVERIFY(!invoices.isEmpty());
        QVERIFY(invoices.size() < 2000);
        for (const auto &item : invoices)
            QVERIFY(item[u"subject"_s].toString().contains(u"invoice"_s, Qt::CaseInsensitive));

        Query from;
        from.text = u"from: hanako@shop.example"_s;
        Query either;
        either.text = u"subject: invoice or from: hanako@shop.example"_s;
        const QJsonArray both = searchAll(either);
        QVERIFY(both.size() > invoices.size());
        QVERIFY(both.size() <= invoices.size() + searchAll(from).size());
        for (const auto &item : both)
            QVERIFY(item[u"subject"_s].toString().contains(u"invoice"_s, Qt::CaseInsensitive) ||
                    item[u"displayfromaddress"_s].toString() == u"hanako@shop.example"_s);
    }

    void toTermAndSent()
    {
        Query q;
        q.text = u"to: finance@demo.example"_s;
        const QJsonArray hits = searchAll(q);
        QVERIFY(!hits.isEmpty());
        for (const auto &item : hits)
            QVERIFY(QJsonDocument(item[u"displaytoaddresslist"_s].toArray())
                        .toJson()
                        .contains("finance@demo.example"));
        Query sent;
        sent.extra = u"<sent select=\"from\">shop.example</sent>"_s;
        const QJsonArray fromShop = searchAll(sent);
        QVERIFY(!fromShop.isEmpty());
        for (const auto &item : fromShop)
            QVERIFY(item[u"displayfromaddress"_s].toString().endsWith(u"@shop.example"_s));
    }

    void dateBetween_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("Z") << u"Z"_s;
        QTest::newRow("+0000") << u"+0000"_s;
    }
    void dateBetween()
    {
        QFETCH(QString, suffix);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString from = utc(now.addDays(-5)), to = utc(now.addDays(-3));
        Query q;
        q.date = uR"(<date select="between" from="%1%3" to="%2%3"/>)"_s.arg(from, to, suffix);
        const QJsonArray hits = searchAll(q);
        QVERIFY(hits.size() > 10);
        QVERIFY(hits.size() < 2000);
        for (const auto &item : hits) {
            const QString received = item[u"receiveddate"_s].toString();
            QVERIFY2(received >= from && received <= to + u"+0000"_s, qPrintable(received));
        }
    }

    void datePresets()
    {
        Query q;
        q.date = uR"(<date select="last_week"/>)"_s;
        const QString weekAgo = utc(QDateTime::currentDateTimeUtc().addDays(-7));
        const QJsonArray week = searchAll(q);
        QVERIFY(!week.isEmpty() && week.size() < 2000);
        for (const auto &item : week)
            QVERIFY(item[u"receiveddate"_s].toString() >= weekAgo);
        q.date = uR"(<date select="last_month"/>)"_s;
        QCOMPARE(searchAll(q).size(), 2000); // the archive spans four weeks
        q.date = uR"(<date select="fortnight"/>)"_s;
        QCOMPARE(search(q).errorCode(), u"err_invalid_search_xml"_s);
    }

    void nonAdminSearchIsEmpty()
    {
        const auto r = search(Query(), 10, {}, false);
        QCOMPARE(r.status, 200);
        QVERIFY(items(r).isEmpty());
    }

    void malformedXmlFails()
    {
        const auto r = m_caller->api1(
            kSearch, simtest::body({{u"admin"_s, true}, {u"query"_s, u"<xmlquery><metadata"_s}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.errorCode(), u"err_invalid_search_xml"_s);
        QVERIFY(r.firstError()[u"message"_s].toString().contains(u"line 1"_s));
        QVERIFY(r.fail().first().toObject().contains(u"key"_s));
    }

    void messageDetail()
    {
        const QString id = m_sim->firstArchiveId();
        QVERIFY(id.startsWith(u"eNo"_s));
        const auto r =
            m_caller->api1(u"/api/archive/get-message-detail"_s, simtest::body({{u"id"_s, id}}));
        QCOMPARE(r.data().first()[u"id"_s].toString(), id);
        QVERIFY(!r.data().first()[u"subject"_s].toString().isEmpty());
        QVERIFY(r.data().first()[u"headers"_s].isArray());
        const auto missing = m_caller->api1(u"/api/archive/get-message-detail"_s,
                                            simtest::body({{u"id"_s, u"eNoNope"_s}}));
        QCOMPARE(missing.errorCode(), u"err_archive_message_not_found"_s);
    }
};

QTEST_GUILESS_MAIN(TestSimArchive)
#include "test_sim_archive.moc"
