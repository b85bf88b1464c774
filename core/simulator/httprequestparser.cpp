#include "core/simulator/httprequestparser.h"

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
} // namespace

HttpParse parseHttpRequest(QByteArray *buffer, HttpRequest *request, HttpReply *error)
{
    const int headerEnd = buffer->indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer->size() > kMaxHeaderBytes) {
            *error = protocolError(431, "Request headers too large"_ba);
            return HttpParse::Error;
        }
        return HttpParse::Incomplete;
    }
    const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine[1].isEmpty()) {
        *error = protocolError(400, "Malformed request line"_ba);
        return HttpParse::Error;
    }
    if (!requestLine[2].startsWith("HTTP/1.")) {
        *error = protocolError(505, "Only HTTP/1.x is supported"_ba);
        return HttpParse::Error;
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
            return HttpParse::Error;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        QByteArray &slot = request->headers[name];
        slot = slot.isEmpty() ? value : slot + ", "_ba + value;
    }
    if (request->headers.contains("transfer-encoding"_ba)) {
        *error = protocolError(501, "Chunked bodies are not supported; send Content-Length"_ba);
        return HttpParse::Error;
    }
    qint64 length = 0;
    if (request->headers.contains("content-length"_ba)) {
        bool ok = false;
        length = request->headers.value("content-length"_ba).toLongLong(&ok);
        if (!ok || length < 0) {
            *error = protocolError(400, "Invalid Content-Length"_ba);
            return HttpParse::Error;
        }
        if (length > kMaxBodyBytes) {
            *error = protocolError(413, "Request body too large"_ba);
            return HttpParse::Error;
        }
    }
    const qint64 total = headerEnd + 4 + length;
    if (buffer->size() < total)
        return HttpParse::Incomplete;
    request->body = buffer->mid(headerEnd + 4, length);
    buffer->remove(0, total);
    return HttpParse::Complete;
}

} // namespace mcdesk::sim
