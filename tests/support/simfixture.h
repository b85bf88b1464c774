#pragma once

// Shared by the integration tests: an in-process simulator on loopback and a client for it.

#include "core/api/apiclient.h"
#include "core/simulator/simulatorhost.h"

#include <QJsonDocument>
#include <QTest>

#include <memory>

namespace mcdesk::testing {

struct SimFixture
{
    std::unique_ptr<sim::SimulatorHost> sim;
    std::unique_ptr<api::ApiClient> client;

    explicit SimFixture(sim::SimConfig config = {},
                        api::Credentials credentials = sim::demoCredentials(),
                        api::ClientOptions options = fastOptions())
    {
        sim = std::make_unique<sim::SimulatorHost>(config);
        QString error;
        if (!sim->start(0, &error))
            qFatal("simulator did not start: %s", qPrintable(error));
        // Wait for the seeded data, so the first request's timing is not the generator's.
        sim->heldCount();
        client = std::make_unique<api::ApiClient>();
        const QString problem = client->configure(sim->baseUrl(), credentials, options);
        if (!problem.isEmpty())
            qFatal("client not configured: %s", qPrintable(problem));
    }

    // Short waits so fault tests stay quick; the logic is the same as in production.
    static api::ClientOptions fastOptions()
    {
        api::ClientOptions o;
        o.timeoutMs = 5000;
        o.backoffBaseMs = 5;
        return o;
    }

    // The JSON body of every request the simulator saw on `path`.
    QList<QJsonObject> bodies(const QString &path) const
    {
        QList<QJsonObject> out;
        for (const sim::RecordedRequest &r : sim->requests())
            if (r.path == path)
                out.append(QJsonDocument::fromJson(r.body).object());
        return out;
    }
};

} // namespace mcdesk::testing
