# GUI tests of the connection dialogs (ui/connections/); included from tests/gui/tests.cmake.
foreach(t test_profile_dialog test_profile_dialog_network test_connections_dialog)
    mcdesk_add_test(${t} SOURCES gui/connections/${t}.cpp gui/connections/dialogtestutil.h
        support/dialogscript.h
        LIBS mcdesk_ui mcdesk_sim Qt6::Widgets LABELS gui)
endforeach()
