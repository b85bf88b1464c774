# GUI tests of the connection dialogs; included from tests/gui/tests.cmake. They link mcdesk_ui
# when the main window's library exists, otherwise the stand-alone mcdesk_ui_connections.
if(TARGET mcdesk_ui)
    set(_mcdesk_connections_ui mcdesk_ui)
else()
    set(_mcdesk_connections_ui mcdesk_ui_connections)
endif()
foreach(t test_profile_dialog test_profile_dialog_network test_connections_dialog)
    mcdesk_add_test(${t} SOURCES gui/connections/${t}.cpp gui/connections/dialogtestutil.h
        LIBS ${_mcdesk_connections_ui} mcdesk_sim Qt6::Widgets LABELS gui)
    target_include_directories(${t} PRIVATE ${mcdesk_SOURCE_DIR}/ui)
endforeach()
