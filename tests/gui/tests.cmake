# GUI tests: real widgets under QT_QPA_PLATFORM=offscreen, found by objectName (DESIGN.md §7).
foreach(t test_message_bar test_models test_first_run test_profile_switch test_session_context
          test_activity_page test_main_window test_screenshot)
    mcdesk_add_test(${t} SOURCES gui/${t}.cpp gui/guitestsupport.h
        LIBS mcdesk_ui mcdesk_sim LABELS gui)
    target_include_directories(${t} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/gui ${CMAKE_CURRENT_SOURCE_DIR}/support)
endforeach()
# The screenshot test runs the built mcdesk binary (MCDESK_GUI).
if(TARGET mcdesk)
    add_dependencies(test_screenshot mcdesk)
endif()
set_tests_properties(test_screenshot PROPERTIES TIMEOUT 300)

# The connection dialogs' tests (ui/connections/).
include(${CMAKE_CURRENT_LIST_DIR}/connections/tests.cmake OPTIONAL)

# The pages' own GUI tests (tests/gui/<page>/tests.cmake), for the pages built into mcdesk_ui
# (MCDESK_UI_PAGES in ui/CMakeLists.txt).
foreach(part IN LISTS MCDESK_UI_PAGES)
    include(${CMAKE_CURRENT_LIST_DIR}/${part}/tests.cmake OPTIONAL)
endforeach()
