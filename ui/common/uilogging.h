#pragma once

#include <QLoggingCategory>

// One category per part, so `QT_LOGGING_RULES="mcdesk.ui.held.debug=true"` narrows a trace to
// the page being debugged; "mcdesk.ui.*" switches them all.
Q_DECLARE_LOGGING_CATEGORY(lcUi)         // the shell and shared widgets
Q_DECLARE_LOGGING_CATEGORY(lcUiActivity) // the Activity page
Q_DECLARE_LOGGING_CATEGORY(lcUiArchive)  // archive search and export
Q_DECLARE_LOGGING_CATEGORY(lcUiHeld)     // the held queue
Q_DECLARE_LOGGING_CATEGORY(lcUiSenders)  // sender lists and policies
