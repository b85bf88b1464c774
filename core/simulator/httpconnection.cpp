#include "core/simulator/httpconnection.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

namespace {
constexpr int kMaxHeaderBytes = 64 * 1024;
constexpr qint64 kMaxBodyBytes = 64 * 1024 * 1024;

HttpReply protocolError(int status, const QByteArray &message)
{
    HttpReply reply;
    reply.status = status;
    reply.body = R"({"meta":{"status":)"_ba + QByteArray::number(status) +
                 R"(},"data":[],"fail":[{"errors":[{"code":"err_http_protocol","message":")"_ba +
                 message + R"(","retryable":false}]}]})"_ba;
    return reply;
}

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
        const Parse result = parseRequest(&request, &error);
        if (result == Parse::Incomplete)
            return;
        if (result == Parse::Error) {
            m_buffer.clear();
            write(error, false);
            return;
        }
        dispatch(request);
    }
}

HttpConnection::Parse HttpConnection::parseRequest(HttpRequest *request, HttpReply *error)
{
    const int headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (m_buffer.size() > kMaxHeaderBytes) {
            *error = protocolError(431, "Request headers too large"_ba);
            return Parse::Error;
        }
        return Parse::Incomplete;
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine[1].isEmpty()) {
        *error = protocolError(400, "Malformed request line"_ba);
        return Parse::Error;
    }
    if (!requestLine[2].startsWith("HTTP/1.")) {
        *error = protocolError(505, "Only HTTP/1.x is supported"_ba);
        return Parse::Error;
    }
    request->method = requestLine[0];
    request->version = requestLine[2];
    const QByteArray target = requestLine[1];
    const int query = target.indexOf('?');
    request->path = QString::fromUtf8(query < 0 ? target : target.left(query));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const int colon = line.indexOf(':');
        if (colon <= 0) {
            *error = protocolError(400, "Malformed header line"_ba);
            return Parse::Error;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        QByteArray &slot = request->headers[name];
        slot = slot.isEmpty() ? value : slot + ", "_ba + value;
    }
    if (request->headers.contains("transfer-encoding"_ba)) {
        *error = protocolError(501, "Chunked bodies are not supported; send Content-Length"_ba);
        return Parse::Error;
    }
    qint64 length = 0;
    if (request->headers.contains("content-length"_ba)) {
        bool ok = false;
        length = request->headers.value("content-length"_ba).toLongLong(&ok);
        if (!ok || length < 0) {
            *error = protocolError(400, "Invalid Content-Length"_ba);
            return Parse::Error;
        }
        if (length > kMaxBodyBytes) {
            *error = protocolError(413, "Request body too large"_ba);
            return Parse::Error;
        }
    }
    const qint64 total = headerEnd + 4 + length;
    if (m_buffer.size() < total)
        return Parse::Incomplete;
    request->body = m_buffer.mid(headerEnd + 4, length);
    m_buffer.remove(0, total);
    return Parse::Complete;
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
