mcdesk_add_test(test_archive_writer SOURCES unit/archive/test_archive_writer.cpp
    LIBS mcdesk_core_archive pugixml::pugixml LABELS unit)
mcdesk_add_test(test_archive_reader SOURCES unit/archive/test_archive_reader.cpp
    LIBS mcdesk_core_archive pugixml::pugixml LABELS unit)
mcdesk_add_test(test_archive_timeframe SOURCES unit/archive/test_archive_timeframe.cpp
    LIBS mcdesk_core_archive LABELS unit)
mcdesk_add_test(test_archive_simplesearch SOURCES unit/archive/test_archive_simplesearch.cpp
    LIBS mcdesk_core_archive pugixml::pugixml LABELS unit)
