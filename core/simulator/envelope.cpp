#include "core/simulator/envelope.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace mcdesk::sim {

QJsonObject errorObject(const QString &code, const QString &message, const QString &field,
                        bool retryable)
{
    QJsonObject error{{u"code"_s, code}, {u"message"_s, message}, {u"retryable"_s, retryable}};
    if (!field.isEmpty())
        error.insert(u"field"_s, field);
    return error;
}

QJsonObject failItem(const QJsonValue &key, const QJsonObject &error)
{
    QJsonObject item{{u"errors"_s, QJsonArray{error}}};
    if (!key.isUndefined() && !key.isNull())
        item.insert(u"key"_s, key);
    return item;
}

HttpReply jsonReply(int httpStatus, const QJsonObject &body)
{
    HttpReply reply;
    reply.status = httpStatus;
    reply.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return reply;
}

HttpReply envelopeReply(int status, const QJsonArray &data, const QJsonArray &fail,
                        const QJsonObject &pagination)
{
    QJsonObject meta{{u"status"_s, status}};
    if (!pagination.isEmpty())
        meta.insert(u"pagination"_s, pagination);
    return jsonReply(status, {{u"meta"_s, meta}, {u"data"_s, data}, {u"fail"_s, fail}});
}

HttpReply errorReply(int status, const QString &code, const QString &message, const QString &field,
                     bool retryable)
{
    return envelopeReply(status, {}, {failItem({}, errorObject(code, message, field, retryable))});
}

QString encodePageToken(int offset, const QJsonObject &dataItem)
{
    const QJsonObject token{{u"o"_s, offset}, {u"d"_s, dataItem}};
    return QString::fromLatin1(
        QJsonDocument(token)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodePageToken(const QString &token, int *offset, QJsonObject *dataItem)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject object = doc.object();
    if (!object.value(u"o"_s).isDouble() || !object.value(u"d"_s).isObject())
        return false;
    *offset = object.value(u"o"_s).toInt(-1);
    *dataItem = object.value(u"d"_s).toObject();
    return *offset >= 0;
}

QString isoDate(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, QTimeZone::utc())
               .toString(u"yyyy-MM-dd'T'HH:mm:ss"_s) +
           u"+0000"_s;
}

std::optional<qint64> parseIsoDate(const QString &text)
{
    static const QRegularExpression re(
        uR"(^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$)"_s);
    const auto match = re.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(match.captured(1).left(10), u"yyyy-MM-dd"_s);
    const QTime time = QTime::fromString(match.captured(1).mid(11), u"HH:mm:ss"_s);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    int offsetSeconds = 0;
    const QString zone = match.captured(2);
    if (zone != u"Z"_s) {
        const QString digits = QString(zone).remove(u':');
        const int hours = digits.mid(1, 2).toInt();
        const int minutes = digits.mid(3, 2).toInt();
        if (hours > 14 || minutes > 59)
            return std::nullopt;
        offsetSeconds = (hours * 3600 + minutes * 60) * (zone.startsWith(u'-') ? -1 : 1);
    }
    const QDateTime when(date, time, QTimeZone(offsetSeconds));
    return when.toMSecsSinceEpoch();
}

bool isValidEmail(const QString &text)
{
    static const QRegularExpression re(
        uR"(^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$)"_s);
    return text.size() <= 254 && re.match(text).hasMatch() && !text.contains(u".."_s);
}

} // namespace mcdesk::sim
