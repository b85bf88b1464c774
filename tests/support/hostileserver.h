#pragma once

// A loopback HTTP server that misbehaves on purpose, on a thread of its own so a test can
// drive mcdesk-cli (or an in-process client) against it. It counts every request it reads and
// the x-mc-req-id of each, so a test can prove a write reached it at most once.

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <functional>

namespace mcdesk::testing {

class HostileServer
{
public:
    enum class Mode {
        Canned,         // status, headers and body as set
        Silent,         // reads the request, never answers
        ResetAfterRead, // reads the request, then resets the connection without a word
        ResetMidBody,   // promises 1000 bytes, sends 10, resets
        ShortBody,      // promises 1000 bytes, sends 10, closes cleanly
        Drip,           // headers at once, then one body byte every 200 ms
        Stream,         // a body of streamBytes, as fast as the client reads it
        HeaderFlood,    // a status line, then header lines without end
    };

    Mode mode = Mode::Canned;
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray extraHeaders; // "Name: value\r\n" lines
    QByteArray body;
    // For Canned: the body for the n-th request (0-based) when set; otherwise `body`.
    std::function<QByteArray(int)> bodyFor;
    qint64 streamBytes = 0;
    bool streamDeclaresLength = true;

    HostileServer() = default;
    ~HostileServer() { stop(); }

    // Starts listening on its thread; returns the base URL.
    QUrl start()
    {
        m_thread.start();
        m_server = new QTcpServer;
        m_server->moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            m_server, [this] { listen(); }, Qt::BlockingQueuedConnection);
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
    }

    void stop()
    {
        if (!m_thread.isRunning())
            return;
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    int requests() const { return m_requests.load(); }
    QStringList requestIds() const
    {
        QMutexLocker lock(&m_mutex);
        return m_ids;
    }
    qint64 bytesSent() const { return m_sent.load(); }

private:
    void listen()
    {
        m_server->listen(QHostAddress::LocalHost);
        m_port = m_server->serverPort();
        QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                socket->setParent(m_server);
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket] { onRead(socket); });
            }
        });
    }

    void onRead(QTcpSocket *socket)
    {
        QByteArray &in = m_buffers[socket];
        in += socket->readAll();
        for (;;) {
            const qsizetype end = in.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = in.left(end).toLower();
            const qsizetype at = head.indexOf("content-length:");
            const qsizetype length =
                at < 0
                    ? 0
                    : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
            if (in.size() < end + 4 + length)
                return;
            const qsizetype idAt = head.indexOf("x-mc-req-id:");
            {
                QMutexLocker lock(&m_mutex);
                if (idAt >= 0)
                    m_ids.append(QString::fromLatin1(
                        head.mid(idAt + 12, head.indexOf("\r\n", idAt) - idAt - 12).trimmed()));
            }
            in.remove(0, end + 4 + length);
            answer(socket, m_requests.fetch_add(1));
        }
    }

    void send(QTcpSocket *socket, const QByteArray &bytes)
    {
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (const qint64 n = socket->write(bytes); n > 0)
            m_sent += n;
    }

    QByteArray head(qint64 length) const
    {
        QByteArray h = "HTTP/1.1 " + QByteArray::number(status) +
                       " X\r\nContent-Type: " + contentType + "\r\n";
        if (length >= 0)
            h += "Content-Length: " + QByteArray::number(length) + "\r\n";
        return h + extraHeaders + "\r\n";
    }

    void answer(QTcpSocket *socket, int index)
    {
        switch (mode) {
        case Mode::Canned: {
            const QByteArray b = bodyFor ? bodyFor(index) : body;
            send(socket, head(b.size()) + b);
            return;
        }
        case Mode::Silent:
            return;
        case Mode::ResetAfterRead:
            socket->abort();
            return;
        case Mode::ResetMidBody:
            send(socket, head(1000) + QByteArray(10, '{'));
            socket->flush();
            socket->abort();
            return;
        case Mode::ShortBody:
            send(socket, head(1000) + QByteArray(10, '{'));
            socket->disconnectFromHost();
            return;
        case Mode::Drip: {
            send(socket, head(100000));
            auto *timer = new QTimer(socket);
            QObject::connect(timer, &QTimer::timeout, socket,
                             [this, socket] { send(socket, " "); });
            timer->start(200);
            return;
        }
        case Mode::Stream: {
            send(socket, head(streamDeclaresLength ? streamBytes : -1));
            auto left = std::make_shared<qint64>(streamBytes);
            auto more = [this, socket, left] {
                // Keep about 1 MB queued: fast, and bounded on the server's side too.
                while (*left > 0 && socket->state() == QAbstractSocket::ConnectedState &&
                       socket->bytesToWrite() < (1 << 20)) {
                    const qint64 n = qMin<qint64>(*left, 256 * 1024);
                    send(socket, QByteArray(int(n), ' '));
                    *left -= n;
                }
                if (*left == 0 && !streamDeclaresLength)
                    socket->disconnectFromHost();
            };
            QObject::connect(socket, &QTcpSocket::bytesWritten, socket, more);
            more();
            return;
        }
        case Mode::HeaderFlood: {
            send(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n");
            auto *timer = new QTimer(socket);
            QObject::connect(timer, &QTimer::timeout, socket, [this, socket] {
                if (socket->bytesToWrite() < (1 << 20))
                    send(socket, QByteArray("X-Flood: ")
                                     .append(QByteArray(1000, 'a'))
                                     .append("\r\n")
                                     .repeated(64));
            });
            timer->start(1);
            return;
        }
        }
    }

    QThread m_thread;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    std::atomic<int> m_requests{0};
    std::atomic<qint64> m_sent{0};
    mutable QMutex m_mutex;
    QStringList m_ids;
};

} // namespace mcdesk::testing
