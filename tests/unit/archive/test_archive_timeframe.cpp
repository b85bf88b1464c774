#include "core/archive/timeframe.h"

#include <QTest>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace mcdesk::archive;

Q_DECLARE_METATYPE(mcdesk::archive::TimeFrame)

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

// A fixed "now" with milliseconds, to show they are cut.
const QDateTime kNow = utc(2026, 5, 15, 12, 34, 56).addMSecs(789);
const QDateTime kNowSeconds = utc(2026, 5, 15, 12, 34, 56);

} // namespace

class TestArchiveTimeFrame : public QObject
{
    Q_OBJECT
    QByteArray m_oldTz;
    bool m_hadTz = false;

private slots:
    // Local times are interpreted in a zone with DST, whatever the machine running the test.
    void initTestCase()
    {
        m_hadTz = qEnvironmentVariableIsSet("TZ");
        m_oldTz = qgetenv("TZ");
        qputenv("TZ", "Europe/Berlin");
        tzset();
    }
    void cleanupTestCase()
    {
        if (m_hadTz)
            qputenv("TZ", m_oldTz);
        else
            qunsetenv("TZ");
        tzset();
    }

    void parseLabels_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<TimeFrame>("frame");
        QTest::newRow("Last Hour") << u"Last Hour"_s << TimeFrame::LastHour;
        QTest::newRow("Last 6 Hours") << u"Last 6 Hours"_s << TimeFrame::Last6Hours;
        QTest::newRow("Last 24 Hours") << u"Last 24 Hours"_s << TimeFrame::Last24Hours;
        QTest::newRow("Last Week") << u"Last Week"_s << TimeFrame::LastWeek;
        QTest::newRow("Last Month") << u"Last Month"_s << TimeFrame::LastMonth;
        QTest::newRow("Custom") << u"Custom"_s << TimeFrame::Custom;
        QTest::newRow("lower case") << u"last 24 hours"_s << TimeFrame::Last24Hours;
        QTest::newRow("upper case, spaces") << u"  LAST  WEEK "_s << TimeFrame::LastWeek;
    }
    void parseLabels()
    {
        QFETCH(QString, label);
        QFETCH(TimeFrame, frame);
        QString error;
        QCOMPARE(parseTimeFrame(label, &error), std::optional<TimeFrame>(frame));
        QVERIFY(error.isEmpty());
        QCOMPARE(parseTimeFrame(timeFrameLabel(frame)), std::optional<TimeFrame>(frame));
    }

    void unknownLabelListsValidValues()
    {
        QString error;
        QCOMPARE(parseTimeFrame(u"Last Year"_s, &error), std::nullopt);
        QVERIFY(error.contains(u"\"Last Year\""_s));
        for (const QString &label : timeFrameLabels())
            QVERIFY2(error.contains(label), qPrintable(label));
    }

    void presets_data()
    {
        QTest::addColumn<TimeFrame>("frame");
        QTest::addColumn<QDateTime>("start");
        QTest::newRow("Last Hour") << TimeFrame::LastHour << utc(2026, 5, 15, 11, 34, 56);
        QTest::newRow("Last 6 Hours") << TimeFrame::Last6Hours << utc(2026, 5, 15, 6, 34, 56);
        QTest::newRow("Last 24 Hours") << TimeFrame::Last24Hours << utc(2026, 5, 14, 12, 34, 56);
        QTest::newRow("Last Week") << TimeFrame::LastWeek << utc(2026, 5, 8, 12, 34, 56);
        QTest::newRow("Last Month") << TimeFrame::LastMonth << utc(2026, 4, 15, 12, 34, 56);
    }
    void presets()
    {
        QFETCH(TimeFrame, frame);
        QFETCH(QDateTime, start);
        // Start/End text are ignored for presets, even when unparseable.
        const TimeRange r = resolveTimeRange(frame, u"garbage"_s, u"2001-01-01"_s, kNow);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.startUtc, start);
        QCOMPARE(r.endUtc, kNowSeconds);
        QCOMPARE(r.startUtc.timeSpec(), Qt::UTC);
    }

    void presetAcrossDstIsRollingHours()
    {
        // 24 real hours before 2026-03-29 12:00 Berlin (10:00Z) is 2026-03-28 11:00 Berlin.
        const TimeRange r =
            resolveTimeRange(TimeFrame::Last24Hours, {}, {}, utc(2026, 3, 29, 10, 0));
        QCOMPARE(r.startUtc, utc(2026, 3, 28, 10, 0));
    }

    void custom_data()
    {
        QTest::addColumn<QString>("startText");
        QTest::addColumn<QString>("endText");
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QDateTime>("end");
        QTest::newRow("Z") << u"2026-05-01T10:00:00Z"_s << u"2026-05-01T11:00:00Z"_s
                           << utc(2026, 5, 1, 10, 0) << utc(2026, 5, 1, 11, 0);
        QTest::newRow("+05:30") << u"2026-05-01T10:00:00+05:30"_s << u"2026-05-01T23:59:59z"_s
                                << utc(2026, 5, 1, 4, 30) << utc(2026, 5, 1, 23, 59, 59);
        QTest::newRow("-0800") << u"2026-05-01T10:00:00-0800"_s << u"2026-05-02T00:00:00-08"_s
                               << utc(2026, 5, 1, 18, 0) << utc(2026, 5, 2, 8, 0);
        QTest::newRow("fraction, space, no seconds")
            << u"2026-05-01 10:00:00.999999+00:00"_s << u"2026-05-01T12:30+01:00"_s
            << utc(2026, 5, 1, 10, 0) << utc(2026, 5, 1, 11, 30);
        QTest::newRow("end defaults to now")
            << u"2026-05-15T12:00:00Z"_s << QString() << utc(2026, 5, 15, 12, 0) << kNowSeconds;
        // No offset: local time (Europe/Berlin here), across the 2026-03-29 spring-forward.
        QTest::newRow("local before DST") << u"2026-03-29T01:30:00"_s << u"2026-03-29T03:30:00"_s
                                          << utc(2026, 3, 29, 0, 30) << utc(2026, 3, 29, 1, 30);
        QTest::newRow("local noon to noon across DST")
            << u"2026-03-28T12:00:00"_s << u"2026-03-29T12:00:00"_s << utc(2026, 3, 28, 11, 0)
            << utc(2026, 3, 29, 10, 0);
        QTest::newRow("date only is local midnight")
            << u"2026-03-29"_s << u"2026-07-01"_s << utc(2026, 3, 28, 23, 0)
            << utc(2026, 6, 30, 22, 0);
        QTest::newRow("local, ambiguous autumn hour takes the first")
            << u"2026-10-25T02:30:00"_s << u"2026-10-25T04:00:00"_s << utc(2026, 10, 25, 0, 30)
            << utc(2026, 10, 25, 3, 0);
    }
    void custom()
    {
        QFETCH(QString, startText);
        QFETCH(QString, endText);
        QFETCH(QDateTime, start);
        QFETCH(QDateTime, end);
        const TimeRange r = resolveTimeRange(TimeFrame::Custom, startText, endText, kNow);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.startUtc, start);
        QCOMPARE(r.endUtc, end);
        QCOMPARE(r.startUtc.timeSpec(), Qt::UTC);
        QCOMPARE(r.endUtc.timeSpec(), Qt::UTC);
    }

    void customErrors_data()
    {
        QTest::addColumn<QString>("startText");
        QTest::addColumn<QString>("endText");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing start") << QString() << u"2026-05-01T10:00:00Z"_s
                                       << u"Start Time is required when Time Frame is Custom"_s;
        QTest::newRow("blank start")
            << u"  "_s << QString() << u"Start Time is required when Time Frame is Custom"_s;
        QTest::newRow("start after end") << u"2026-05-01T11:00:00Z"_s << u"2026-05-01T10:00:00Z"_s
                                         << u"End Time must be later than Start Time"_s;
        QTest::newRow("start equals end")
            << u"2026-05-01T12:00:00+02:00"_s << u"2026-05-01T10:00:00Z"_s
            << u"End Time must be later than Start Time"_s;
        QTest::newRow("start in the future, end now")
            << u"2026-06-01T00:00:00Z"_s << QString()
            << u"End Time must be later than Start Time"_s;
        QTest::newRow("bad start") << u"yesterday"_s << QString()
                                   << u"Start Time \"yesterday\" is not an ISO 8601 date-time"_s;
        QTest::newRow("bad end") << u"2026-05-01T10:00:00Z"_s << u"05/01/2026"_s
                                 << u"End Time \"05/01/2026\" is not an ISO 8601 date-time"_s;
        QTest::newRow("no 30 February") << u"2026-02-30T10:00:00Z"_s << QString()
                                        << u"Start Time \"2026-02-30T10:00:00Z\" is not a real"_s;
        QTest::newRow("offset too large")
            << u"2026-05-01T10:00:00+15:00"_s << QString() << u"impossible UTC offset"_s;
        QTest::newRow("local time skipped by DST")
            << u"2026-03-29T02:30:00"_s << QString()
            << u"Start Time \"2026-03-29T02:30:00\" does not exist in local time"_s;
    }
    void customErrors()
    {
        QFETCH(QString, startText);
        QFETCH(QString, endText);
        QFETCH(QString, error);
        const TimeRange r = resolveTimeRange(TimeFrame::Custom, startText, endText, kNow);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
        QVERIFY(!r.startUtc.isValid());
    }

    void unparseableTextShowsAnExample()
    {
        const TimeRange r = resolveTimeRange(TimeFrame::Custom, u"soon"_s, {}, kNow);
        QVERIFY(r.error.contains(u"2026-03-29T10:00:00Z"_s));
    }

    void formatsUtcWithZ()
    {
        QCOMPARE(formatUtc(QDateTime(QDate(2026, 3, 29), QTime(3, 30), Qt::LocalTime)),
                 u"2026-03-29T01:30:00Z"_s);
    }
};

QTEST_GUILESS_MAIN(TestArchiveTimeFrame)
#include "test_archive_timeframe.moc"
