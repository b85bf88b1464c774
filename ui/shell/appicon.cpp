#include "ui/shell/appicon.h"

#include <QString>

using namespace Qt::StringLiterals;

// Q_INIT_RESOURCE must be used outside any namespace. A static library's resources are only
// linked in when something refers to them, which this does.
static void initMcdeskResources()
{
    Q_INIT_RESOURCE(mcdesk);
}

namespace mcdesk::ui {

void ensureResources()
{
    static const bool done = [] {
        initMcdeskResources();
        return true;
    }();
    Q_UNUSED(done);
}

QIcon appIcon()
{
    ensureResources();
    return QIcon(u":/icons/mcdesk.svg"_s);
}

} // namespace mcdesk::ui
