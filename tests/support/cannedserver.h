#pragma once

// A loopback HTTP server that answers every request with one canned reply, for mapping tests
// that need exact status codes and bodies the simulator would never produce.

#include <QByteArray>
#include <QTcpServer>
#include <QTcpSocket>

namespace mcdesk::testing {

class CannedServer : public QTcpServer
{
public:
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QByteArray extraHeaders;
    int requests = 0;

    CannedServer()
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_buffer[socket] += socket->readAll();
                    const QByteArray &in = m_buffer[socket];
                    const qsizetype end = in.indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const qsizetype lengthAt = in.toLower().indexOf("content-length:");
                    const int length =
                        lengthAt < 0
                            ? 0
                            : in.mid(lengthAt + 15, in.indexOf("\r\n", lengthAt) - lengthAt - 15)
                                  .trimmed()
                                  .toInt();
                    if (in.size() < end + 4 + length)
                        return;
                    m_buffer.remove(socket);
                    ++requests;
                    QByteArray reply = "HTTP/1.1 " + QByteArray::number(status) +
                                       " X\r\nContent-Type: " + contentType +
                                       "\r\nContent-Length: " + QByteArray::number(body.size()) +
                                       "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
                    socket->write(reply);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }

private:
    QHash<QTcpSocket *, QByteArray> m_buffer;
};

} // namespace mcdesk::testing
