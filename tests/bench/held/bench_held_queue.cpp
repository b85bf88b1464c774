// Benchmark of the held queue page against the local simulator (issue 5; targets in
// docs/contract.md, performance targets):
//   - first rows in the table within 300 ms of reload() for a queue of 10,000;
//   - the GUI thread never blocked more than 50 ms while pages arrive (a 5 ms timer measures
//     the gaps between its ticks);
//   - releasing 1,000 messages takes at most 40 requests and, with Mimecast 150 ms away, at
//     most 2 s (up to four batches in flight; one at a time would take 6 s or more).
// Not run in CI (label bench). Prints the figures; exits 0 whatever the figures
// (a benchmark measures, it does not gate) and 2 only when it could not run.
#include "core/simulator/simulatorhost.h"
#include "ui/common/dialogs.h"
#include "ui/held/heldactioncontroller.h"
#include "ui/held/heldmessagemodel.h"
#include "ui/held/heldqueuepage.h"
#include "ui/shell/session.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace mcdesk;

namespace {
// Times every event the GUI thread delivers, so a stall can be pinned on its receiver.
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (++m_depth > 1) {
            const bool handled = QApplication::notify(receiver, event);
            --m_depth;
            return handled;
        }
        QElapsedTimer clock;
        clock.start();
        const qint64 cpuBefore = threadCpuNs();
        const bool handled = QApplication::notify(receiver, event);
        const qint64 ns = clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs() - cpuBefore;
        --m_depth;
        m_longestCpuNs = std::max(m_longestCpuNs, cpu);
        if (ns > m_longestNs) {
            m_longestNs = ns;
            m_longest = QString::fromLatin1(receiver->metaObject()->className()) + u' ' +
                        receiver->objectName() + u" event " + QString::number(int(event->type()));
        }
        return handled;
    }
    static qint64 threadCpuNs()
    {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
    }
    void resetLongest()
    {
        m_longestCpuNs = 0;
        m_longestNs = 0;
        m_longest.clear();
    }
    QString longest() const
    {
        return u"%1 ms wall in %2; the longest in GUI-thread CPU time: %3 ms"_s
            .arg(double(m_longestNs) / 1e6, 0, 'f', 1)
            .arg(m_longest)
            .arg(double(m_longestCpuNs) / 1e6, 0, 'f', 1);
    }

private:
    int m_depth = 0;
    qint64 m_longestNs = 0;
    qint64 m_longestCpuNs = 0;
    QString m_longest;
};

// The longest gap between ticks of a 5 ms timer, while it runs.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this,
                [this] { m_longest = std::max(m_longest, m_clock.restart()); });
    }
    void start()
    {
        m_longest = 0;
        m_clock.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return std::max(m_longest, m_clock.elapsed());
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

struct LoadFigures
{
    qint64 firstRowsMs = -1;
    qint64 firstPaintMs = -1;
    qint64 allRowsMs = -1;
    qint64 longestStallMs = 0;
    int rows = 0;
};

class PaintWatch : public QObject
{
public:
    PaintWatch(QAbstractItemModel *model, QElapsedTimer *clock, LoadFigures *figures)
        : m_model(model)
        , m_clock(clock)
        , m_figures(figures)
    {}
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_figures->firstPaintMs < 0 &&
            m_model->rowCount() > 0)
            m_figures->firstPaintMs = m_clock->elapsed();
        return false;
    }

private:
    QAbstractItemModel *m_model;
    QElapsedTimer *m_clock;
    LoadFigures *m_figures;
};

LoadFigures measureLoad(ui::HeldQueuePage &page, QTableView *table)
{
    LoadFigures figures;
    QElapsedTimer clock;
    PaintWatch watch(table->model(), &clock, &figures);
    table->viewport()->installEventFilter(&watch);
    const auto firstRows =
        QObject::connect(page.model(), &QAbstractItemModel::rowsInserted, &page, [&] {
            if (figures.firstRowsMs < 0)
                figures.firstRowsMs = clock.elapsed();
        });
    StallMeter stall;
    stall.start();
    clock.start();
    page.reload();
    if (!QTest::qWaitFor([&] { return page.isLoaded(); }, 60000))
        std::fprintf(stderr, "the queue did not finish loading in 60 s\n");
    figures.allRowsMs = clock.elapsed();
    figures.longestStallMs = stall.stop();
    figures.rows = page.model()->rowCount();
    QObject::disconnect(firstRows);
    table->viewport()->removeEventFilter(&watch);
    return figures;
}
} // namespace

int main(int argc, char **argv)
{
    TimedApplication app(argc, argv);
    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", dir.filePath(u"config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", dir.filePath(u"data"_s).toUtf8());

    sim::SimConfig config;
    config.heldCount = 10000;
    config.archiveCount = 100;
    sim::SimulatorHost sim(config);
    QString error;
    if (!sim.start(0, &error)) {
        std::fprintf(stderr, "simulator did not start: %s\n", qPrintable(error));
        return 2;
    }
    ui::Session session(dir.filePath(u"audit.jsonl"_s));
    if (!session.connectTo(u"Bench"_s, sim.baseUrl(), sim::demoCredentials(), {}).isEmpty())
        return 2;
    ui::HeldQueuePage page(&session);
    ui::dialogs::startScript(); // the release below is confirmed by script, never by a box
    page.resize(1600, 1000);
    page.show();
    auto *table = page.findChild<QTableView *>(u"heldTable"_s);
    if (!QTest::qWaitFor([&] { return page.isLoaded(); }, 60000)) // warm-up load
        return 2;

    std::printf("Held queue benchmark: %d held messages in the simulator, pages of 500\n",
                sim.heldCount());
    QList<LoadFigures> runs;
    for (int i = 0; i < 5; ++i) {
        const int before = sim.requestCount(u"/api/gateway/get-hold-message-list"_s);
        app.resetLongest();
        runs << measureLoad(page, table);
        const LoadFigures &r = runs.constLast();
        std::printf("  run %d: first rows %lld ms, first paint with rows %lld ms, all %d rows "
                    "%lld ms (%d requests), longest GUI stall %lld ms\n",
                    i + 1, r.firstRowsMs, r.firstPaintMs, r.rows, r.allRowsMs,
                    sim.requestCount(u"/api/gateway/get-hold-message-list"_s) - before,
                    r.longestStallMs);
        std::printf("         longest single event: %s\n", qPrintable(app.longest()));
    }
    qint64 worstFirst = 0, worstStall = 0, worstPaint = 0;
    for (const LoadFigures &r : std::as_const(runs)) {
        worstFirst = std::max(worstFirst, r.firstRowsMs);
        worstPaint = std::max(worstPaint, r.firstPaintMs);
        worstStall = std::max(worstStall, r.longestStallMs);
    }

    // Where a page's time goes on the GUI thread: the reply's JSON and the typed records
    // (core, inside the network event), then the model (this page).
    {
        QJsonArray items;
        for (int row = 0; row < 500; ++row)
            items.append(page.model()->message(row).toJson());
        const QByteArray body =
            QJsonDocument(QJsonObject{{u"meta"_s, QJsonObject()}, {u"data"_s, items}}).toJson();
        QElapsedTimer t;
        t.start();
        const QJsonDocument parsed = QJsonDocument::fromJson(body);
        const qint64 jsonNs = t.nsecsElapsed();
        t.restart();
        QList<held::HeldMessage> messages;
        for (const QJsonValue &v : parsed.object().value(u"data"_s).toArray())
            messages.append(held::HeldMessage::fromJson(v.toObject()));
        const qint64 recordsNs = t.nsecsElapsed();
        ui::HeldMessageModel model;
        model.appendPage(model.beginQuery(), messages);
        t.restart();
        model.appendPage(model.currentQuery(), messages);
        std::printf(
            "  one page of 500 (%lld KB): JSON parse %.1f ms, HeldMessage::fromJson %.1f ms, "
            "model append %.1f ms\n",
            qint64(body.size() / 1024), jsonNs / 1e6, recordsNs / 1e6, t.nsecsElapsed() / 1e6);
    }

    // Release 1,000: select them, release, count the requests.
    table->clearSelection();
    QItemSelection selection(table->model()->index(0, 0),
                             table->model()->index(999, ui::HeldMessageModel::ColumnCount - 1));
    table->selectionModel()->select(selection, QItemSelectionModel::Select);
    sim.setLatency(150); // a round trip to Mimecast
    sim.clearRequests();
    const int rowsBefore = page.model()->rowCount();
    StallMeter stall;
    stall.start();
    QElapsedTimer clock;
    clock.start();
    ui::dialogs::setNextConfirm(true);
    page.findChild<QAction *>(u"releaseAction"_s)->trigger();
    if (!QTest::qWaitFor(
            [&] { return page.controller()->job() && !page.controller()->job()->isRunning(); },
            120000))
        std::fprintf(stderr, "the release did not finish in 120 s\n");
    const qint64 releaseMs = clock.elapsed();
    for (const QString &problem : ui::dialogs::endScript())
        std::fprintf(stderr, "dialog script: %s\n", qPrintable(problem));
    const qint64 releaseStall = stall.stop();
    const int releaseRequests = sim.requestCount(u"/api/gateway/hold-release"_s);
    const int done = page.controller()->job()->count(ui::HeldOutcomeRow::Status::Done);
    std::printf("  release 1000 at 150 ms latency: %d done in %lld ms, %d requests, %d rows left "
                "the table, longest GUI stall %lld ms\n",
                done, releaseMs, releaseRequests, rowsBefore - page.model()->rowCount(),
                releaseStall);

    const bool firstOk = worstFirst >= 0 && worstFirst <= 300;
    const bool stallOk = worstStall <= 50;
    const bool releaseOk = releaseRequests <= 40 && done == 1000;
    const bool releaseTimeOk = releaseMs <= 2000 && releaseStall <= 50;
    std::printf(
        "\nWorst of %lld runs: first rows %lld ms (target <= 300: %s), first paint %lld ms, "
        "longest stall %lld ms (target <= 50: %s); release 1000 in %d requests "
        "(target <= 40: %s), %lld ms with a stall of %lld ms (targets <= 2000 and <= 50: %s)\n",
        qint64(runs.size()), worstFirst, firstOk ? "ok" : "MISSED", worstPaint, worstStall,
        stallOk ? "ok" : "MISSED", releaseRequests, releaseOk ? "ok" : "MISSED", releaseMs,
        releaseStall, releaseTimeOk ? "ok" : "MISSED");
    return 0; // a benchmark measures, it does not gate: MISSED above is the signal
}
