#pragma once

#include <QColor>
#include <QPalette>

namespace mcdesk::ui::palette {

// The only colours the app chooses itself: a status green/red (and a warning amber) that stay
// readable on the current palette, light or dark. Everything else uses palette roles.
enum class Status { Good, Bad, Warning, Neutral };

bool isDark(const QPalette &palette);
QColor statusColor(Status status, const QPalette &palette);
// A soft background for a message bar: the window colour tinted towards the status colour.
QColor tintedBackground(Status status, const QPalette &palette);

// A dark palette for --color-scheme dark (and the tests): for desktops without a dark theme
// of their own, and for screenshots of the dark look on any machine.
QPalette dark();

} // namespace mcdesk::ui::palette
