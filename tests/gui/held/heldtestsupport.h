#pragma once

// Shared by the held queue's GUI tests: a simulator with a held queue of a chosen size, a
// Session connected to it, and the page shown and loaded.

#include "tests/support/guitestsupport.h"
#include "ui/activity/networklogmodel.h"
#include "ui/held/heldfiltermodel.h"
#include "ui/held/heldmessagemodel.h"
#include "ui/held/heldqueuepage.h"
#include "ui/shell/session.h"

#include <QDir>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>

#include <memory>

namespace mcdesk::testing {

// The held-queue write endpoints, as the simulator counts them.
inline const QString kHoldRelease = QStringLiteral("/api/gateway/hold-release");
inline const QString kHoldReject = QStringLiteral("/api/gateway/hold-reject");
inline const QString kReleaseToSandbox =
    QStringLiteral("/api/message-finder/release-held-email-to-sandbox");
inline const QString kPermitOrBlockSender =
    QStringLiteral("/api/managedsender/permit-or-block-sender");

struct HeldFixture
{
    explicit HeldFixture(int heldCount = 60, int latencyMs = 0)
    {
        sim::SimConfig config;
        config.heldCount = heldCount;
        config.archiveCount = 50;
        config.latencyMs = latencyMs;
        sim = std::make_unique<sim::SimulatorHost>(config);
        QString error;
        if (!sim->start(0, &error))
            qFatal("simulator did not start: %s", qPrintable(error));
        session = std::make_unique<ui::Session>(env.auditPath());
        page = std::make_unique<ui::HeldQueuePage>(session.get());
        page->resize(1400, 860);
    }

    // What the confirmations asked (title, newline, text), oldest first; the tests queue each
    // answer with ui::dialogs::setNextConfirm().
    static QStringList confirmations()
    {
        QStringList out;
        for (const ui::dialogs::Asked &a : ui::dialogs::asked(ui::dialogs::Kind::Confirm))
            out << a.title + u'\n' + a.text;
        return out;
    }

    // Connects, shows the page and waits for the first query to finish.
    bool connectAndLoad()
    {
        if (!session->connectTo(QStringLiteral("Sim"), sim->baseUrl(), sim::demoCredentials(), {})
                 .isEmpty())
            return false;
        page->show();
        return QTest::qWaitFor([&] { return page->isLoaded(); }, 30000); // slow under ASan
    }

    QTableView *table() const { return child<QTableView>(page.get(), QStringLiteral("heldTable")); }

    // Selects the first `count` rows as shown; returns their ids.
    QStringList selectFirst(int count) const
    {
        QTableView *view = table();
        view->clearSelection();
        QStringList ids;
        for (int row = 0; row < count; ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            view->selectionModel()->select(index,
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
            ids << index.data(ui::HeldMessageModel::IdRole).toString();
        }
        view->selectionModel()->setCurrentIndex(view->model()->index(0, 0),
                                                QItemSelectionModel::NoUpdate);
        view->setFocus();
        return ids;
    }

    // The JSON bodies the simulator received for `path`, oldest first.
    QList<QJsonObject> bodies(const QString &path) const
    {
        QList<QJsonObject> out;
        for (const sim::RecordedRequest &r : sim->requests())
            if (r.path == path)
                out << QJsonDocument::fromJson(r.body).object();
        return out;
    }

    // Requests to `path` the client has finished with (answered, failed or cancelled): one
    // network log line each.
    int logged(const QString &path) const
    {
        const ui::NetworkLogModel *log = session->networkLog();
        int n = 0;
        for (int row = 0; row < log->rowCount(); ++row)
            n += log->entry(row).path == path ? 1 : 0;
        return n;
    }

    // ids sent in hold-release bodies ({"data":[{"id":…}]}).
    QStringList releasedIds() const
    {
        QStringList ids;
        for (const QJsonObject &body : bodies(QStringLiteral("/api/gateway/hold-release")))
            for (const QJsonValue &item : body.value(QStringLiteral("data")).toArray())
                ids << item.toObject().value(QStringLiteral("id")).toString();
        return ids;
    }

    GuiEnvironment env;
    std::unique_ptr<sim::SimulatorHost> sim;
    std::unique_ptr<ui::Session> session;
    std::unique_ptr<ui::HeldQueuePage> page;
};

} // namespace mcdesk::testing
