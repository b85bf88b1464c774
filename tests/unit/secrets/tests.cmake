mcdesk_add_test(test_memory_secret_store SOURCES unit/secrets/test_memory_secret_store.cpp
    LIBS mcdesk_core_secrets LABELS unit)
mcdesk_add_test(test_profile_store SOURCES unit/secrets/test_profile_store.cpp
    LIBS mcdesk_core_secrets LABELS unit)
mcdesk_add_test(test_profile_credentials SOURCES unit/secrets/test_profile_credentials.cpp
    LIBS mcdesk_core_secrets LABELS unit)
mcdesk_add_test(test_keychain_secret_store SOURCES unit/secrets/test_keychain_secret_store.cpp
    LIBS mcdesk_core_secrets Qt6Keychain::Qt6Keychain LABELS unit)
mcdesk_add_test(test_keychain_nobus SOURCES unit/secrets/test_keychain_nobus.cpp
    LIBS mcdesk_core_secrets LABELS unit)
