# GUI tests of the sender lists page (ui/senders/); included from tests/gui/tests.cmake.
foreach(t test_sender_lists_page test_blocked_sender_policies)
    mcdesk_add_test(${t} SOURCES gui/senders/${t}.cpp gui/senders/senderstestsupport.h
        support/guitestsupport.h LIBS mcdesk_ui mcdesk_sim LABELS gui)
endforeach()
