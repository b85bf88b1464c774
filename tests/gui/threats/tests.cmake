# The threat-protection GUI (ui/threats/): the click log on Investigate, Block this URL, the
# managed URLs on Sender & URL lists, URL import and decode; offscreen, against the simulator.
foreach(t test_who_clicked)
    mcdesk_add_test(${t}
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${t}.cpp
        LIBS mcdesk_ui mcdesk_sim
        LABELS gui)
endforeach()
