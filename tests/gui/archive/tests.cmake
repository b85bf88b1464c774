# Archive search page and results grid (ui/archive/), under QT_QPA_PLATFORM=offscreen.
foreach(t test_archive_search_page test_archive_results_grid test_archive_results_model)
    mcdesk_add_test(${t} SOURCES gui/archive/${t}.cpp support/csvparse.h gui/archive/archiverig.h support/guitestsupport.h
        LIBS mcdesk_ui mcdesk_sim LABELS gui)
endforeach()
