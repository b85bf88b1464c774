#include "core/audit/auditlog.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk::audit;

namespace {
AuditEntry sample(const QString &action, const QString &caseId, const QDateTime &when)
{
    AuditEntry e;
    e.timeUtc = when;
    e.osUser = u"analyst"_s;
    e.profile = u"Prod EU"_s;
    e.action = action;
    e.caseId = caseId;
    e.alertGroups = {u"ag-1"_s, u"ag-2"_s};
    e.targetEntities = QJsonArray{
        QJsonObject{{u"Identifier"_s, u"bad@example.com"_s}, {u"EntityType"_s, u"ADDRESS"_s}}};
    e.scope = u"All entities"_s;
    e.items = QJsonArray{
        QJsonObject{{u"id"_s, u"msg-1"_s}, {u"outcome"_s, u"done"_s}},
        QJsonObject{{u"id"_s, u"msg-2"_s},
                    {u"outcome"_s, u"failed"_s},
                    {u"error"_s, QJsonObject{{u"code"_s, u"err_validation"_s},
                                             {u"message"_s, u"Held message not found"_s}}}}};
    e.message = u"Released 1 of 2; \u00e9 \u65e5\u672c\nsecond line"_s;
    return e;
}

QDateTime at(int day, int hour = 12)
{
    return QDateTime(QDate(2025, 3, day), QTime(hour, 0, 0, 123), Qt::UTC);
}
} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void init()
    {
        static int n = 0;
        m_path = m_dir.filePath(u"logs/%1/audit.jsonl"_s.arg(++n)); // folder created on demand
    }
    void appendAndReadBack()
    {
        AuditLog log(m_path);
        QCOMPARE(log.path(), m_path);
        QString error;
        QVERIFY(log.readAll(&error).isEmpty()); // no file yet: an empty log
        QVERIFY(error.isEmpty());
        const AuditEntry first = sample(u"release-message"_s, u"CASE-1"_s, at(1));
        const AuditEntry second = sample(u"block-sender"_s, u"CASE-2"_s, at(2));
        QVERIFY2(log.append(first, &error), qPrintable(error));
        QVERIFY2(log.append(second, &error), qPrintable(error));

        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // two lines, each ending in '\n'
        QVERIFY(lines.at(2).isEmpty());
        const QJsonObject json = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(json.value(u"time"_s).toString(), u"2025-03-01T12:00:00.123Z"_s);
        QCOMPARE(json.value(u"case_id"_s).toString(), u"CASE-1"_s);
        QCOMPARE(json.value(u"user"_s).toString(), u"analyst"_s);
        QVERIFY(file.permissions().testFlag(QFileDevice::ReadOwner));
        QVERIFY(!file.permissions().testFlag(QFileDevice::ReadOther));

        const QList<AuditEntry> all = log.readAll(&error);
        QCOMPARE(all.size(), 2);
        for (const auto &[read, written] : {std::pair{all.at(0), first}, {all.at(1), second}}) {
            QCOMPARE(read.timeUtc, written.timeUtc);
            QCOMPARE(read.timeUtc.timeSpec(), Qt::UTC);
            QCOMPARE(read.osUser, written.osUser);
            QCOMPARE(read.profile, written.profile);
            QCOMPARE(read.action, written.action);
            QCOMPARE(read.caseId, written.caseId);
            QCOMPARE(read.alertGroups, written.alertGroups);
            QCOMPARE(read.targetEntities, written.targetEntities);
            QCOMPARE(read.scope, written.scope);
            QCOMPARE(read.items, written.items);
            QCOMPARE(read.message, written.message);
        }
    }
    void fillsTimeAndUser()
    {
        AuditLog log(m_path);
        AuditEntry e;
        e.action = u"permit-sender"_s;
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        QVERIFY(log.append(e));
        const QList<AuditEntry> all = log.readAll();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.at(0).osUser, AuditLog::osUser());
        QVERIFY(!all.at(0).osUser.isEmpty());
        QVERIFY(all.at(0).timeUtc >= before);
        QVERIFY(all.at(0).timeUtc <= QDateTime::currentDateTimeUtc());
    }
    // The system's account wins over whatever the environment claims, and is there when the
    // environment is empty (cron, systemd, SOAR runners).
    void osUserComesFromTheSystemNotTheEnvironment()
    {
        const QString system = AuditLog::systemAccount();
        QVERIFY2(!system.isEmpty(), "this test runs as a uid with a passwd entry");
        const QByteArray saved = qgetenv("USER");
        qputenv("USER", "someone-else");
        QCOMPARE(AuditLog::osUser(), system);
        qunsetenv("USER");
        qunsetenv("USERNAME");
        qunsetenv("LOGNAME");
        QCOMPARE(AuditLog::osUser(), system);
        qputenv("USER", saved);
    }
    void truncatedLastLine()
    {
        AuditLog log(m_path);
        QVERIFY(log.append(sample(u"release-message"_s, u"C1"_s, at(1))));
        {
            QFile file(m_path); // a crash in the middle of a write
            QVERIFY(file.open(QIODevice::Append));
            file.write("{\"time\":\"2025-03-02T12:00:00Z\",\"action\":\"reje");
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"damaged audit line 2"_s));
        QString error;
        QCOMPARE(log.readAll(&error).size(), 1);
        QVERIFY(error.isEmpty());
        // The next entry starts on a line of its own and is readable.
        QVERIFY(log.append(sample(u"reject-message"_s, u"C3"_s, at(3))));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"damaged audit line 2"_s));
        const QList<AuditEntry> all = log.readAll(&error);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(1).caseId, u"C3"_s);
    }
    void unwritablePathFails()
    {
        QFile blocker(m_dir.filePath(u"not-a-folder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        AuditLog log(blocker.fileName() + u"/audit.jsonl"_s);
        QString error;
        QVERIFY(!log.append(sample(u"release-message"_s, u"C"_s, at(1)), &error));
        QVERIFY2(error.contains(u"Could not write the audit log"_s), qPrintable(error));
        QVERIFY(error.contains(log.path()));
    }
    void unwritableFileFails()
    {
        AuditLog log(m_dir.path()); // a directory, not a file
        QString error;
        QVERIFY(!log.append(sample(u"release-message"_s, u"C"_s, at(1)), &error));
        QVERIFY(!error.isEmpty());
    }
    void filter_data()
    {
        QTest::addColumn<QString>("caseId");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("to");
        QTest::addColumn<QStringList>("expected"); // case ids
        QTest::newRow("everything") << QString() << QString() << QDateTime() << QDateTime()
                                    << QStringList{u"A"_s, u"B"_s, u"A"_s, u"C"_s};
        QTest::newRow("case A") << u"A"_s << QString() << QDateTime() << QDateTime()
                                << QStringList{u"A"_s, u"A"_s};
        QTest::newRow("action") << QString() << u"block-sender"_s << QDateTime() << QDateTime()
                                << QStringList{u"B"_s, u"C"_s};
        QTest::newRow("range inclusive")
            << QString() << QString() << at(2) << at(3) << QStringList{u"B"_s, u"A"_s};
        QTest::newRow("from only")
            << QString() << QString() << at(3) << QDateTime() << QStringList{u"A"_s, u"C"_s};
        QTest::newRow("combined") << u"A"_s << u"release-message"_s << at(2) << QDateTime()
                                  << QStringList{u"A"_s};
        QTest::newRow("nothing") << u"Z"_s << QString() << QDateTime() << QDateTime()
                                 << QStringList{};
    }
    void filter()
    {
        QFETCH(QString, caseId);
        QFETCH(QString, action);
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, to);
        QFETCH(QStringList, expected);
        const QList<AuditEntry> entries{
            sample(u"release-message"_s, u"A"_s, at(1)), sample(u"block-sender"_s, u"B"_s, at(2)),
            sample(u"release-message"_s, u"A"_s, at(3)), sample(u"block-sender"_s, u"C"_s, at(4))};
        QStringList got;
        for (const AuditEntry &e : AuditLog::filter(entries, {caseId, action, from, to}))
            got << e.caseId;
        QCOMPARE(got, expected);
    }
    void defaultPath()
    {
        QVERIFY(AuditLog::defaultPath().endsWith(u"/audit.jsonl"_s));
        QCOMPARE(AuditLog().path(), AuditLog::defaultPath());
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "test_audit_log.moc"
