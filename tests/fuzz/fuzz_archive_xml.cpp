// The archive-query XML reader and the well-formedness checks, fed what an analyst pastes into
// the advanced editor or the CLI reads from --xml-query-file (UTF-8).
#include "core/archive/archivequeryxml.h"
#include "tests/fuzz/fuzzsupport.h"

using namespace mcdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString xml = QString::fromUtf8(fuzz::bytes(data, size));
    const archive::ParseResult parsed = archive::fromXml(xml);
    (void)parsed.error.toString();
    (void)archive::checkWellFormed(xml).toString();
    (void)archive::checkFragment(xml).toString();
    if (!parsed.ok())
        return 0;
    // The editor shows and sends what the writer makes of a query it read, so the writer's
    // output must read back, and must not change again when written a second time.
    const QString compact = archive::toXml(parsed.query);
    (void)archive::toXml(parsed.query, true);
    const archive::ParseResult again = archive::fromXml(compact);
    if (!again.ok())
        fuzz::fail("fromXml() refuses what toXml() wrote", compact, again.error.toString());
    if (const QString rewritten = archive::toXml(again.query); rewritten != compact)
        fuzz::fail("toXml(fromXml(toXml(q))) differs from toXml(q)", compact, rewritten);
    return 0;
}
