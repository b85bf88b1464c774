mcdesk_add_test(test_audit_log SOURCES unit/audit/test_audit_log.cpp
    LIBS mcdesk_core_audit LABELS unit)
mcdesk_add_test(test_audit_trail SOURCES unit/audit/test_audit_trail.cpp
    LIBS mcdesk_core_audit LABELS unit)
