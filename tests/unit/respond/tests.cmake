mcdesk_add_test(test_respond_requests SOURCES unit/respond/test_respond_requests.cpp
    LIBS mcdesk_core_respond LABELS unit)
