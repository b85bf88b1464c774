#include "core/simulator/simulatorhost.h"

#include "core/simulator/httpserver.h"
#include "core/simulator/simservice.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

struct SimulatorHost::Private
{
    SimService service;
    QThread *thread = nullptr;
    HttpServer *server = nullptr; // lives on thread

    explicit Private(const SimConfig &config)
        : service(config)
    {}
};

SimulatorHost::SimulatorHost(SimConfig config)
    : d(std::make_unique<Private>(config))
{}

SimulatorHost::~SimulatorHost()
{
    if (!d->thread)
        return;
    // The server and its sockets belong to the thread: delete them there, then stop it.
    HttpServer *server = d->server;
    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    d->thread->quit();
    d->thread->wait();
    delete d->thread;
}

bool SimulatorHost::start(quint16 port, QString *error)
{
    if (d->thread) {
        if (error)
            *error = u"the simulator is already running"_s;
        return false;
    }
    auto *thread = new QThread;
    thread->setObjectName(u"mcdesk-sim"_s);
    SimService *service = &d->service;
    auto *server = new HttpServer([service](const HttpRequest &r) { return service->handle(r); });
    server->moveToThread(thread);
    thread->start();
    bool listening = false;
    QString message;
    QMetaObject::invokeMethod(
        server, [&] { listening = server->listen(port, &message); }, Qt::BlockingQueuedConnection);
    if (!listening) {
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        thread->quit();
        thread->wait();
        delete thread;
        if (error)
            *error = message;
        return false;
    }
    d->thread = thread;
    d->server = server;
    quint16 bound = 0;
    QMetaObject::invokeMethod(
        server, [&] { bound = server->port(); }, Qt::BlockingQueuedConnection);
    d->service.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(bound)));
    // Generate the data on the server thread: start() returns as soon as the port is open.
    QMetaObject::invokeMethod(
        server, [service] { service->prepare(); }, Qt::QueuedConnection);
    return true;
}

QUrl SimulatorHost::baseUrl() const
{
    return d->service.baseUrl();
}

void SimulatorHost::addFault(const FaultRule &rule)
{
    d->service.addFault(rule);
}

void SimulatorHost::clearFaults()
{
    d->service.clearFaults();
}

void SimulatorHost::setLatency(int ms)
{
    d->service.setLatency(ms);
}

void SimulatorHost::revokeTokens()
{
    d->service.revokeTokens();
}

QList<RecordedRequest> SimulatorHost::requests() const
{
    return d->service.requests();
}

void SimulatorHost::clearRequests()
{
    d->service.clearRequests();
}

int SimulatorHost::requestCount(const QString &path) const
{
    return d->service.requestCount(path);
}

int SimulatorHost::heldCount() const
{
    return d->service.heldCount();
}

bool SimulatorHost::isHeld(const QString &id) const
{
    return d->service.isHeld(id);
}

int SimulatorHost::heldWrites(const QString &id) const
{
    return d->service.heldWrites(id);
}

QStringList SimulatorHost::heldIds(int max) const
{
    return d->service.heldIds(max);
}

QString SimulatorHost::firstArchiveId() const
{
    return d->service.firstArchiveId();
}

QStringList SimulatorHost::campaignMessageIds(int max) const
{
    return d->service.campaignMessageIds(max);
}

} // namespace mcdesk::sim
