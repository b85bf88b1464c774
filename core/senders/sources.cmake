mcdesk_core_module(senders
    SOURCES
        senders/managedsender.h senders/managedsender.cpp
        senders/blockedsenderpolicy.h senders/blockedsenderpolicy.cpp
        senders/senderimport.h senders/senderimport.cpp
    PUBLIC_LIBS mcdesk_core_common mcdesk_core_api mcdesk_core_held)
