// The Activity page's models, each checked by QAbstractItemModelTester while it changes.
#include "tests/support/guitestsupport.h"
#include "ui/activity/auditfiltermodel.h"
#include "ui/activity/auditmodel.h"
#include "ui/activity/networklogmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mcdesk;
using ui::AuditFilterModel;
using ui::AuditModel;
using ui::NetworkLogModel;

namespace {
audit::AuditEntry entry(const QString &time, const QString &action, const QString &caseId,
                        const QStringList &outcomes)
{
    audit::AuditEntry e;
    e.timeUtc = QDateTime::fromString(time, Qt::ISODate);
    e.osUser = u"analyst"_s;
    e.profile = u"Production"_s;
    e.action = action;
    e.caseId = caseId;
    e.alertGroups = {u"AG-1"_s, u"AG-2"_s};
    int n = 0;
    for (const QString &outcome : outcomes) {
        QJsonObject item{{u"id"_s, u"msg-%1"_s.arg(++n)}, {u"outcome"_s, outcome}};
        if (outcome == u"failed"_s)
            item.insert(u"error"_s, QJsonObject{{u"code"_s, u"err_x"_s}, {u"message"_s, u"no"_s}});
        e.items.append(item);
    }
    return e;
}

QList<audit::AuditEntry> sample()
{
    return {
        entry(u"2026-11-20T09:00:00Z"_s, u"release-message"_s, u"INC-1"_s, {u"done"_s}),
        entry(u"2026-11-25T10:00:00Z"_s, u"reject-message"_s, u"INC-2"_s, {u"done"_s, u"failed"_s}),
        entry(u"2026-11-26T11:00:00Z"_s, u"release-message"_s, u"inc-22"_s,
              {u"done"_s, u"unknown"_s, u"done"_s}),
        entry(u"2026-11-27T12:00:00Z"_s, u"block-sender"_s, QString(), {u"failed"_s})};
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    void init() { testing::failOnUnexpectedWarnings(); }

    void auditModelShowsEntries()
    {
        AuditModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setEntries(sample());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(AuditModel::ColumnCount));

        const auto at = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(at(0, AuditModel::Action).toString(), u"release-message"_s);
        QCOMPARE(at(0, AuditModel::AlertGroup).toString(), u"AG-1, AG-2"_s);
        QCOMPARE(at(0, AuditModel::Outcome).toString(), u"Done"_s);
        QCOMPARE(at(1, AuditModel::Items).toString(), u"2 (1 done, 1 failed)"_s);
        QCOMPARE(at(1, AuditModel::Outcome).toString(), u"Partly failed"_s);
        QCOMPARE(at(2, AuditModel::Outcome).toString(), u"Unknown"_s);
        QCOMPARE(at(3, AuditModel::Outcome).toString(), u"Failed"_s);
        // Local time on screen, UTC in the tooltip.
        const QDateTime utc = QDateTime::fromString(u"2026-11-20T09:00:00Z"_s, Qt::ISODate);
        QCOMPARE(at(0, AuditModel::Time).toString(),
                 utc.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s));
        QVERIFY(at(0, AuditModel::Time, Qt::ToolTipRole)
                    .toString()
                    .contains(u"2026-11-20 09:00:00 UTC"_s));
        QVERIFY(at(1, AuditModel::Outcome, Qt::ToolTipRole).toString().contains(u"err_x"_s));
        // Server text in a tooltip is escaped: Qt would otherwise render it as HTML.
        auto hostile = sample();
        hostile[0].message = u"<img src=x>done"_s;
        model.setEntries(hostile);
        QVERIFY(at(0, AuditModel::Outcome, Qt::ToolTipRole)
                    .toString()
                    .contains(u"&lt;img src=x&gt;"_s));
        model.setEntries(sample());
        QCOMPARE(at(0, AuditModel::Time, AuditModel::SortRole).toDateTime(), utc);

        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }

    void filterNarrowsByCaseActionAndDate()
    {
        AuditModel model;
        AuditFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(sample());
        QCOMPARE(filter.rowCount(), 4);

        filter.setCaseFilter(u"inc-2"_s); // substring, any case: INC-2 and inc-22
        QCOMPARE(filter.rowCount(), 2);
        filter.setActionFilter(u"reject-message"_s);
        QCOMPARE(filter.rowCount(), 1);
        filter.setCaseFilter({});
        filter.setActionFilter({});
        QCOMPARE(filter.rowCount(), 4);

        const QDate day25 =
            QDateTime::fromString(u"2026-11-25T10:00:00Z"_s, Qt::ISODate).toLocalTime().date();
        filter.setDateRange(day25, {});
        QCOMPARE(filter.rowCount(), 3);
        filter.setDateRange(day25, day25);
        QCOMPARE(filter.rowCount(), 1);
        filter.setDateRange({}, {});

        // Newest first when sorted by time, descending.
        filter.sort(AuditModel::Time, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, AuditModel::Action).data().toString(), u"block-sender"_s);
        filter.sort(AuditModel::Items, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, AuditModel::Items).data(AuditModel::SortRole).toInt(), 3);

        model.setEntries(sample().mid(0, 2)); // a reload while sorted and filtered
        QCOMPARE(filter.rowCount(), 2);
    }

    void networkLogKeepsTheNewestEntries()
    {
        NetworkLogModel model(3);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 5; ++i) {
            api::NetworkLogEntry e;
            e.timeUtc = QDateTime::currentDateTimeUtc();
            e.method = u"POST"_s;
            e.path = u"/api/gateway/hold-release"_s;
            e.httpStatus = i == 4 ? 0 : 200;
            e.durationMs = 10 * i;
            e.requestId = u"req-%1"_s.arg(i);
            e.error = i == 4 ? u"Connection refused"_s : QString();
            model.append(e);
        }
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, NetworkLogModel::RequestId).data().toString(), u"req-2"_s);
        QCOMPARE(model.index(2, NetworkLogModel::Status).data().toString(), u"no reply"_s);
        QCOMPARE(model.index(2, NetworkLogModel::Duration).data().toString(), u"40 ms"_s);
        QCOMPARE(model.index(2, NetworkLogModel::Error).data().toString(), u"Connection refused"_s);
        QVERIFY(!model.index(2, NetworkLogModel::Status).data(Qt::DecorationRole).isNull());
        QVERIFY(model.index(0, NetworkLogModel::Status).data(Qt::DecorationRole).isNull());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestModels)
#include "test_models.moc"
