#pragma once

#include "core/simulator/httpmessage.h"

#include <QObject>

class QTcpServer;

namespace mcdesk::sim {

// A small HTTP/1.1 server (keep-alive, Content-Length bodies) on 127.0.0.1 only. Built on
// QTcpServer rather than QHttpServer because faults need the raw socket: drop mid-reply,
// never answer, delay one connection without blocking the others.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    explicit HttpServer(HttpHandler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(quint16 port, QString *error);
    quint16 port() const;

private:
    void onNewConnection();

    QTcpServer *m_server = nullptr;
    HttpHandler m_handler;
};

} // namespace mcdesk::sim
