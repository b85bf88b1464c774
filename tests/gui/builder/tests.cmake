# The query builder page and the advanced XML editor (ui/builder/); included from
# tests/gui/tests.cmake. Real widgets under QT_QPA_PLATFORM=offscreen, found by objectName.
foreach(t test_builder_roundtrip test_builder_editing test_advanced_editor test_builder_library
          test_builder_screens)
    mcdesk_add_test(${t} SOURCES gui/builder/${t}.cpp gui/builder/buildertestsupport.h
        support/guitestsupport.h LIBS mcdesk_ui mcdesk_sim LABELS gui)
endforeach()
