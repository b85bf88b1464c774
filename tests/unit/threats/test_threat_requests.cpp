// The threat-protection requests before anything is sent: log queries (windows, verdicts,
// routes, the documented body), managed URLs (what create refuses, the body, the key the
// journal keeps), the bulk import's preview rules and what counts as a rewritten link.
#include "core/threats/bodylinks.h"
#include "core/threats/managedurl.h"
#include "core/threats/threatlogs.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace mcdesk::threats;

namespace {
const QDateTime kNow(QDate(2026, 12, 5), QTime(12, 0), QTimeZone::utc());

ThreatLogQuery query(ThreatLog log, int hoursBack = 24)
{
    ThreatLogQuery q;
    q.log = log;
    q.start = kNow.addSecs(-3600LL * hoursBack);
    q.end = kNow;
    return q;
}

ManagedUrl entry(const QString &url)
{
    ManagedUrl e;
    e.url = url;
    return e;
}
} // namespace

class TestThreatRequests : public QObject
{
    Q_OBJECT
private slots:
    void urlLogBodyIsTheDocumentedOne()
    {
        ThreatLogQuery q = query(ThreatLog::UrlClicks);
        q.result = u"malicious"_s;
        q.route = u"inbound"_s;
        QCOMPARE(q.validate(kNow), QString());
        const QJsonObject d = q.toData();
        QCOMPARE(d[u"from"_s].toString(), u"2026-12-04T12:00:00+0000"_s);
        QCOMPARE(d[u"to"_s].toString(), u"2026-12-05T12:00:00+0000"_s);
        QCOMPARE(d[u"scanResult"_s].toString(), u"malicious"_s);
        QCOMPARE(d[u"route"_s].toString(), u"inbound"_s);
        QCOMPARE(d[u"oldestFirst"_s].toBool(true), false);
        QVERIFY(!d.contains(u"result"_s));
    }
    void attachmentLogNamesItsFilterResult()
    {
        ThreatLogQuery q = query(ThreatLog::Attachments);
        q.result = u"safe"_s;
        QCOMPARE(q.validate(kNow), QString());
        QCOMPARE(q.toData()[u"result"_s].toString(), u"safe"_s);
        QVERIFY(!q.toData().contains(u"scanResult"_s));
    }
    void impersonationHasNoRoute()
    {
        ThreatLogQuery q = query(ThreatLog::Impersonation);
        q.taggedMalicious = true;
        q.impersonationAction = u"hold"_s;
        QCOMPARE(q.validate(kNow), QString());
        const QJsonObject d = q.toData();
        QVERIFY(!d.contains(u"route"_s));
        QCOMPARE(d[u"taggedMalicious"_s].toBool(false), true);
        QCOMPARE(d[u"actions"_s].toArray(), QJsonArray{u"hold"_s});
        q.route = u"inbound"_s;
        QVERIFY(q.validate(kNow).contains(u"--route"_s));
    }
    void badFiltersAreNamed_data()
    {
        QTest::addColumn<int>("log");
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("result");
        QTest::addColumn<int>("hours");
        QTest::addColumn<QString>("names");
        QTest::newRow("scan result") << 0 << u""_s << u"dirty"_s << 24 << u"--scan-result"_s;
        QTest::newRow("result") << 1 << u""_s << u"clean"_s << 24 << u"--result"_s;
        QTest::newRow("route") << 0 << u"sideways"_s << u""_s << 24 << u"--route"_s;
        QTest::newRow("window") << 0 << u""_s << u""_s << 24 * 32 << u"31 days"_s;
        QTest::newRow("impersonation result") << 2 << u""_s << u"safe"_s << 24 << u"--result"_s;
    }
    void badFiltersAreNamed()
    {
        QFETCH(int, log);
        QFETCH(QString, route);
        QFETCH(QString, result);
        QFETCH(int, hours);
        QFETCH(QString, names);
        ThreatLogQuery q = query(ThreatLog(log), hours);
        q.route = route;
        q.result = result;
        const QString problem = q.validate(kNow);
        QVERIFY2(problem.contains(names), qPrintable(problem));
    }
    void endBeforeStartAndLimitsAreRefused()
    {
        ThreatLogQuery q = query(ThreatLog::UrlClicks);
        std::swap(q.start, q.end);
        QVERIFY(q.validate(kNow).contains(u"--end"_s));
        q = query(ThreatLog::UrlClicks);
        q.limit = ThreatLogQuery::kMaxRows + 1;
        QVERIFY(q.validate(kNow).contains(u"--limit"_s));
    }
    void messageIdFilterIsNormalised()
    {
        ThreatLogQuery q = query(ThreatLog::UrlClicks);
        q.messageId = u"abc@mail.example"_s;
        QCOMPARE(q.validate(kNow), QString());
        QCOMPARE(q.messageId, u"<abc@mail.example>"_s);
        q.messageId = u"no at sign"_s;
        QVERIFY(q.validate(kNow).contains(u"--message-id"_s));
    }

    void managedUrlProblems_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("names");
        QTest::newRow("no scheme") << u"evil.example/login"_s << u"--url"_s;
        QTest::newRow("ftp") << u"ftp://evil.example/"_s << u"--url"_s;
        QTest::newRow("fragment") << u"https://evil.example/a#b"_s << u"--url"_s;
        QTest::newRow("rewritten")
            << u"https://url.us.m.mimecastprotect.com/s/abcdEFGH?domain=x.example"_s << u"--url"_s;
        QTest::newRow("too long") << (u"https://evil.example/"_s + QString(2100, u'a'))
                                  << u"--url"_s;
    }
    void managedUrlProblems()
    {
        QFETCH(QString, url);
        QFETCH(QString, names);
        const QString problem = entry(url).problem();
        QVERIFY2(problem.contains(names), qPrintable(problem));
    }
    void permitOnlyFlagsAreRefusedOnBlocks()
    {
        ManagedUrl e = entry(u"https://evil.example/login"_s);
        e.disableRewrite = true;
        QVERIFY(e.problem().contains(u"--disable-rewrite"_s));
        e.action = ManagedUrl::Action::Permit;
        QCOMPARE(e.problem(), QString());
    }
    void createBodyAndKeyRoundTrip()
    {
        ManagedUrl e = entry(u"https://evil.example/login"_s);
        e.match = ManagedUrl::Match::Domain;
        e.comment = u"IR-1234"_s;
        QCOMPARE(e.problem(), QString());
        const QJsonObject d = e.toData();
        QCOMPARE(d[u"url"_s].toString(), u"https://evil.example/login"_s);
        QCOMPARE(d[u"action"_s].toString(), u"block"_s);
        QCOMPARE(d[u"matchType"_s].toString(), u"domain"_s);
        QCOMPARE(d[u"comment"_s].toString(), u"IR-1234"_s);
        QCOMPARE(d[u"disableLogClick"_s].toBool(true), false);
        const ManagedUrl back = ManagedUrl::fromKey(e.key());
        QCOMPARE(back.toData(), d);
    }
    void domainEntryCoversSubdomains()
    {
        ManagedUrl e = entry(u"https://evil.example/"_s);
        e.match = ManagedUrl::Match::Domain;
        e.domain = u"evil.example"_s;
        QVERIFY(e.covers(u"https://login.evil.example/x"_s));
        QVERIFY(!e.covers(u"https://notevil.example/x"_s));
    }
    void importPreview()
    {
        const UrlImportParse p =
            parseUrlImport(u"url,action,match\n"
                           u"https://a.example/x,block,explicit\n"
                           u"https://a.example/x,block,explicit\n"
                           u"https://b.example/,permit,domain\n"
                           u"not a url,block\n"
                           u"https://c.example/,maybe\n"_s,
                           ManagedUrl::Action::Block, ManagedUrl::Match::Explicit);
        QVERIFY(p.header);
        QCOMPARE(p.duplicates, 1);
        QCOMPARE(p.sendable(), 2);
        QCOMPARE(p.invalid(), 2);
        QCOMPARE(p.entries.first().lines, (QList<int>{2, 3}));
    }
    void importRefusesBlockAndPermitOfOneUrl()
    {
        const UrlImportParse p =
            parseUrlImport(u"https://a.example/x,block\nhttps://a.example/x,permit\n"_s,
                           ManagedUrl::Action::Block, ManagedUrl::Match::Explicit);
        QCOMPARE(p.sendable(), 0);
    }
    void rewrittenLinks()
    {
        QVERIFY(isRewrittenUrl(u"https://url.uk.m.mimecastprotect.com/s/F6rYCAW0hl6w"_s));
        QVERIFY(isRewrittenUrl(u"https://protect-eu.mimecast.com/s/abc"_s));
        QVERIFY(!isRewrittenUrl(u"https://evil.example/s/abc"_s));
        QVERIFY(!isRewrittenUrl(u"https://mimecastprotect.com.evil.example/s/abc"_s));
    }
    void linksInABodyPreview()
    {
        const QString body = u"Hi,\nConfirm (https://login.evil.example/verify?id=1). Or see "
                             "<http://b.example/x>, and https://login.evil.example/verify?id=1 "
                             "again.\nftp://not.example/ is not a web link."_s;
        QCOMPARE(webLinksIn(body), (QStringList{u"https://login.evil.example/verify?id=1"_s,
                                                u"http://b.example/x"_s}));
        const qsizetype second = body.indexOf(u"http://b.example"_s);
        QCOMPARE(webLinkAt(body, int(second) + 4), u"http://b.example/x"_s);
        QCOMPARE(webLinkAt(body, 1), QString());                               // "Hi"
        QCOMPARE(webLinkAt(body, int(body.indexOf(u"ftp"_s)) + 2), QString()); // not http(s)
    }
};

QTEST_GUILESS_MAIN(TestThreatRequests)
#include "test_threat_requests.moc"
