mcdesk_core_module(audit
    SOURCES
        audit/auditlog.h audit/auditlog.cpp
        audit/audittrail.h audit/audittrail.cpp
        audit/auditsummary.h audit/auditsummary.cpp
        audit/auditexport.h audit/auditexport.cpp
    PUBLIC_LIBS mcdesk_core_api mcdesk_core_export)
