#pragma once

// The archive page on a session connected to its own in-process simulator, for the GUI tests.

#include "core/archive/timeframe.h"
#include "tests/support/csvparse.h"
#include "tests/support/guitestsupport.h"
#include "ui/archive/archivedetailpane.h"
#include "ui/archive/archiveexportcontroller.h"
#include "ui/archive/archiveresultsfilter.h"
#include "ui/archive/archiveresultsmodel.h"
#include "ui/archive/archiveresultspanel.h"
#include "ui/archive/archivesearchpage.h"
#include "ui/archive/resultstableactions.h"
#include "ui/archive/xmlpreviewdialog.h"
#include "ui/shell/session.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTreeWidget>

namespace mcdesk::testing {

using namespace Qt::StringLiterals;

inline const QString kSearchPath = u"/api/archive/search"_s;

// A page on a session connected to its own simulator, with the clock pinned so the rolling
// time frames resolve to known instants; both models are checked by QAbstractItemModelTester.
struct Rig
{
    GuiEnvironment env;
    std::unique_ptr<sim::SimulatorHost> sim;
    ui::Session session;
    ui::ArchiveSearchPage page;
    QDateTime now;
    QAbstractItemModelTester modelTester;
    QAbstractItemModelTester filterTester;

    explicit Rig(int archiveCount = 400)
        : sim(start(archiveCount))
        , session(env.auditPath())
        , page(&session)
        , now(QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC))
        , modelTester(page.results()->model(),
                      QAbstractItemModelTester::FailureReportingMode::QtTest)
        , filterTester(page.results()->filterModel(),
                       QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        page.setClock([n = now] { return n; });
        page.resize(1400, 860);
    }

    static std::unique_ptr<sim::SimulatorHost> start(int archiveCount)
    {
        sim::SimConfig config;
        config.heldCount = 20;
        config.archiveCount = archiveCount;
        auto host = std::make_unique<sim::SimulatorHost>(config);
        if (!host->start())
            qFatal("simulator did not start");
        return host;
    }

    bool connect()
    {
        return session.connectTo(u"Sim"_s, sim->baseUrl(), sim::demoCredentials(), {}).isEmpty();
    }

    QList<QJsonObject> searchBodies() const
    {
        QList<QJsonObject> out;
        for (const sim::RecordedRequest &r : sim->requests())
            if (r.path == kSearchPath)
                out << QJsonDocument::fromJson(r.body).object();
        return out;
    }

    template<typename T> T *find(const QString &name) { return child<T>(&page, name); }

    void setFrame(archive::TimeFrame frame)
    {
        auto *combo = find<QComboBox>(u"timeFrame"_s);
        combo->setCurrentIndex(combo->findText(archive::timeFrameLabel(frame)));
    }

    bool runAndWait(QPushButton *button)
    {
        QSignalSpy finished(page.results(), &ui::ArchiveResultsPanel::searchFinished);
        QTest::mouseClick(button, Qt::LeftButton);
        return !finished.isEmpty() || finished.wait(20000);
    }
};

inline QString queryOf(const QJsonObject &body)
{
    return body.value(u"data"_s).toArray().first().toObject().value(u"query"_s).toString();
}

} // namespace mcdesk::testing
