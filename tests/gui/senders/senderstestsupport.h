#pragma once

// Shared by the sender lists page's tests: a session connected to an in-process simulator, the
// page shown offscreen, the simulator's request bodies, and optional screenshots.

#include "tests/support/guitestsupport.h"
#include "ui/senders/senderlistspage.h"
#include "ui/shell/session.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWidget>

namespace mcdesk::testing {

struct SenderPageFixture
{
    GuiEnvironment env;
    std::unique_ptr<sim::SimulatorHost> sim = startSimulator();
    ui::Session session{env.auditPath()};
    std::unique_ptr<ui::SenderListsPage> page;

    // Connects, builds and shows the page, and waits for the policies. False on a problem.
    bool start()
    {
        if (!session.connectTo(QStringLiteral("Sim"), sim->baseUrl(), sim::demoCredentials(), {})
                 .isEmpty())
            return false;
        page = std::make_unique<ui::SenderListsPage>(&session);
        page->resize(1280, 820);
        page->show();
        return QTest::qWaitFor([this] { return page->isLoaded(); }, 10000);
    }

    // The data[] of every request the simulator received at `path`, in order.
    QList<QJsonArray> bodies(const QString &path) const
    {
        QList<QJsonArray> out;
        for (const sim::RecordedRequest &r : sim->requests())
            if (r.path == path)
                out.append(QJsonDocument::fromJson(r.body)
                               .object()
                               .value(QStringLiteral("data"))
                               .toArray());
        return out;
    }
};

inline const QString kPermitOrBlockPath =
    QStringLiteral("/api/managedsender/permit-or-block-sender");
inline const QString kCreatePolicyPath = QStringLiteral("/api/policy/blockedsenders/create-policy");
inline const QString kDeletePolicyPath = QStringLiteral("/api/policy/blockedsenders/delete-policy");

} // namespace mcdesk::testing
