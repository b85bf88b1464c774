mcdesk_add_test(test_threat_requests SOURCES unit/threats/test_threat_requests.cpp
    LIBS mcdesk_core_threats LABELS unit)
