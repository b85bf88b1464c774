# GUI tests: real widgets under QT_QPA_PLATFORM=offscreen, found by objectName
# (docs/contract.md, how it is built and tested). tests/gui/<folder> mirrors ui/<folder>.
foreach(t test_message_bar test_first_run test_profile_switch test_session_context
          test_main_window test_screenshot test_unfinished_jobs)
    mcdesk_add_test(${t} SOURCES gui/shell/${t}.cpp support/guitestsupport.h
        LIBS mcdesk_ui mcdesk_sim LABELS gui)
endforeach()
foreach(t test_models test_activity_page)
    mcdesk_add_test(${t} SOURCES gui/activity/${t}.cpp support/guitestsupport.h
        LIBS mcdesk_ui mcdesk_sim LABELS gui)
endforeach()
# The screenshot test runs the built mcdesk binary (MCDESK_GUI).
if(TARGET mcdesk)
    add_dependencies(test_screenshot mcdesk)
endif()
set_tests_properties(test_screenshot PROPERTIES TIMEOUT 600) # eleven app launches
if(MCDESK_SANITIZE)
    # Eleven launches of the whole app under the slow unwinder took 4 of CI's minutes; the pages
    # it draws run under the sanitizers in their own GUI tests, and the launch in test_main_window.
    set_property(TEST test_screenshot APPEND PROPERTY LABELS not-sanitized)
endif()

# The dialogs' and pages' own GUI tests (tests/gui/<part>/tests.cmake).
foreach(part common connections held senders archive builder investigate threats)
    include(${CMAKE_CURRENT_LIST_DIR}/${part}/tests.cmake)
endforeach()
