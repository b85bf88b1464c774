# Archive results grid benchmark (issue 4; docs/contract.md, performance targets).
# Label `bench`: not part of the CI run;
# build the tree as RelWithDebInfo (the default) for figures of an optimised build.
if(TARGET mcdesk_ui)
    mcdesk_add_test(bench_archive_results
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_archive_results.cpp
        LIBS mcdesk_ui LABELS bench TIMEOUT 600)
endif()
