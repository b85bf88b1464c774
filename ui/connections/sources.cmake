# The connection dialogs (profile editor, connections list). Included from ui/CMakeLists.txt;
# paths are relative to ui/.
target_sources(mcdesk_ui PRIVATE
    connections/inlineerror.h connections/inlineerror.cpp
    connections/hostpicker.h connections/hostpicker.cpp
    connections/profiledialog.h connections/profiledialog.cpp
    connections/profiledialogactions.cpp
    connections/connectionsdialog.h connections/connectionsdialog.cpp)
