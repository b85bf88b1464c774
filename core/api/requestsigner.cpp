#include "core/api/requestsigner.h"

#include <QMessageAuthenticationCode>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace mcdesk::api::RequestSigner {

namespace {
const QStringList kDays = {u"Mon"_s, u"Tue"_s, u"Wed"_s, u"Thu"_s, u"Fri"_s, u"Sat"_s, u"Sun"_s};
const QStringList kMonths = {u"Jan"_s, u"Feb"_s, u"Mar"_s, u"Apr"_s, u"May"_s, u"Jun"_s,
                             u"Jul"_s, u"Aug"_s, u"Sep"_s, u"Oct"_s, u"Nov"_s, u"Dec"_s};
} // namespace

QString httpDate(const QDateTime &when)
{
    // Built by hand: QLocale-free, so a German or Japanese desktop still signs valid headers.
    const QDateTime utc = when.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    return u"%1, %2 %3 %4 %5 UTC"_s.arg(kDays.at(d.dayOfWeek() - 1))
        .arg(d.day(), 2, 10, QLatin1Char('0'))
        .arg(kMonths.at(d.month() - 1))
        .arg(d.year(), 4, 10, QLatin1Char('0'))
        .arg(t.toString(u"HH:mm:ss"_s));
}

QDateTime parseHttpDate(const QString &text)
{
    const QStringList parts = text.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() != 6 || (parts[5] != u"UTC"_s && parts[5] != u"GMT"_s))
        return {};
    const int month = kMonths.indexOf(parts[2]) + 1;
    bool dayOk = false, yearOk = false;
    const int day = parts[1].toInt(&dayOk);
    const int year = parts[3].toInt(&yearOk);
    const QTime time = QTime::fromString(parts[4], u"HH:mm:ss"_s);
    const QDate date(year, month, day);
    if (!dayOk || !yearOk || month == 0 || !date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

QByteArray signature(const QByteArray &secretKeyBase64, const QString &date, const QString &reqId,
                     const QString &path, const QString &appKey)
{
    const QByteArray key = QByteArray::fromBase64(secretKeyBase64);
    const QString dataToSign = date + u':' + reqId + u':' + path + u':' + appKey;
    return QMessageAuthenticationCode::hash(dataToSign.toUtf8(), key, QCryptographicHash::Sha1)
        .toBase64();
}

} // namespace mcdesk::api::RequestSigner
