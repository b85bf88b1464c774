#include "core/api/apierror.h"

using namespace Qt::StringLiterals;

namespace mcdesk::api {

ApiError::Kind ApiError::kindFromName(const QString &name)
{
    for (int k = int(Kind::None); k <= int(Kind::Local); ++k)
        if (ApiError{Kind(k), 0, {}, {}, false}.kindName() == name)
            return Kind(k);
    return Kind::None;
}

QString ApiError::kindName() const
{
    switch (kind) {
    case Kind::None:
        return u"none"_s;
    case Kind::InvalidInput:
        return u"invalid_input"_s;
    case Kind::Connection:
        return u"connection"_s;
    case Kind::Tls:
        return u"tls"_s;
    case Kind::Timeout:
        return u"timeout"_s;
    case Kind::Authentication:
        return u"authentication"_s;
    case Kind::BindingExpired:
        return u"binding_expired"_s;
    case Kind::Forbidden:
        return u"forbidden"_s;
    case Kind::RateLimited:
        return u"rate_limited"_s;
    case Kind::Server:
        return u"server"_s;
    case Kind::Http:
        return u"http"_s;
    case Kind::Malformed:
        return u"malformed_reply"_s;
    case Kind::Refused:
        return u"refused"_s;
    case Kind::Cancelled:
        return u"cancelled"_s;
    case Kind::Local:
        return u"local"_s;
    }
    return u"unknown"_s;
}

QString ApiError::describe() const
{
    if (!isError())
        return {};
    QString text = message;
    if (!code.isEmpty())
        text += u" ["_s + code + u']';
    if (outcomeUnknown)
        text += u" The outcome is unknown: refresh and check before trying again."_s;
    return text;
}

QList<ItemFailure> parseFailures(const QJsonArray &fail)
{
    QList<ItemFailure> out;
    for (const QJsonValue &entry : fail) {
        const QJsonObject obj = entry.toObject();
        ItemFailure f;
        f.key = obj.value(u"key"_s).toObject();
        const QJsonArray errors = obj.value(u"errors"_s).toArray();
        if (!errors.isEmpty()) {
            const QJsonObject e = errors.first().toObject();
            f.code = e.value(u"code"_s).toString();
            f.message = e.value(u"message"_s).toString();
            f.field = e.value(u"field"_s).toString();
            f.retryable = e.value(u"retryable"_s).toBool();
            for (qsizetype i = 1; i < errors.size(); ++i) {
                const QString more = errors.at(i).toObject().value(u"message"_s).toString();
                if (!more.isEmpty())
                    f.message += u"; "_s + more;
            }
        } else {
            // The OAuth token endpoint answers {"fail":[{"code","message"}]}.
            f.code = obj.value(u"code"_s).toString();
            f.message = obj.value(u"message"_s).toString();
        }
        out.append(f);
    }
    return out;
}

} // namespace mcdesk::api
