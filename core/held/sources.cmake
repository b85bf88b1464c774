mcdesk_core_module(held
    SOURCES
        held/heldmessage.h held/heldmessage.cpp
        held/heldoperations.h held/heldoperations.cpp
        held/releaselog.h held/releaselog.cpp
        held/heldformat.h held/heldformat.cpp
        held/permittrap.h held/permittrap.cpp
    PUBLIC_LIBS mcdesk_core_api)
