#include "core/jobs/crashpoint.h"

#include <QByteArray>
#include <QHash>

#include <csignal>
#include <cstdlib>

namespace mcdesk::jobs {

void crashPoint(const char *name)
{
    static const QByteArray spec = qgetenv("MCDESK_TEST_CRASH_AT");
    if (spec.isEmpty())
        return;
    static QHash<QByteArray, int> hits;
    const int colon = spec.lastIndexOf(':');
    const QByteArray point = colon < 0 ? spec : spec.left(colon);
    const int wanted = colon < 0 ? 1 : spec.mid(colon + 1).toInt();
    if (point != name)
        return;
    if (++hits[point] == wanted)
        std::raise(SIGKILL);
}

} // namespace mcdesk::jobs
