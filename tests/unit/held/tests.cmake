mcdesk_add_test(test_permit_trap SOURCES unit/held/test_permit_trap.cpp
    LIBS mcdesk_core_held LABELS unit)
