#include "ui/common/uilogging.h"

Q_LOGGING_CATEGORY(lcUi, "mcdesk.ui")
Q_LOGGING_CATEGORY(lcUiActivity, "mcdesk.ui.activity")
Q_LOGGING_CATEGORY(lcUiArchive, "mcdesk.ui.archive")
Q_LOGGING_CATEGORY(lcUiHeld, "mcdesk.ui.held")
Q_LOGGING_CATEGORY(lcUiSenders, "mcdesk.ui.senders")
