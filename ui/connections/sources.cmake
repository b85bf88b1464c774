# The connection dialogs (issue 3, item 2). Included from ui/CMakeLists.txt, which defines
# mcdesk_ui; paths are relative to ui/. Until that target exists the same sources build as
# mcdesk_ui_connections, so the dialogs and their tests can be built on their own.
set(MCDESK_UI_CONNECTIONS_SOURCES
    connections/regions.h connections/regions.cpp
    connections/inlineerror.h connections/inlineerror.cpp
    connections/hostpicker.h connections/hostpicker.cpp
    connections/profiledialog.h connections/profiledialog.cpp
    connections/profiledialogactions.cpp
    connections/connectionsdialog.h connections/connectionsdialog.cpp)

if(TARGET mcdesk_ui)
    target_sources(mcdesk_ui PRIVATE ${MCDESK_UI_CONNECTIONS_SOURCES})
else()
    add_library(mcdesk_ui_connections STATIC ${MCDESK_UI_CONNECTIONS_SOURCES})
    target_include_directories(mcdesk_ui_connections PUBLIC ${CMAKE_CURRENT_LIST_DIR}/..)
    target_link_libraries(mcdesk_ui_connections
        PUBLIC mcdesk_options mcdesk_core_api mcdesk_core_secrets mcdesk_core_account
               Qt6::Widgets Qt6::Network)
    set_target_properties(mcdesk_ui_connections PROPERTIES AUTOMOC ON)
endif()
