#include "core/simulator/httpconnection.h"

#include "core/simulator/httprequestparser.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
QByteArray rfc1123Now()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
        .toUtf8();
}
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, HttpHandler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(std::move(handler))
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

void HttpConnection::onReadyRead()
{
    const QByteArray chunk = m_socket->readAll();
    if (m_holding || m_closing)
        return; // a held connection swallows everything the client sends
    m_buffer += chunk;
    processBuffer();
}

void HttpConnection::processBuffer()
{
    while (!m_busy && !m_holding && !m_closing) {
        HttpRequest request;
        HttpReply error;
        const HttpParse result = parseHttpRequest(&m_buffer, &request, &error);
        if (result == HttpParse::Incomplete)
            return;
        if (result == HttpParse::Error) {
            m_buffer.clear();
            write(error, false);
            return;
        }
        dispatch(request);
    }
}

void HttpConnection::dispatch(const HttpRequest &request)
{
    const QByteArray connection = request.header("connection"_ba).toLower();
    const bool keepAlive = request.version == "HTTP/1.0"_ba ? connection.contains("keep-alive")
                                                            : !connection.contains("close");
    const HttpReply reply = m_handler(request);
    if (reply.action == HttpReply::Action::Hold) {
        m_holding = true; // the socket stays open until the client gives up
        m_buffer.clear();
        return;
    }
    if (reply.delayMs <= 0) {
        finish(reply, keepAlive);
        return;
    }
    m_busy = true;
    QTimer::singleShot(reply.delayMs, this, [this, reply, keepAlive] {
        m_busy = false;
        finish(reply, keepAlive);
        processBuffer();
    });
}

void HttpConnection::finish(const HttpReply &reply, bool keepAlive)
{
    write(reply, keepAlive);
}

void HttpConnection::write(const HttpReply &reply, bool keepAlive)
{
    QByteArray out = "HTTP/1.1 "_ba + QByteArray::number(reply.status) + ' ' +
                     httpReasonPhrase(reply.status) + "\r\n"_ba;
    out += "Date: "_ba + rfc1123Now() + "\r\n"_ba;
    out += "Server: mcdesk-sim\r\n"_ba;
    out += "Content-Type: "_ba + reply.contentType + "\r\n"_ba;
    out += "Content-Length: "_ba + QByteArray::number(reply.body.size()) + "\r\n"_ba;
    out += keepAlive ? "Connection: keep-alive\r\n"_ba : "Connection: close\r\n"_ba;
    for (const auto &header : reply.headers)
        out += header.first + ": "_ba + header.second + "\r\n"_ba;
    if (!reply.hasHeader("X-RateLimit-Limit"_ba)) {
        // Protocol errors never reach the service, but every reply carries the headers.
        out += "X-RateLimit-Limit: 10000\r\nX-RateLimit-Remaining: 10000\r\n"
               "X-RateLimit-Reset: 60000\r\n"_ba;
    }
    out += "\r\n"_ba;
    if (reply.action == HttpReply::Action::Drop) {
        // Mid-reply: headers promise a body that never completes. A drop before any byte
        // would be invisible to Qt clients, which silently resend the request.
        m_closing = true;
        m_socket->write(out + reply.body.left(reply.body.size() / 2));
        m_socket->disconnectFromHost();
        return;
    }
    out += reply.body;
    m_socket->write(out);
    if (!keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost();
    }
}

} // namespace mcdesk::sim
