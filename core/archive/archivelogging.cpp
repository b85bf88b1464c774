#include "core/archive/archivelogging.h"

namespace mcdesk::archive {
Q_LOGGING_CATEGORY(lcArchive, "mcdesk.archive")
} // namespace mcdesk::archive
