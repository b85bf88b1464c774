mcdesk_add_test(test_request_signer SOURCES unit/api/test_request_signer.cpp LIBS mcdesk_core_api LABELS unit)
mcdesk_add_test(test_envelope_mapping SOURCES unit/api/test_envelope_mapping.cpp LIBS mcdesk_core_api LABELS unit)
mcdesk_add_test(test_reply_handling SOURCES unit/api/test_reply_handling.cpp LIBS mcdesk_core_api LABELS unit)
mcdesk_add_test(test_operation_base SOURCES unit/api/test_operation_base.cpp LIBS mcdesk_core_api mcdesk_core_common LABELS unit)
