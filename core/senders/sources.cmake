mcdesk_core_module(senders
    SOURCES
        senders/managedsender.h senders/managedsender.cpp
    PUBLIC_LIBS mcdesk_core_api)
