#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

#include <functional>

namespace mcdesk::sim {

struct HttpRequest
{
    QByteArray method;
    QString path; // without the query string, exactly as sent (signatures are over it)
    QByteArray version;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

struct HttpReply
{
    // Send answers; Drop sends the headers and half the body, then closes; Hold reads and never
    // answers.
    enum class Action { Send, Drop, Hold };
    Action action = Action::Send;
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0;

    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    }
};

using HttpHandler = std::function<HttpReply(const HttpRequest &)>;

QByteArray httpReasonPhrase(int status);

} // namespace mcdesk::sim
