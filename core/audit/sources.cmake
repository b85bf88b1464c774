mcdesk_core_module(audit SOURCES audit/auditlog.h audit/auditlog.cpp)
