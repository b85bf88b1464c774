# The Activity page: the audit log and the network log, with their models and filter bar.
target_sources(mcdesk_ui PRIVATE
    activity/activitypage.h activity/activitypage.cpp
    activity/activityfilterbar.h activity/activityfilterbar.cpp
    activity/auditmodel.h activity/auditmodel.cpp
    activity/auditfiltermodel.h activity/auditfiltermodel.cpp
    activity/networklogmodel.h activity/networklogmodel.cpp)
