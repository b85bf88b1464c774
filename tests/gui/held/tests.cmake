# The held queue page's GUI tests (ui/held/): real widgets, offscreen, against an in-process
# simulator.
foreach(t test_held_queue_page test_held_actions test_triage_keyboard)
    mcdesk_add_test(${t}
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${t}.cpp ${CMAKE_CURRENT_LIST_DIR}/heldtestsupport.h
        LIBS mcdesk_ui mcdesk_sim
        LABELS gui)
endforeach()
