// Date and time-frame parsing: the ISO 8601 fields and the Time Frame of the archive search
// (form and CLI), Mimecast's reply dates, and the HTTP date of x-mc-date and the Date header.
#include "core/api/requestsigner.h"
#include "core/archive/timeframe.h"
#include "core/held/heldmessage.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QTimeZone>

#include <cstdlib>
#include <ctime>

using namespace mcdesk;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // A zone with daylight-saving changes on every machine, so local times that do not exist
    // (a skipped hour) are reached, not only in CI runners that happen to be set up that way.
    setenv("TZ", "Europe/Berlin", 1);
    tzset();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytes(data, size);
    const QString text = QString::fromUtf8(bytes);

    QString why;
    const QDateTime iso = archive::parseIsoDateTime(text, &why);
    if (!iso.isValid() && why.isEmpty())
        fuzz::fail("parseIsoDateTime() refused a text without saying why");
    (void)archive::parseIsoDateTime(text);
    QString frameError;
    const std::optional<archive::TimeFrame> frame = archive::parseTimeFrame(text, &frameError);
    if (!frame && frameError.isEmpty())
        fuzz::fail("parseTimeFrame() refused a text without saying why");
    // A custom range as the search form sends it: the start, and the end after a newline.
    const QDateTime now(QDate(2026, 3, 29), QTime(10, 0), QTimeZone::utc());
    const qsizetype newline = text.indexOf(u'\n');
    const QString start = newline < 0 ? text : text.left(newline);
    const QString end = newline < 0 ? QString() : text.mid(newline + 1);
    const archive::TimeRange range =
        archive::resolveTimeRange(frame.value_or(archive::TimeFrame::Custom), start, end, now);
    if (range.ok() && !(range.startUtc < range.endUtc))
        fuzz::fail("resolveTimeRange() accepted a range that does not move forward");
    if (range.ok())
        (void)archive::formatUtc(range.startUtc);

    const QDateTime mimecast = held::parseMimecastDate(text);
    // A policy date read from Mimecast is written back with formatMimecastDate() when the
    // policy is created again: what it writes must read back as the same second.
    if (mimecast.isValid() && mimecast.date().year() >= 1 && mimecast.date().year() <= 9999) {
        const QString written = held::formatMimecastDate(mimecast);
        const QString again = held::formatMimecastDate(held::parseMimecastDate(written));
        if (again != written)
            fuzz::fail("parseMimecastDate() does not read back formatMimecastDate()", written,
                       again);
    }

    // The simulator reads x-mc-date as UTF-8; the client reads the Date header as Latin-1.
    (void)api::RequestSigner::parseHttpDate(text);
    (void)api::RequestSigner::parseHttpDate(QString::fromLatin1(bytes));
    return 0;
}
