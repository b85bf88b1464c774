# The sender lists page (issue 5): managed senders (form, bulk import, history from the audit
# log) and blocked-sender policies. Included from ui/CMakeLists.txt; paths relative to ui/.
target_sources(mcdesk_ui PRIVATE
    senders/importpreviewmodel.h senders/importpreviewmodel.cpp
    senders/senderhistorymodel.h senders/senderhistorymodel.cpp
    senders/blockedpolicymodel.h senders/blockedpolicymodel.cpp
    senders/senderform.h senders/senderform.cpp
    senders/senderimportpanel.h senders/senderimportpanel.cpp
    senders/blockedsenderpolicydialog.h senders/blockedsenderpolicydialog.cpp
    senders/blockedpolicypanel.h senders/blockedpolicypanel.cpp
    senders/senderlistspage.h senders/senderlistspage.cpp)
