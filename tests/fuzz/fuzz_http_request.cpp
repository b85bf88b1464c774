// The simulator's HTTP/1.1 request parser, driven as HttpConnection::processBuffer() drives
// it: requests are taken off the front of what the connection received until one is
// incomplete or refused; each complete one then meets what SimService does first (a token
// request, or the credentials check).
#include "core/simulator/auth.h"
#include "core/simulator/httprequestparser.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QTimeZone>

using namespace mcdesk;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray buffer = fuzz::bytes(data, size);
    sim::Authenticator auth(1800);
    // The seeds' x-mc-date, so their signatures are checked, not refused as too old.
    const QDateTime now(QDate(2026, 12, 3), QTime(10, 35), QTimeZone::utc());
    for (;;) {
        const QByteArray before = buffer;
        sim::HttpRequest request;
        sim::HttpReply error;
        const sim::HttpParse result = sim::parseHttpRequest(&buffer, &request, &error);
        if (result == sim::HttpParse::Incomplete) {
            if (buffer != before)
                fuzz::fail("an incomplete request changed the buffer");
            return 0;
        }
        if (result == sim::HttpParse::Error) {
            if (error.status < 400 || error.body.isEmpty())
                fuzz::fail("a refused request has no error reply");
            return 0;
        }
        // Otherwise the connection would parse the same bytes forever.
        if (buffer.size() >= before.size())
            fuzz::fail("a complete request consumed no bytes");
        if (request.path == u"/oauth/token"_s)
            (void)auth.issueToken(request, now);
        else
            (void)auth.check(request, now);
    }
}
