mcdesk_add_test(test_csv_writer SOURCES unit/export/test_csv_writer.cpp
    LIBS mcdesk_core_export LABELS unit)
mcdesk_add_test(test_json_export SOURCES unit/export/test_json_export.cpp
    LIBS mcdesk_core_export LABELS unit)
