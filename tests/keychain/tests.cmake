# Real OS keychain. CI runs these inside a private session bus with an unlocked keyring:
#   dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets
#       >/dev/null; ctest -L keychain --output-on-failure'
# They skip without DBUS_SESSION_BUS_ADDRESS; never run them under xvfb-run (the unlock prompt hangs).
mcdesk_add_test(test_keychain_roundtrip SOURCES keychain/test_keychain_roundtrip.cpp
    LIBS mcdesk_core_secrets LABELS keychain)
mcdesk_add_test(test_no_secret_leak SOURCES keychain/test_no_secret_leak.cpp
    LIBS mcdesk_core_secrets mcdesk_core_audit mcdesk_core_export LABELS keychain)
# mcdesk-cli --profile, spawned: secrets from the keychain, none written out.
mcdesk_add_test(test_cli_profile SOURCES keychain/test_cli_profile.cpp
    LIBS mcdesk_core_secrets mcdesk_core_audit mcdesk_sim LABELS keychain)
add_dependencies(test_cli_profile mcdesk-cli)
# Report a run without a session bus as skipped, not passed.
set_tests_properties(test_keychain_roundtrip test_no_secret_leak test_cli_profile PROPERTIES
    SKIP_REGULAR_EXPRESSION "SKIP   : [A-Za-z]+::initTestCase\\(\\)")
