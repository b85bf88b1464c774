# Archive search page and results grid (ui/archive/), under QT_QPA_PLATFORM=offscreen.
foreach(t test_archive_search_page test_archive_results_grid test_archive_results_model)
    mcdesk_add_test(${t} SOURCES gui/archive/${t}.cpp support/csvparse.h gui/archive/archiverig.h gui/guitestsupport.h
        LIBS mcdesk_ui mcdesk_sim LABELS gui)
    target_include_directories(${t} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/gui
                                            ${CMAKE_CURRENT_SOURCE_DIR}/gui/archive
                                            ${CMAKE_CURRENT_SOURCE_DIR}/support)
endforeach()
