# The held queue benchmark (issue 5): 10,000 held messages against the local simulator. Not run
# in CI: `ctest -L bench` (or run bench_held_queue directly) prints the figures.
if(TARGET mcdesk_ui)
    mcdesk_add_test(bench_held_queue
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_held_queue.cpp
        LIBS mcdesk_ui mcdesk_sim
        LABELS bench
        TIMEOUT 600)
endif()
