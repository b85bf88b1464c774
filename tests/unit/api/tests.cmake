mcdesk_add_test(test_request_signer SOURCES unit/api/test_request_signer.cpp LIBS mcdesk_core_api LABELS unit)
mcdesk_add_test(test_envelope_mapping SOURCES unit/api/test_envelope_mapping.cpp LIBS mcdesk_core_api LABELS unit)
