#pragma once

#include <QString>

namespace mcdesk::ui {

// Tooltips and item tooltips are shown as rich text whenever Qt guesses the text looks like
// HTML. Text that quotes untrusted data (server messages, subjects, names, paths) goes through
// this first, so it is always shown literally.
QString plainToolTip(const QString &text);

} // namespace mcdesk::ui
