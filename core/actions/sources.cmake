mcdesk_core_module(actions
    SOURCES
        actions/actioncontext.h actions/actioncontext.cpp
        actions/actionrunner.h actions/actionrunner.cpp
        actions/policyactions.cpp actions/policyjob.cpp actions/oneitemjob.cpp
        actions/runnersupport.h
        actions/respondactions.cpp actions/remediationjob.cpp
        actions/threatactions.cpp actions/managedurljob.cpp
        actions/heldmoves.cpp
        actions/importsenders.cpp
        actions/journaledwrite.h actions/journaledwrite.cpp
        actions/journaledrun.cpp
    PUBLIC_LIBS mcdesk_core_api mcdesk_core_held mcdesk_core_senders mcdesk_core_account
                mcdesk_core_archive mcdesk_core_audit mcdesk_core_jobs mcdesk_core_respond
                mcdesk_core_threats)

