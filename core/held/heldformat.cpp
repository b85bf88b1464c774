#include "core/held/heldformat.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace mcdesk::heldformat {

QString address(const held::Address &a)
{
    if (a.name.isEmpty() || a.name == a.email)
        return a.email;
    if (a.email.isEmpty())
        return a.name;
    return a.name + u" <"_s + a.email + u'>';
}

QString localTime(const QDateTime &when)
{
    return when.isValid() ? when.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

QString utcTime(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s : QString();
}

QString size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString plural(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(QLocale().toString(n));
}

} // namespace mcdesk::heldformat
