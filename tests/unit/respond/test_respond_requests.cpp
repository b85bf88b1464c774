// What the incident-response requests send and refuse, and how their answers are read, without a
// server: the bodies are the documented ones (mimecast-respond.md §2, §4).
#include "core/respond/remediation.h"
#include "core/respond/trackedmessage.h"
#include "core/respond/trackingquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk::respond;

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 12, 4), QTime(12, 0), Qt::UTC);

TrackingQuery lastDay()
{
    TrackingQuery q;
    q.start = kNow.addDays(-1);
    q.end = kNow;
    return q;
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}
} // namespace

class TestRespondRequests : public QObject
{
    Q_OBJECT
private slots:
    void messageIdsAreWrappedOrRefused_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("sent"); // empty: refused
        QTest::newRow("bracketed")
            << u"<9f3a@mail.evil.example>"_s << u"<9f3a@mail.evil.example>"_s;
        QTest::newRow("bare is wrapped")
            << u" 9f3a@mail.evil.example "_s << u"<9f3a@mail.evil.example>"_s;
        QTest::newRow("no at") << u"<9f3a>"_s << QString();
        QTest::newRow("space") << u"<9f 3a@x.example>"_s << QString();
        QTest::newRow("unmatched") << u"<9f3a@x.example"_s << QString();
        QTest::newRow("two ids") << u"<a@x> <b@y>"_s << QString();
        QTest::newRow("empty") << u""_s << QString();
    }
    void messageIdsAreWrappedOrRefused()
    {
        QFETCH(QString, typed);
        QFETCH(QString, sent);
        QString why;
        QCOMPARE(normalizeMessageId(typed, &why), sent);
        QCOMPARE(why.isEmpty(), !sent.isEmpty());
    }

    void trackingByMessageIdSendsTheDocumentedBody()
    {
        TrackingQuery q = lastDay();
        q.messageId = u"9f3a@mail.evil.example"_s;
        q.searchReason = u"INC-7 triage"_s;
        q.routes = {u"inbound"_s};
        QVERIFY2(q.validate(kNow).isEmpty(), qPrintable(q.validate(kNow)));
        const QJsonObject data = q.toData();
        QCOMPARE(data.value(u"messageId"_s).toString(), u"<9f3a@mail.evil.example>"_s);
        QCOMPARE(data.value(u"start"_s).toString(), u"2026-12-03T12:00:00+0000"_s);
        QCOMPARE(data.value(u"end"_s).toString(), u"2026-12-04T12:00:00+0000"_s);
        QCOMPARE(data.value(u"searchReason"_s).toString(), u"INC-7 triage"_s);
        QCOMPARE(data.value(u"route"_s).toArray(), QJsonArray{u"inbound"_s});
        QVERIFY(!data.contains(u"advancedTrackAndTraceOptions"_s));
    }

    void trackingByCriteriaSendsTheAdvancedObjectOnly()
    {
        TrackingQuery q = lastDay();
        q.from = u"evil.example"_s;
        q.subject = u" Invoice "_s;
        q.senderIp = u"203.0.113.10"_s;
        QVERIFY(q.validate(kNow).isEmpty());
        const QJsonObject data = q.toData();
        QVERIFY(!data.contains(u"messageId"_s));
        QCOMPARE(data.value(u"advancedTrackAndTraceOptions"_s).toObject(),
                 (QJsonObject{{u"from"_s, u"evil.example"_s},
                              {u"subject"_s, u"Invoice"_s},
                              {u"senderIP"_s, u"203.0.113.10"_s}}));
    }

    void badTrackingInputNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("both") << u"both"_s << QString() << u"--message-id alone"_s;
        QTest::newRow("neither") << u"neither"_s << QString() << u"say what to find"_s;
        QTest::newRow("from") << u"from"_s << u"not an address"_s << u"--from"_s;
        QTest::newRow("ip") << u"ip"_s << u"300.1.1.1"_s << u"--sender-ip"_s;
        QTest::newRow("route") << u"route"_s << u"sideways"_s << u"--route"_s;
        QTest::newRow("too old") << u"start"_s << u"29"_s << u"28 days"_s;
        QTest::newRow("reversed") << u"reversed"_s << QString() << u"--end must be later"_s;
    }
    void badTrackingInputNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, named);
        TrackingQuery q = lastDay();
        q.subject = u"x"_s;
        if (field == u"both"_s)
            q.messageId = u"<a@b.example>"_s;
        else if (field == u"neither"_s)
            q.subject.clear();
        else if (field == u"from"_s)
            q.from = value;
        else if (field == u"ip"_s)
            q.senderIp = value;
        else if (field == u"route"_s)
            q.routes = {value};
        else if (field == u"start"_s)
            q.start = kNow.addDays(-value.toInt());
        else if (field == u"reversed"_s)
            std::swap(q.start, q.end);
        const QString problem = q.validate(kNow);
        QVERIFY2(problem.contains(named), qPrintable(problem));
    }

    void theFormClampsTheStartIntoTheWindow()
    {
        TrackingQuery q = lastDay();
        q.subject = u"x"_s;
        q.start = kNow.addDays(-40);
        QVERIFY(q.clampToWindow(kNow));
        QCOMPARE(q.start, kNow.addDays(-TrackingQuery::kWindowDays));
        QVERIFY(q.validate(kNow).isEmpty());
        QVERIFY(!q.clampToWindow(kNow)); // nothing more to move
    }

    void remediationBodiesPerTarget()
    {
        RemediationRequest r;
        r.reason = u"  INC-7 phishing "_s;
        r.messageIds = {u"a@x.example"_s, u"<a@x.example>"_s, u"<b@x.example>"_s};
        QVERIFY(r.validate(kNow).isEmpty());
        QCOMPARE(r.toData(), (QJsonObject{{u"reason"_s, u"INC-7 phishing"_s},
                                          {u"searchBy"_s, u"message_ids"_s},
                                          {u"messageIds"_s,
                                           QJsonArray{u"<a@x.example>"_s, u"<b@x.example>"_s}}}));

        RemediationRequest h;
        h.reason = u"INC-7"_s;
        h.target = RemediationRequest::Target::Hash;
        h.hash = QString(64, u'A');
        h.start = kNow.addDays(-3);
        QVERIFY(h.validate(kNow).isEmpty());
        QCOMPARE(h.toData().value(u"hash"_s).toString(), QString(64, u'a'));
        QCOMPARE(h.toData().value(u"searchBy"_s).toString(), u"hash"_s);
        QCOMPARE(h.toData().value(u"start"_s).toString(), u"2026-12-01T12:00:00+0000"_s);
        QVERIFY(!h.toData().contains(u"end"_s)); // Mimecast's default: now

        RemediationRequest u;
        u.reason = u"INC-7"_s;
        u.target = RemediationRequest::Target::Url;
        u.url = u"https://login.evil.example/verify?id=1"_s;
        QVERIFY(u.validate(kNow).isEmpty());
        QCOMPARE(u.toData().value(u"url"_s).toString(), u.url);
        // What the journal keeps reads back as the same request.
        QCOMPARE(RemediationRequest::fromJson(h.toJson()).toData(), h.toData());
    }

    void badRemediationInputNamesTheField_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("md5") << 1 << u"5d41402abc4b2a76b9719d911017c592"_s << u"MD5 or SHA-1"_s;
        QTest::newRow("short hash") << 1 << u"abc"_s << u"a SHA-256 has 64"_s;
        QTest::newRow("not hex") << 1 << QString(64, u'z') << u"not hexadecimal"_s;
        QTest::newRow("ftp url") << 2 << u"ftp://evil.example/x"_s << u"not an http"_s;
        QTest::newRow("no host") << 2 << u"https://"_s << u"--url"_s;
        QTest::newRow("bad id") << 0 << u"no-at-sign"_s << u"--message-id"_s;
        QTest::newRow("no reason") << 0 << u"<a@b.example>"_s << u"--reason"_s;
    }
    void badRemediationInputNamesTheField()
    {
        QFETCH(int, target);
        QFETCH(QString, value);
        QFETCH(QString, named);
        RemediationRequest r;
        r.reason =
            QString::fromLatin1(QTest::currentDataTag()) == u"no reason"_s ? QString() : u"INC-7"_s;
        r.target = RemediationRequest::Target(target);
        r.messageIds = {value};
        r.hash = value;
        r.url = value;
        const QString problem = r.validate(kNow);
        QVERIFY2(problem.contains(named), qPrintable(problem));
    }

    void tooManyMessageIdsAreRefused()
    {
        RemediationRequest r;
        r.reason = u"INC-7"_s;
        for (int i = 0; i < RemediationRequest::kMaxMessageIds + 1; ++i)
            r.messageIds.append(u"<%1@x.example>"_s.arg(i));
        QVERIFY(r.validate(kNow).contains(u"at most 25"_s));
    }

    void incidentQueryFilters()
    {
        IncidentQuery q;
        q.start = kNow.addDays(-30);
        q.searchField = u"code"_s;
        q.searchValue = u"TR-0001-00001-A"_s;
        q.types = {u"manual"_s, u"automatic"_s};
        QVERIFY(q.validate().isEmpty());
        const QJsonObject data = q.toData();
        QCOMPARE(data.value(u"searchBy"_s).toArray().first().toObject().value(u"fieldName"_s),
                 u"code"_s);
        QCOMPARE(data.value(u"filterBy"_s).toArray().size(), 2);
        q.types = {u"deleted"_s};
        QVERIFY(q.validate().contains(u"--type"_s));
    }

    void incidentCountsReadAsNumbersOrText()
    {
        const RemediationIncident i =
            RemediationIncident::fromJson(json(R"({"id":"eNo1","code":"TR-1",
            "type":"manual","identified":"14","successful":13,"failed":"1","restored":0,
            "create":"2026-07-20T10:01:02+0000",
            "searchCriteria":{"messageId":"<9f3a@x.example>","date":"2026-07-01T00:00:00+0000"}})"));
        QCOMPARE(i.identified, 14);
        QCOMPARE(i.successful, 13);
        QCOMPARE(i.failed, 1);
        QVERIFY(i.settled());
        QCOMPARE(i.messageIds, QStringList{u"<9f3a@x.example>"_s});
        QCOMPARE(i.searchStart, QDateTime(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(i.countsText(), u"14 identified, 13 removed, 1 failed, 0 restored"_s);
        RemediationIncident running = i;
        running.successful = 2;
        QVERIFY(!running.settled());
    }

    void trackedMessageAndInfoAreRead()
    {
        const TrackedMessage m = TrackedMessage::fromJson(json(R"({"id":"eNpN1","status":"archived",
            "fromEnv":{"emailAddress":"bounce-77@mailer.example"},
            "fromHdr":{"displayableName":"CEO","emailAddress":"ceo@evil.example"},
            "to":[{"emailAddress":"alice@example.com"},{"emailAddress":"bob@example.com"}],
            "subject":"<b>Invoice</b>","received":"2026-07-18T13:25:00+0000","spamScore":"2"})"));
        QCOMPARE(m.recipients(), u"alice@example.com, bob@example.com"_s);
        QVERIFY(m.fromMismatch());
        QCOMPARE(m.spamScore, 2);
        QCOMPARE(m.subject, u"<b>Invoice</b>"_s); // kept as text, never interpreted

        const MessageInfo info = MessageInfo::fromJson(json(R"({"id":"eNpN1","status":"archived",
            "recipientInfo":{"messageInfo":{"subject":"Invoice","to":["alice@example.com"],
              "transmissionInfo":"<pre>\nReceived: from mx &lt;mx.evil.example&gt; &amp;lt;\n</pre>"},
              "recipientMetaInfo":{"remoteIp":"203.0.113.10","encryptionInfo":"TLS",
              "components":[{"name":"invoice.html","hash":"aa2d","size":10}]}},
            "deliveredMessage":{"alice@example.com":{"deliveryMetaInfo":{"deliveryEvent":"Delivered",
              "remoteIp":"198.51.100.7"},"policyInfo":[{"policyType":"URL Protection",
              "policyName":"Default","inherited":true}]}},
            "spamInfo":{"spamScore":2,"spamProcessingDetail":{"spf":{"allow":true,"info":"fail"},
              "dmarc":{"allow":false,"info":"fail"},"greyEmail":true}},
            "retentionInfo":{"currentPurgeDate":"2026-08-17T13:25:21+0000","purgeBasedOn":"original"}})"));
        QCOMPARE(info.headers, u"Received: from mx <mx.evil.example> &lt;"_s);
        QCOMPARE(info.deliveries.size(), 1);
        QCOMPARE(info.deliveries.first().recipient, u"alice@example.com"_s);
        QCOMPARE(info.deliveries.first().policies.first().name, u"Default"_s);
        QCOMPARE(info.checks.size(), 2);
        QCOMPARE(info.checks.at(1).name, u"dmarc"_s);
        QVERIFY(!info.checks.at(1).allow);
        QVERIFY(info.greyEmail);
        QCOMPARE(info.components.first().sha256, u"aa2d"_s);
        QVERIFY(info.purgeDate.isValid());
    }
};

QTEST_GUILESS_MAIN(TestRespondRequests)
#include "test_respond_requests.moc"
