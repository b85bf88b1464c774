#pragma once

#include <QLoggingCategory>

namespace mcdesk::archive {
Q_DECLARE_LOGGING_CATEGORY(lcArchive)
} // namespace mcdesk::archive
