# The Investigate page's GUI tests (ui/investigate/): real widgets, offscreen, against an
# in-process simulator.
foreach(t test_investigate_page)
    mcdesk_add_test(${t}
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${t}.cpp
        LIBS mcdesk_ui mcdesk_sim
        LABELS gui)
endforeach()
