mcdesk_add_test(test_address SOURCES unit/common/test_address.cpp
    LIBS mcdesk_core_common mcdesk_core_senders mcdesk_core_archive LABELS unit)
