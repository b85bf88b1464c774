mcdesk_core_module(actions
    SOURCES
        actions/actioncontext.h actions/actioncontext.cpp
        actions/actionrunner.h actions/actionrunner.cpp
        actions/policyactions.cpp
        actions/heldmoves.cpp
    PUBLIC_LIBS mcdesk_core_api mcdesk_core_held mcdesk_core_senders mcdesk_core_account
                mcdesk_core_archive mcdesk_core_audit)

# The command-line twin's logic; app/cli_main.cpp only calls it. It links the simulator for --demo.
add_library(mcdesk_cli STATIC actions/commandline.h actions/commandline.cpp)
target_link_libraries(mcdesk_cli PUBLIC mcdesk_core PRIVATE mcdesk_sim)
