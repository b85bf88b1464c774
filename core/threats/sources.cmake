# Who clicked, and block the link: the Targeted Threat Protection logs (URL clicks, attachment
# protection, impersonation), managed URLs and URL decoding (reference: mimecast-respond.md §3, §5).
mcdesk_core_module(threats
    SOURCES
        threats/threatlogs.h threats/threatlogs.cpp
        threats/threatlogtable.cpp
        threats/managedurl.h threats/managedurl.cpp
        threats/urlimport.cpp
        threats/bodylinks.h threats/bodylinks.cpp
        threats/threatoperations.h threats/threatoperations.cpp
    PUBLIC_LIBS mcdesk_core_common mcdesk_core_api mcdesk_core_held mcdesk_core_respond)
