mcdesk_add_test(test_client_faults SOURCES integration/test_client_faults.cpp
    LIBS mcdesk_core mcdesk_sim LABELS integration)
mcdesk_add_test(test_actions SOURCES integration/test_actions.cpp
    LIBS mcdesk_core mcdesk_sim LABELS integration)
mcdesk_add_test(test_operations SOURCES integration/test_operations.cpp
    LIBS mcdesk_core mcdesk_sim LABELS integration)
mcdesk_add_test(test_cli SOURCES integration/test_cli.cpp
    LIBS mcdesk_core mcdesk_sim LABELS integration TIMEOUT 300)
mcdesk_add_test(test_cli_respond SOURCES integration/test_cli_respond.cpp
    LIBS mcdesk_core mcdesk_sim LABELS integration TIMEOUT 300)
mcdesk_add_test(test_hostile_server SOURCES integration/test_hostile_server.cpp
    LIBS Qt6::Network LABELS integration TIMEOUT 300)
mcdesk_add_test(test_jobs SOURCES integration/test_jobs.cpp
    LIBS mcdesk_core mcdesk_sim LABELS integration TIMEOUT 300)
mcdesk_add_test(test_jobs_crash SOURCES integration/test_jobs_crash.cpp
    LIBS mcdesk_core mcdesk_sim LABELS integration TIMEOUT 600)
mcdesk_add_test(test_respond SOURCES integration/test_respond.cpp
    LIBS mcdesk_core mcdesk_sim LABELS integration)
mcdesk_add_test(test_cli_threats SOURCES integration/test_cli_threats.cpp
    LIBS mcdesk_core mcdesk_sim LABELS integration TIMEOUT 300)
