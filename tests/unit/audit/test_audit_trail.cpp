// The audit trail: the one writer, off the caller's thread, announcing each append in order.
#include "core/audit/audittrail.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace mcdesk::audit;

namespace {
AuditEntry entry(const QString &caseId)
{
    AuditEntry e;
    e.action = u"release-message"_s;
    e.caseId = caseId;
    e.message = u"1 of 1 done"_s;
    return e;
}
} // namespace

class TestAuditTrail : public QObject
{
    Q_OBJECT
private slots:
    void writesOffTheCallersThreadThenAnnounces()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.jsonl"_s);
        AuditTrail trail(path);
        QSignalSpy appended(&trail, &AuditTrail::appended);
        QStringList order;
        QString error = u"unset"_s;
        connect(&trail, &AuditTrail::appended, this, [&] { order << u"appended"_s; });
        trail.append(entry(u"CASE-1"_s), this, [&](const QString &e) {
            order << u"done"_s;
            error = e;
            // The line is on disk before the caller hears of it.
            QCOMPARE(AuditLog(path).readAll().size(), 1);
        });
        QVERIFY(order.isEmpty()); // nothing happens on the caller's stack
        QTRY_COMPARE(order, (QStringList{u"appended"_s, u"done"_s}));
        QCOMPARE(error, QString());
        const auto written = appended.first().first().value<AuditEntry>();
        QCOMPARE(written.caseId, u"CASE-1"_s);
        QVERIFY(written.timeUtc.isValid()); // filled in as written
        QVERIFY(!written.osUser.isEmpty());
    }

    void readSeesExactlyTheAppendsQueuedBeforeIt()
    {
        QTemporaryDir dir;
        AuditTrail trail(dir.filePath(u"audit.jsonl"_s));
        // A model's view of the log: load once, then add each announced entry.
        QStringList model;
        bool loaded = false;
        trail.append(entry(u"A"_s), this, {});
        trail.read(this, [&](QList<AuditEntry> entries, const QString &) {
            for (const AuditEntry &e : entries)
                model << e.caseId;
            loaded = true;
        });
        connect(&trail, &AuditTrail::appended, this, [&](const AuditEntry &e) {
            if (loaded)
                model << e.caseId;
        });
        trail.append(entry(u"B"_s), this, {});
        trail.append(entry(u"C"_s), this, {});
        QTRY_COMPARE(model.size(), 3);
        QTest::qWait(50); // nothing further arrives: no entry twice
        QCOMPARE(model, (QStringList{u"A"_s, u"B"_s, u"C"_s}));
    }

    void failureIsReportedAndNotAnnounced()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"blocker"_s)); // a file where the log's folder should be
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        AuditTrail trail(dir.filePath(u"blocker/audit.jsonl"_s));
        QSignalSpy appended(&trail, &AuditTrail::appended);
        QString error;
        bool done = false;
        trail.append(entry(u"X"_s), this, [&](const QString &e) {
            error = e;
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY(error.contains(u"blocker"_s));
        QCOMPARE(appended.size(), 0);
    }

    void destroyingTheTrailKeepsQueuedWrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.jsonl"_s);
        {
            AuditTrail trail(path);
            for (int i = 0; i < 50; ++i)
                trail.append(entry(QString::number(i)), this, {});
        }
        const QList<AuditEntry> written = AuditLog(path).readAll();
        QCOMPARE(written.size(), 50);
        QCOMPARE(written.last().caseId, u"49"_s);
    }

    void aGoneReceiverIsNotCalled()
    {
        QTemporaryDir dir;
        AuditTrail trail(dir.filePath(u"audit.jsonl"_s));
        QSignalSpy appended(&trail, &AuditTrail::appended);
        bool called = false;
        auto *receiver = new QObject;
        trail.append(entry(u"R"_s), receiver, [&](const QString &) { called = true; });
        delete receiver;
        QVERIFY(appended.wait());
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestAuditTrail)
#include "test_audit_trail.moc"
