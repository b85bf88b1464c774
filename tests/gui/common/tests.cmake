# The modal dialogs every page asks through and their test seam (ui/common/dialogs.h).
mcdesk_add_test(test_dialogs
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dialogs.cpp support/dialogscript.h support/guitestsupport.h
    LIBS mcdesk_ui mcdesk_sim
    LABELS gui)
