# Incident response: Message Finder (who received it), Threat Remediation (remove it from every
# mailbox), hash search (reference: mimecast-respond.md).
mcdesk_core_module(respond
    SOURCES
        respond/trackedmessage.h respond/trackedmessage.cpp
        respond/trackingquery.h respond/trackingquery.cpp
        respond/remediation.h respond/remediation.cpp
        respond/respondoperations.h respond/respondoperations.cpp
    PUBLIC_LIBS mcdesk_core_common mcdesk_core_api mcdesk_core_held)
