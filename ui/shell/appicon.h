#pragma once

#include <QIcon>

namespace mcdesk::ui {

// The application icon from the embedded resources (resources/icons/mcdesk.svg). Also makes
// sure the resources of this static library are registered.
QIcon appIcon();
void ensureResources();

} // namespace mcdesk::ui
