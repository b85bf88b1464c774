#include "tests/unit/simulator/simtestclient.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace mcdesk::sim;
using simtest::Caller;

namespace {
const auto kSearch = u"/api/message-finder/search"_s;
const auto kInfo = u"/api/message-finder/get-message-info"_s;
const auto kCreate = u"/api/ttp/remediation/v2/create"_s;
const auto kCreateV1 = u"/api/ttp/remediation/create"_s;
const auto kGetIncident = u"/api/ttp/remediation/get-incident"_s;
const auto kFind = u"/api/ttp/remediation/find-incidents"_s;
const auto kSearchHash = u"/api/ttp/remediation/search-hash"_s;
constexpr int kSettleMs = 600;

QString daysAgo(int days, const QString &suffix = u"+0000"_s)
{
    return QDateTime::currentDateTimeUtc().addDays(-days).toString(u"yyyy-MM-dd'T'HH:mm:ss"_s) +
           suffix;
}

QString bare(const QString &messageId)
{
    return messageId.mid(1, messageId.size() - 2);
}

// The last four weeks, so the searches see every seeded row.
QJsonObject window(QJsonObject item)
{
    item.insert(u"start"_s, daysAgo(29));
    return item;
}

QJsonObject byMessageId(const QString &messageId)
{
    return window({{u"messageId"_s, messageId}});
}

QJsonObject advanced(const QJsonObject &options)
{
    return window({{u"advancedTrackAndTraceOptions"_s, options}});
}

QJsonArray rowsOf(const simtest::Reply &r)
{
    return r.data().first()[u"trackedEmails"_s].toArray();
}

QSet<QString> idsOf(const QJsonArray &rows)
{
    QSet<QString> ids;
    for (const auto &row : rows)
        ids.insert(row[u"id"_s].toString());
    return ids;
}

int metaStatus(const simtest::Reply &r)
{
    return r.json[u"meta"_s][u"status"_s].toInt();
}
} // namespace

class TestSimRespond : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SimulatorHost> m_sim;
    std::unique_ptr<Caller> m_caller;
    QStringList m_campaigns; // Message-IDs of held messages with delivered copies

    simtest::Reply call(const QString &path, const QJsonObject &item)
    {
        return m_caller->api1(path, simtest::body(item));
    }
    QJsonArray track(const QJsonObject &item)
    {
        const auto r = call(kSearch, item);
        [&] {
            QVERIFY2(r.fail().isEmpty(), r.body.constData());
        }();
        return rowsOf(r);
    }
    QJsonObject info(const QString &trackingId)
    {
        return call(kInfo, {{u"id"_s, trackingId}}).data().first().toObject();
    }
    // A refusal in fail[]: HTTP 200, meta.status 200, no data.
    void expectFail(const simtest::Reply &r, const QString &code, const QString &field = {})
    {
        QCOMPARE(r.status, 200);
        QCOMPARE(metaStatus(r), 200);
        QVERIFY(r.data().isEmpty());
        QVERIFY2(r.errorCode() == code, r.body.constData());
        if (!field.isEmpty())
            QCOMPARE(r.firstError()[u"field"_s].toString(), field);
        QVERIFY(r.fail().first().toObject().contains(u"key"_s));
    }
    QJsonObject incident(const QString &id)
    {
        return call(kGetIncident, {{u"id"_s, id}}).data().first().toObject();
    }
    static int settled(const QJsonObject &incident)
    {
        return incident[u"successful"_s].toInt() + incident[u"failed"_s].toInt();
    }
    // The delivered rows of a Message-ID: the copies of a campaign (and its held message, once
    // released).
    QJsonArray deliveredOf(const QString &messageId)
    {
        QJsonArray copies;
        for (const auto &row : track(byMessageId(messageId)))
            if (row[u"status"_s].toString() == u"archived"_s)
                copies.append(row);
        return copies;
    }
    // An archived message from an ordinary sender (not a campaign, not held).
    QJsonObject ordinaryRow()
    {
        for (const auto &row : track(advanced({{u"from"_s, u"shop.example"_s}})))
            if (row[u"info"_s].toString() == u"Indexed and archived"_s)
                return row.toObject();
        return {};
    }
    QString campaignUrl(const QString &messageId)
    {
        const QJsonArray copies = deliveredOf(messageId);
        const QString body =
            info(copies.first()[u"id"_s]
                     .toString())[u"recipientInfo"_s][u"messageInfo"_s][u"textBody"_s]
                .toString();
        return QRegularExpression(uR"(https://\S+)"_s).match(body).captured(0);
    }

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimulatorHost>(SimConfig()
                                                    .withSeed(7)
                                                    .withHeld(400)
                                                    .withArchive(3000)
                                                    .withPolicies(2)
                                                    .withRemediationSettle(kSettleMs));
        QVERIFY(m_sim->start());
        m_caller = std::make_unique<Caller>(m_sim->baseUrl());
        m_campaigns = m_sim->campaignMessageIds(40);
        QVERIFY2(m_campaigns.size() >= 20, qPrintable(QString::number(m_campaigns.size())));
    }

    void searchByMessageIdFindsTheCampaign()
    {
        const QString messageId = m_campaigns.first();
        const QJsonArray rows = track(byMessageId(messageId));
        QVERIFY(rows.size() >= 4 && rows.size() <= 9);
        int held = 0;
        QSet<QString> recipients;
        QString previous = u"9999"_s;
        const QRegularExpression date(uR"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$)"_s);
        for (const auto &value : rows) {
            const QJsonObject row = value.toObject();
            for (const auto &key :
                 {u"id"_s, u"status"_s, u"info"_s, u"fromEnv"_s, u"fromHdr"_s, u"to"_s,
                  u"subject"_s, u"received"_s, u"sent"_s, u"senderIP"_s, u"route"_s,
                  u"attachments"_s, u"spamScore"_s, u"detectionLevel"_s})
                QVERIFY2(row.contains(key), qPrintable(key));
            QVERIFY(row[u"id"_s].toString().startsWith(u"eNpN"_s));
            QVERIFY(date.match(row[u"received"_s].toString()).hasMatch());
            QVERIFY(row[u"received"_s].toString() <= previous); // newest first
            previous = row[u"received"_s].toString();
            QCOMPARE(row[u"route"_s].toString(), u"inbound"_s);
            QVERIFY(row[u"spamScore"_s].isDouble());
            QVERIFY(row[u"attachments"_s].isBool());
            QCOMPARE(row[u"subject"_s], rows.first()[u"subject"_s]);
            QCOMPARE(row[u"senderIP"_s], rows.first()[u"senderIP"_s]);
            QCOMPARE(row[u"fromEnv"_s], rows.first()[u"fromEnv"_s]);
            recipients.insert(row[u"to"_s][0][u"emailAddress"_s].toString());
            if (row[u"status"_s].toString() == u"held"_s) {
                ++held;
                QVERIFY(row[u"info"_s].toString().startsWith(u"Message Hold Applied"_s));
            } else {
                QCOMPARE(row[u"status"_s].toString(), u"archived"_s);
                QCOMPARE(row[u"info"_s].toString(), u"Delivered"_s);
            }
        }
        QCOMPARE(held, 1);
        QCOMPARE(recipients.size(), rows.size()); // every copy went to another mailbox
        QCOMPARE(idsOf(track(byMessageId(bare(messageId)))), idsOf(rows));
        QCOMPARE(idsOf(track(byMessageId(messageId.toUpper()))), idsOf(rows));
    }

    void heldDetailShowsTheSameMessageId()
    {
        // The Message-ID get-message-detail shows is the one message-finder knows.
        const QString id = m_sim->heldIds(1).first();
        const auto detail = m_caller->api1(u"/api/gateway/message/get-message-detail"_s,
                                           simtest::body({{u"id"_s, id}}));
        QString messageId;
        for (const auto &h : detail.data().first()[u"headers"_s].toArray())
            if (h[u"name"_s].toString() == u"Message-ID"_s)
                messageId = h[u"values"_s][0].toString();
        QCOMPARE(messageId, u"<%1@mail.example>"_s.arg(id.right(12)));
        const QJsonArray rows = track(byMessageId(messageId));
        QVERIFY(!rows.isEmpty());
        QVERIFY(std::any_of(rows.begin(), rows.end(), [](const QJsonValue &row) {
            return row[u"status"_s].toString() == u"held"_s;
        }));
    }

    void advancedSearch()
    {
        const QJsonObject sample = track(byMessageId(m_campaigns.first())).first().toObject();
        const QString from = sample[u"fromEnv"_s][u"emailAddress"_s].toString();
        const QString subject = sample[u"subject"_s].toString();
        const QString ip = sample[u"senderIP"_s].toString();

        const QJsonArray byFrom = track(advanced({{u"from"_s, from.toUpper()}}));
        QVERIFY(idsOf(byFrom).contains(sample[u"id"_s].toString()));
        for (const auto &row : byFrom)
            QVERIFY(row[u"fromEnv"_s][u"emailAddress"_s].toString() == from ||
                    row[u"fromHdr"_s][u"emailAddress"_s].toString() == from);
        const QString domain = from.section(u'@', 1);
        const QJsonArray byDomain = track(advanced({{u"from"_s, domain}}));
        QVERIFY(idsOf(byDomain).contains(idsOf(byFrom)));

        const QJsonArray bySubject = track(advanced({{u"subject"_s, subject.mid(1, 6).toUpper()}}));
        QVERIFY(idsOf(bySubject).contains(sample[u"id"_s].toString()));
        for (const auto &row : bySubject)
            QVERIFY(row[u"subject"_s].toString().contains(subject.mid(1, 6), Qt::CaseInsensitive));

        const QJsonArray byIp = track(advanced({{u"senderIP"_s, ip}}));
        QVERIFY(idsOf(byIp).contains(sample[u"id"_s].toString()));
        for (const auto &row : byIp)
            QCOMPARE(row[u"senderIP"_s].toString(), ip);

        const QJsonArray combined =
            track(advanced({{u"from"_s, from}, {u"subject"_s, subject}, {u"senderIP"_s, ip}}));
        QVERIFY(idsOf(combined).contains(idsOf(track(byMessageId(m_campaigns.first())))));

        const QJsonArray byTo = track(advanced({{u"to"_s, u"demo.example"_s}}));
        QCOMPARE(byTo.size(), 500); // the cap
        const QJsonArray byUrl = track(advanced({{u"url"_s, campaignUrl(m_campaigns.first())}}));
        QCOMPARE(idsOf(byUrl), idsOf(track(byMessageId(m_campaigns.first()))));
    }

    void defaultWindowIsTheLastDay()
    {
        const QString yesterday = daysAgo(1);
        const QJsonArray rows =
            track({{u"advancedTrackAndTraceOptions"_s, QJsonObject{{u"to"_s, u"demo.example"_s}}}});
        QVERIFY(!rows.isEmpty());
        for (const auto &row : rows)
            QVERIFY(row[u"received"_s].toString() >= yesterday);
    }

    void messageIdOrAdvancedNotBothNorNeither()
    {
        expectFail(call(kSearch, window({{u"messageId"_s, m_campaigns.first()},
                                         {u"advancedTrackAndTraceOptions"_s,
                                          QJsonObject{{u"from"_s, u"a@b.example"_s}}}})),
                   u"err_validation_invalid_value"_s, u"advancedTrackAndTraceOptions"_s);
        expectFail(call(kSearch, window({})), u"err_validation_null"_s, u"messageId"_s);
        expectFail(call(kSearch, advanced({})), u"err_validation_blank"_s,
                   u"advancedTrackAndTraceOptions"_s);
        expectFail(call(kSearch, byMessageId(u"  "_s)), u"err_validation_blank"_s, u"messageId"_s);
        // route alone in the advanced object is no second search.
        QVERIFY(!track(window({{u"messageId"_s, m_campaigns.first()},
                               {u"advancedTrackAndTraceOptions"_s,
                                QJsonObject{{u"route"_s, u"inbound"_s}}}}))
                     .isEmpty());
    }

    void startWithin30Days_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("29 days +0000") << 29 << u"+0000"_s << true;
        QTest::newRow("29 days +00:00") << 29 << u"+00:00"_s << true;
        QTest::newRow("29 days Z") << 29 << u"Z"_s << true;
        QTest::newRow("30 days") << 30 << u"+0000"_s << false;
        QTest::newRow("31 days") << 31 << u"+0000"_s << false;
    }
    void startWithin30Days()
    {
        QFETCH(int, days);
        QFETCH(QString, suffix);
        QFETCH(bool, accepted);
        const QJsonObject item{{u"messageId"_s, m_campaigns.first()},
                               {u"start"_s, daysAgo(days, suffix)}};
        const auto r = call(kSearch, item);
        if (accepted) {
            QVERIFY(r.fail().isEmpty());
            QVERIFY(!rowsOf(r).isEmpty());
            return;
        }
        expectFail(r, u"err_track_and_trace_invalid_start_date"_s, u"start"_s);
        QCOMPARE(r.fail().first()[u"key"_s].toObject(), item);
    }

    void badDatesFail()
    {
        expectFail(call(kSearch, {{u"messageId"_s, m_campaigns.first()},
                                  {u"start"_s, daysAgo(3)},
                                  {u"end"_s, daysAgo(5)}}),
                   u"err_validation_invalid_date"_s, u"end"_s);
        expectFail(
            call(kSearch, {{u"messageId"_s, m_campaigns.first()}, {u"start"_s, u"last tuesday"_s}}),
            u"err_validation_invalid_date"_s, u"start"_s);
    }

    void routeInBothPlaces()
    {
        QJsonObject item = byMessageId(m_campaigns.first());
        const int all = track(item).size();
        item.insert(u"route"_s, QJsonArray{u"outbound"_s});
        QVERIFY(track(item).isEmpty());
        item.insert(u"route"_s, QJsonArray{u"inbound"_s, u"internal"_s});
        QCOMPARE(track(item).size(), all);
        item.insert(u"route"_s, u"external"_s);
        QCOMPARE(track(item).size(), all);

        const QJsonArray outbound =
            track(advanced({{u"from"_s, u"demo.example"_s}, {u"route"_s, u"outbound"_s}}));
        QVERIFY(!outbound.isEmpty());
        for (const auto &row : outbound)
            QCOMPARE(row[u"route"_s].toString(), u"outbound"_s);
        const QJsonArray internal = track(
            advanced({{u"from"_s, u"demo.example"_s}, {u"route"_s, QJsonArray{u"internal"_s}}}));
        QVERIFY(!internal.isEmpty());
        for (const auto &row : internal)
            QCOMPARE(row[u"route"_s].toString(), u"internal"_s);
        QJsonObject held = byMessageId(m_campaigns.first());
        held.insert(u"status"_s, QJsonArray{u"held"_s});
        QCOMPARE(track(held).size(), 1);
        held.insert(u"status"_s, QJsonArray{u"archived"_s, u"delivery"_s});
        QCOMPARE(track(held).size(), all - 1);
        QJsonObject withFiles = advanced({{u"from"_s, u"demo.example"_s}});
        withFiles.insert(u"attachments"_s, true);
        for (const auto &row : track(withFiles))
            QCOMPARE(row[u"attachments"_s].toBool(), true);
        item.insert(u"route"_s, QJsonArray{u"sideways"_s});
        expectFail(call(kSearch, item), u"err_validation_value_not_allowed"_s, u"route"_s);
    }

    void messageInfoOfACopy()
    {
        const QJsonObject copy = deliveredOf(m_campaigns.first()).first().toObject();
        const QString recipient = copy[u"to"_s][0][u"emailAddress"_s].toString();
        const auto r = call(kInfo, {{u"id"_s, copy[u"id"_s]}});
        QVERIFY(r.fail().isEmpty());
        const QJsonObject m = r.data().first().toObject();
        QCOMPARE(m[u"id"_s], copy[u"id"_s]);
        QCOMPARE(m[u"status"_s].toString(), u"archived"_s);
        const QJsonObject message = m[u"recipientInfo"_s][u"messageInfo"_s].toObject();
        QCOMPARE(message[u"to"_s].toArray(), QJsonArray{recipient});
        QCOMPARE(message[u"fromEnvelope"_s], copy[u"fromEnv"_s][u"emailAddress"_s]);
        QCOMPARE(message[u"subject"_s], copy[u"subject"_s]);
        const QString headers = message[u"transmissionInfo"_s].toString();
        QVERIFY(headers.startsWith(u"<pre>"_s) && headers.endsWith(u"</pre>"_s));
        QVERIFY(headers.contains(u"Message-ID: &lt;"_s));
        QVERIFY(headers.contains(u"spf=fail"_s));
        QVERIFY(message[u"textBody"_s].toString().contains(u"https://login."_s));
        const QJsonObject meta = m[u"recipientInfo"_s][u"recipientMetaInfo"_s].toObject();
        QCOMPARE(meta[u"remoteIp"_s], copy[u"senderIP"_s]);
        QVERIFY(meta[u"encryptionInfo"_s] == u"TLS"_s || meta[u"encryptionInfo"_s] == u"None"_s);
        for (const auto &key : {u"receiptEvent"_s, u"remoteHost"_s, u"remoteServerGreeting"_s,
                                u"receiptAcknowledgement"_s, u"transmissionStart"_s,
                                u"transmissionEnd"_s, u"processingServer"_s})
            QVERIFY2(!meta[key].toString().isEmpty(), qPrintable(key));
        QVERIFY(meta[u"transmissionSize"_s].toInteger() > 0);
        QCOMPARE(meta[u"components"_s][0][u"type"_s].toString(), u"Email Transmission File"_s);
        QCOMPARE(meta[u"components"_s][0][u"hash"_s].toString().size(), 64);

        const QJsonObject delivered = m[u"deliveredMessage"_s].toObject();
        QCOMPARE(delivered.keys(), QStringList{recipient});
        const QJsonObject delivery = delivered[recipient].toObject();
        QCOMPARE(delivery[u"deliveryMetaInfo"_s][u"emailAddress"_s].toString(), recipient);
        QCOMPARE(delivery[u"messageInfo"_s][u"route"_s].toString(), u"inbound"_s);
        QVERIFY(!delivery[u"policyInfo"_s].toArray().isEmpty());
        QVERIFY(delivery[u"policyInfo"_s][0][u"inherited"_s].isBool());

        const QJsonObject spam = m[u"spamInfo"_s][u"spamProcessingDetail"_s].toObject();
        QCOMPARE(spam[u"spf"_s][u"info"_s].toString(), u"fail"_s);
        QCOMPARE(spam[u"dmarc"_s][u"info"_s].toString(), u"fail"_s);
        QVERIFY(spam[u"spf"_s][u"allow"_s].isBool());
        QVERIFY(spam[u"greyEmail"_s].isBool());
        QVERIFY(m[u"spamInfo"_s][u"spamScore"_s].isDouble());
        QVERIFY(!m[u"retentionInfo"_s][u"currentPurgeDate"_s].toString().isEmpty());
        QCOMPARE(m[u"retentionInfo"_s][u"purgeBasedOn"_s].toString(), u"original"_s);
    }

    void messageInfoOfHeldAndOrdinaryMail()
    {
        const QJsonArray rows = track(byMessageId(m_campaigns.first()));
        for (const auto &row : rows) {
            if (row[u"status"_s].toString() != u"held"_s)
                continue;
            const QJsonObject m = info(row[u"id"_s].toString());
            QCOMPARE(m[u"status"_s].toString(), u"held"_s);
            QVERIFY(m[u"deliveredMessage"_s].toObject().isEmpty()); // never delivered
        }
        const QJsonObject ordinary = ordinaryRow();
        QVERIFY(!ordinary.isEmpty());
        const QJsonObject m = info(ordinary[u"id"_s].toString());
        const QJsonObject spam = m[u"spamInfo"_s][u"spamProcessingDetail"_s].toObject();
        QCOMPARE(spam[u"spf"_s][u"info"_s].toString(), u"pass"_s);
        QCOMPARE(spam[u"dkim"_s][u"info"_s].toString(), u"pass"_s);
        QCOMPARE(spam[u"managedSender"_s][u"info"_s].toString(), u"none"_s);
        QCOMPARE(m[u"deliveredMessage"_s].toObject().keys().size(),
                 ordinary[u"to"_s].toArray().size());
    }

    void messageInfoReflectsManagedSenders()
    {
        const QJsonObject row = ordinaryRow();
        const QString sender = row[u"fromEnv"_s][u"emailAddress"_s].toString();
        const QString to = row[u"to"_s][0][u"emailAddress"_s].toString();
        QVERIFY(m_caller
                    ->api1(u"/api/managedsender/permit-or-block-sender"_s,
                           simtest::body(
                               {{u"sender"_s, sender}, {u"to"_s, to}, {u"action"_s, u"block"_s}}))
                    .fail()
                    .isEmpty());
        const QJsonObject managed =
            info(row[u"id"_s]
                     .toString())[u"spamInfo"_s][u"spamProcessingDetail"_s][u"managedSender"_s]
                .toObject();
        QCOMPARE(managed[u"info"_s].toString(), u"block"_s);
        QCOMPARE(managed[u"allow"_s].toBool(true), false);
    }

    void messageInfoOfABadId()
    {
        for (const auto &id : {u"eNpNnot-a-tracking-id"_s, u""_s, m_sim->firstArchiveId()}) {
            const auto r = call(kInfo, {{u"id"_s, id}});
            expectFail(r, u"xdk_failure"_s);
            QCOMPARE(r.firstError()[u"message"_s].toString(), u"0007 Invalid token"_s);
        }
    }

    void heldStatusFollowsReleaseAndReject()
    {
        const auto heldIdOf = [&](const QString &messageId) {
            for (const auto &id : m_sim->heldIds(1000))
                if (messageId == u"<%1@mail.example>"_s.arg(id.right(12)))
                    return id;
            return QString();
        };
        const auto heldRow = [&](const QString &messageId) {
            for (const auto &row : track(byMessageId(messageId)))
                if (row[u"info"_s].toString() != u"Delivered"_s)
                    return row.toObject();
            return QJsonObject();
        };
        const QString released = m_campaigns.at(15), rejected = m_campaigns.at(16);
        const QString releasedId = heldIdOf(released), rejectedId = heldIdOf(rejected);
        QVERIFY(!releasedId.isEmpty() && !rejectedId.isEmpty());
        QVERIFY(call(u"/api/gateway/hold-release"_s, {{u"id"_s, releasedId}}).fail().isEmpty());
        QVERIFY(call(u"/api/gateway/hold-reject"_s, {{u"ids"_s, QJsonArray{rejectedId}}})
                    .fail()
                    .isEmpty());

        const QJsonObject out = heldRow(released);
        QCOMPARE(out[u"status"_s].toString(), u"archived"_s);
        QCOMPARE(out[u"info"_s].toString(), u"Released by an administrator and archived"_s);
        QCOMPARE(info(out[u"id"_s].toString())[u"deliveredMessage"_s].toObject().size(), 1);
        const QJsonObject gone = heldRow(rejected);
        QCOMPARE(gone[u"status"_s].toString(), u"rejected"_s);
        QVERIFY(info(gone[u"id"_s].toString())[u"deliveredMessage"_s].toObject().isEmpty());

        // Released, it is in a mailbox like its copies: remediation takes it too.
        const auto r = call(kCreate, {{u"reason"_s, u"released by mistake"_s},
                                      {u"searchBy"_s, u"message_ids"_s},
                                      {u"messageIds"_s, QJsonArray{released, rejected}}});
        QCOMPARE(r.data().first()[u"identified"_s].toInt(),
                 int(deliveredOf(released).size() + deliveredOf(rejected).size()));
    }

    void remediateByMessageIdsSettles()
    {
        const QStringList ids = m_campaigns.mid(1, 6);
        QSet<QString> copies;
        for (const auto &id : ids)
            copies += idsOf(deliveredOf(id));
        QJsonArray sent{ids[0], bare(ids[1])}; // with and without <>
        for (const auto &id : ids.mid(2))
            sent.append(id);
        const auto r = call(kCreate, {{u"reason"_s, u"IR-4242 phishing wave"_s},
                                      {u"searchBy"_s, u"message_ids"_s},
                                      {u"messageIds"_s, sent},
                                      {u"start"_s, daysAgo(29, u"+00:00"_s)}});
        QVERIFY2(r.fail().isEmpty(), r.body.constData());
        const QJsonObject created = r.data().first().toObject();
        QCOMPARE(created[u"identified"_s].toInt(), copies.size()); // the held ones are not
        QCOMPARE(created[u"successful"_s].toInt(), 0);
        QCOMPARE(created[u"failed"_s].toInt(), 0);
        QCOMPARE(created[u"restored"_s].toInt(), 0);
        QCOMPARE(created[u"type"_s].toString(), u"manual"_s);
        QCOMPARE(created[u"reason"_s].toString(), u"IR-4242 phishing wave"_s);
        QCOMPARE(created[u"remediatedBy"_s].toString(), u"analyst@demo.example"_s);
        const QString code = created[u"code"_s].toString();
        QVERIFY2(QRegularExpression(uR"(^TR-\d{4}-\d{5}-A$)"_s).match(code).hasMatch(),
                 qPrintable(code));
        const QJsonObject criteria = created[u"searchCriteria"_s].toObject();
        QCOMPARE(criteria[u"messageIds"_s].toArray().size(), 6);
        QVERIFY(criteria[u"fileHash"_s].isNull());
        QVERIFY(!criteria[u"unremediateCode"_s].toString().isEmpty());

        const QString id = created[u"id"_s].toString();
        QList<int> seen; // what each poll read: it only ever climbs, up to identified
        const auto poll = [&] {
            seen << settled(incident(id));
            return seen.last() == copies.size();
        };
        QTRY_VERIFY_WITH_TIMEOUT(poll(), kSettleMs * 8);
        QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
        const QJsonObject done = incident(id);
        QVERIFY(done[u"failed"_s].toInt() > 0); // about one in seven cannot be removed
        QVERIFY(done[u"successful"_s].toInt() > done[u"failed"_s].toInt());
        QVERIFY(done[u"modified"_s].toString() >= done[u"create"_s].toString());

        int removed = 0;
        for (const auto &messageId : ids)
            for (const auto &row : track(byMessageId(messageId)))
                removed += row[u"info"_s].toString() == u"Removed by Threat Remediation "_s + code;
        QCOMPARE(removed, done[u"successful"_s].toInt());

        const auto again = call(kCreate, {{u"reason"_s, u"IR-4242 once more"_s},
                                          {u"searchBy"_s, u"message_ids"_s},
                                          {u"messageIds"_s, sent}});
        const QJsonObject second = again.data().first().toObject();
        QCOMPARE(second[u"identified"_s].toInt(), 0);
        const QJsonObject secondNow = incident(second[u"id"_s].toString());
        QCOMPARE(settled(secondNow), 0);
        QVERIFY(second[u"code"_s].toString() != code);
    }

    void remediateByHash()
    {
        // A campaign whose message carries a file (TTP Attachment Protection holds them).
        QString messageId, hash;
        for (const auto &candidate : m_campaigns.mid(10)) {
            const QJsonArray copies = deliveredOf(candidate);
            if (copies.isEmpty() || !copies.first()[u"attachments"_s].toBool())
                continue;
            const QJsonObject m = info(copies.first()[u"id"_s].toString());
            hash = m[u"recipientInfo"_s][u"messageInfo"_s][u"attachments"_s][0][u"sha256"_s]
                       .toString();
            messageId = candidate;
            break;
        }
        QVERIFY(!hash.isEmpty());
        const int copies = int(deliveredOf(messageId).size());
        const auto r = call(kCreate, {{u"reason"_s, u"Malicious attachment"_s},
                                      {u"searchBy"_s, u"hash"_s},
                                      {u"hash"_s, hash.toUpper()}});
        QVERIFY2(r.fail().isEmpty(), r.body.constData());
        QCOMPARE(r.data().first()[u"identified"_s].toInt(), copies);
        QCOMPARE(r.data().first()[u"searchCriteria"_s][u"fileHash"_s].toString(), hash);
        // MD5 and SHA-1 never match: every hash the simulator keeps is a SHA-256.
        const auto md5 = call(kCreate, {{u"reason"_s, u"md5"_s},
                                        {u"searchBy"_s, u"hash"_s},
                                        {u"hash"_s, u"5d41402abc4b2a76b9719d911017c592"_s}});
        QCOMPARE(md5.data().first()[u"identified"_s].toInt(), 0);
    }

    void remediateByUrl()
    {
        const QString messageId = m_campaigns.at(8);
        const int copies = int(deliveredOf(messageId).size());
        const auto r = call(kCreate, {{u"reason"_s, u"Credential harvesting link"_s},
                                      {u"searchBy"_s, u"url"_s},
                                      {u"url"_s, campaignUrl(messageId)}});
        QVERIFY2(r.fail().isEmpty(), r.body.constData());
        QCOMPARE(r.data().first()[u"identified"_s].toInt(), copies);
        QVERIFY(r.data().first()[u"searchCriteria"_s][u"url"_s].toString().startsWith(
            u"https://login."_s));
    }

    void remediateWithV1()
    {
        const QString messageId = m_campaigns.at(9);
        expectFail(call(kCreateV1, {{u"reason"_s, u"v1"_s},
                                    {u"searchBy"_s, u"messageId"_s},
                                    {u"hashOrMessageId"_s, bare(messageId)}}),
                   u"err_validation_invalid_value"_s, u"hashOrMessageId"_s);
        const auto r = call(kCreateV1, {{u"reason"_s, u"v1"_s},
                                        {u"searchBy"_s, u"messageId"_s},
                                        {u"hashOrMessageId"_s, messageId}});
        QVERIFY2(r.fail().isEmpty(), r.body.constData());
        QCOMPARE(r.data().first()[u"identified"_s].toInt(), int(deliveredOf(messageId).size()));
        QCOMPARE(r.data().first()[u"searchCriteria"_s][u"messageId"_s].toString(), messageId);
    }

    void badRemediationsRefused()
    {
        const QJsonObject good{{u"reason"_s, u"IR"_s},
                               {u"searchBy"_s, u"message_ids"_s},
                               {u"messageIds"_s, QJsonArray{m_campaigns.at(12)}}};
        const auto with = [&](const QString &key, const QJsonValue &value) {
            QJsonObject item = good;
            if (value.isUndefined())
                item.remove(key);
            else
                item.insert(key, value);
            return call(kCreate, item);
        };
        expectFail(with(u"reason"_s, QJsonValue::Undefined), u"err_validation_null"_s, u"reason"_s);
        expectFail(with(u"reason"_s, u"  "_s), u"err_validation_blank"_s, u"reason"_s);
        expectFail(with(u"searchBy"_s, u"messageId"_s), u"err_validation_value_not_allowed"_s,
                   u"searchBy"_s);
        expectFail(with(u"searchBy"_s, QJsonValue::Undefined), u"err_validation_null"_s,
                   u"searchBy"_s);
        QJsonArray many;
        for (int i = 0; i < 26; ++i)
            many.append(u"<%1@x.example>"_s.arg(i));
        expectFail(with(u"messageIds"_s, many), u"err_validation_item_count"_s, u"messageIds"_s);
        QJsonObject byHash{{u"reason"_s, u"IR"_s}, {u"searchBy"_s, u"hash"_s}};
        for (const auto &bad : {u"xyz"_s, u"abc123"_s, QString(64, u'g')}) {
            byHash.insert(u"hash"_s, bad);
            expectFail(call(kCreate, byHash), u"err_validation_invalid_value"_s, u"hash"_s);
        }
        QJsonObject byUrl{{u"reason"_s, u"IR"_s}, {u"searchBy"_s, u"url"_s}};
        for (const auto &bad : {u"ftp://evil.example/x"_s, u"https://"_s, u"evil.example"_s}) {
            byUrl.insert(u"url"_s, bad);
            expectFail(call(kCreate, byUrl), u"err_validation_invalid_value"_s, u"url"_s);
        }
        // Nothing was filed: the campaign is still there to remove.
        QVERIFY(with(u"reason"_s, u"now for real"_s).data().first()[u"identified"_s].toInt() > 0);
    }

    void getIncidentKnownAndUnknown()
    {
        const QJsonObject first = call(kFind, {}).data().first()[u"incidents"_s][0].toObject();
        const QString id = first[u"id"_s].toString();
        QVERIFY(!id.isEmpty());
        const auto r = m_caller->api1(
            kGetIncident,
            {{u"data"_s, QJsonArray{QJsonObject{{u"id"_s, id}},
                                    QJsonObject{{u"id"_s, u"eNpNoSuchIncident"_s}}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().size(), 1);
        QCOMPARE(r.data().first()[u"id"_s].toString(), id);
        QCOMPARE(r.data().first()[u"code"_s], first[u"code"_s]);
        QCOMPARE(r.fail().size(), 1);
        QCOMPARE(r.errorCode(), u"err_remediation_incident_not_found"_s);
        QCOMPARE(r.fail().first()[u"key"_s][u"id"_s].toString(), u"eNpNoSuchIncident"_s);
    }

    void findIncidentsSearchAndFilter()
    {
        const QJsonArray all = call(kFind, {}).data().first()[u"incidents"_s].toArray();
        QVERIFY(all.size() >= 6);
        QSet<QString> types;
        for (const auto &i : all)
            types.insert(i[u"type"_s].toString());
        QCOMPARE(types,
                 (QSet<QString>{u"manual"_s, u"automatic"_s, u"notify_only"_s, u"restored"_s}));
        const QString code = all.last()[u"code"_s].toString(); // the oldest, seeded
        const auto byCode =
            call(kFind, {{u"searchBy"_s, QJsonArray{QJsonObject{{u"fieldName"_s, u"code"_s},
                                                                {u"value"_s, code.toLower()}}}}});
        QCOMPARE(byCode.data().first()[u"incidents"_s].toArray().size(), 1);
        QCOMPARE(byCode.data().first()[u"incidents"_s][0][u"code"_s].toString(), code);

        const QJsonArray byReason =
            call(kFind, {{u"searchBy"_s,
                          QJsonObject{{u"fieldName"_s, u"reason"_s}, {u"value"_s, u"PHISHING"_s}}}})
                .data()
                .first()[u"incidents"_s]
                .toArray();
        QVERIFY(!byReason.isEmpty());
        for (const auto &i : byReason)
            QVERIFY(i[u"reason"_s].toString().contains(u"phishing"_s, Qt::CaseInsensitive));

        const QJsonArray manual =
            call(kFind, {{u"filterBy"_s, QJsonArray{QJsonObject{{u"fieldName"_s, u"type"_s},
                                                                {u"value"_s, u"manual"_s}}}}})
                .data()
                .first()[u"incidents"_s]
                .toArray();
        QVERIFY(!manual.isEmpty());
        for (const auto &i : manual)
            QCOMPARE(i[u"type"_s].toString(), u"manual"_s);

        const QJsonArray two =
            call(kFind, {{u"filterBy"_s, QJsonObject{{u"fieldName"_s, u"type"_s},
                                                     {u"value"_s, u"automatic,notify_only"_s}}}})
                .data()
                .first()[u"incidents"_s]
                .toArray();
        QSet<QString> twoTypes;
        for (const auto &i : two)
            twoTypes.insert(i[u"type"_s].toString());
        QCOMPARE(twoTypes, (QSet<QString>{u"automatic"_s, u"notify_only"_s}));

        expectFail(call(kFind, {{u"filterBy"_s, QJsonObject{{u"fieldName"_s, u"type"_s},
                                                            {u"value"_s, u"sometimes"_s}}}}),
                   u"err_validation_value_not_allowed"_s, u"filterBy.value"_s);
        expectFail(call(kFind, {{u"searchBy"_s, QJsonObject{{u"fieldName"_s, u"subject"_s},
                                                            {u"value"_s, u"x"_s}}}}),
                   u"err_validation_value_not_allowed"_s, u"searchBy.fieldName"_s);

        const QJsonArray lastWeek = call(kFind, {{u"start"_s, daysAgo(7, u"Z"_s)}})
                                        .data()
                                        .first()[u"incidents"_s]
                                        .toArray();
        QVERIFY(!lastWeek.isEmpty() && lastWeek.size() < all.size());
        for (const auto &i : lastWeek)
            QVERIFY(i[u"create"_s].toString() >= daysAgo(7));
    }

    void findIncidentsPagesToTheEnd()
    {
        const int total = int(call(kFind, {}).data().first()[u"incidents"_s].toArray().size());
        QSet<QString> ids;
        QString token, previous = u"9999"_s;
        int pages = 0;
        do {
            const auto r = m_caller->api1(kFind, simtest::body({}, 2, token));
            QCOMPARE(r.pagination()[u"totalCount"_s].toInt(), total);
            for (const auto &i : r.data().first()[u"incidents"_s].toArray()) {
                QVERIFY(!ids.contains(i[u"id"_s].toString()));
                ids.insert(i[u"id"_s].toString());
                QVERIFY(i[u"create"_s].toString() <= previous); // newest first
                previous = i[u"create"_s].toString();
            }
            token = r.pagination()[u"next"_s].toString();
        } while (!token.isEmpty() && ++pages < 50);
        QCOMPARE(ids.size(), total);
    }

    void searchHash()
    {
        QString known;
        for (const auto &id : m_campaigns) {
            const QJsonArray copies = deliveredOf(id);
            if (!copies.isEmpty() && copies.first()[u"attachments"_s].toBool()) {
                known =
                    info(copies.first()[u"id"_s].toString())[u"recipientInfo"_s][u"messageInfo"_s]
                                                            [u"attachments"_s][0][u"sha256"_s]
                                                                .toString();
                break;
            }
        }
        QVERIFY(!known.isEmpty());
        const QString unknown(64, u'a');
        const QString md5 = u"5d41402abc4b2a76b9719d911017c592"_s;
        const auto r =
            call(kSearchHash,
                 {{u"hashes"_s, QJsonArray{known.toUpper(), unknown, md5, u"not-a-hash"_s, 42}}});
        QVERIFY(r.fail().isEmpty());
        const QJsonArray status = r.data().first()[u"hashStatus"_s].toArray();
        QCOMPARE(status.size(), 3);
        QCOMPARE(status[0][u"hash"_s].toString(), known.toUpper());
        QCOMPARE(status[0][u"detected"_s].toBool(), true);
        QCOMPARE(status[1][u"detected"_s].toBool(true), false);
        QCOMPARE(status[2][u"detected"_s].toBool(true), false);
        QCOMPARE(r.data().first()[u"failedHashes"_s].toArray(), (QJsonArray{u"not-a-hash"_s, 42}));
        expectFail(call(kSearchHash, {{u"hashes"_s, QJsonArray{}}}), u"err_validation_item_count"_s,
                   u"hashes"_s);
        expectFail(call(kSearchHash, {}), u"err_validation_null"_s, u"hashes"_s);
    }

    void bearerTokenAccepted()
    {
        const QString token = m_caller->mintToken();
        const auto search =
            m_caller->bearer(kSearch, simtest::body(byMessageId(m_campaigns[0])), token);
        QCOMPARE(search.status, 200);
        QVERIFY(!rowsOf(search).isEmpty());
        const auto created =
            m_caller->bearer(kCreate,
                             simtest::body({{u"reason"_s, u"API 2.0"_s},
                                            {u"searchBy"_s, u"message_ids"_s},
                                            {u"messageIds"_s, QJsonArray{m_campaigns.at(13)}}}),
                             token);
        QCOMPARE(created.status, 200);
        // The caller of an API 2.0 token is the service account.
        QCOMPARE(created.data().first()[u"remediatedBy"_s].toString(),
                 u"api-service@demo.example"_s);
    }

    void unauthenticatedCallsRefused()
    {
        for (const auto &path :
             {kSearch, kInfo, kCreate, kCreateV1, kGetIncident, kFind, kSearchHash}) {
            QCOMPARE(m_caller->post(path, R"({"data":[{}]})"_ba, {}).status, 401);
            QCOMPARE(m_caller->bearer(path, simtest::body({}), u"not-a-token"_s).status, 401);
        }
    }

    void injectedFaultsApply()
    {
        const QJsonObject copy = deliveredOf(m_campaigns.at(14)).first().toObject();
        const QString trackingId = copy[u"id"_s].toString();
        m_sim->addFault({FaultKind::ItemFailure, kInfo, 1, 100, {trackingId}});
        expectFail(call(kInfo, {{u"id"_s, trackingId}}), u"err_item_processing_failed"_s);
        QVERIFY(call(kInfo, {{u"id"_s, trackingId}}).fail().isEmpty());

        const QString messageId = m_campaigns.at(14);
        m_sim->addFault({FaultKind::ItemFailure, kCreate, 1, 100, {messageId}});
        const QJsonObject item{{u"reason"_s, u"IR"_s},
                               {u"searchBy"_s, u"message_ids"_s},
                               {u"messageIds"_s, QJsonArray{messageId}}};
        expectFail(call(kCreate, item), u"err_item_processing_failed"_s);
        QVERIFY(call(kCreate, item).data().first()[u"identified"_s].toInt() > 0); // not taken

        m_sim->addFault({FaultKind::RateLimited, kSearchHash, 1, 250, {}});
        const auto limited = call(kSearchHash, {{u"hashes"_s, QJsonArray{QString(64, u'b')}}});
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.headers.value("x-ratelimit-reset"), "250"_ba);
        m_sim->addFault({FaultKind::ServerError, kFind, 1, 100, {}});
        QCOMPARE(call(kFind, {}).status, 500);
    }
};

QTEST_GUILESS_MAIN(TestSimRespond)
#include "test_sim_respond.moc"
