#pragma once

#include "core/simulator/httpmessage.h"

#include <QObject>

class QTcpSocket;

namespace mcdesk::sim {

// One client connection: parses requests one at a time (a delayed reply holds back the next
// request on this connection only), answers in order, honours keep-alive.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, HttpHandler handler, QObject *parent = nullptr);

private:
    void onReadyRead();
    void processBuffer();
    void dispatch(const HttpRequest &request);
    void finish(const HttpReply &reply, bool keepAlive);
    void write(const HttpReply &reply, bool keepAlive);

    QTcpSocket *m_socket;
    HttpHandler m_handler;
    QByteArray m_buffer;
    bool m_busy = false;    // a reply is pending (latency), later requests wait
    bool m_holding = false; // NoResponse: read and discard, never answer
    bool m_closing = false;
};

} // namespace mcdesk::sim
