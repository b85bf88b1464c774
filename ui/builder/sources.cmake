# The visual query builder page and the advanced XML editor (issue 4). Included from
# ui/CMakeLists.txt once mcdesk_ui exists; paths are relative to ui/. Helpers live in the
# namespace mcdesk::ui::builder so they cannot clash with other pages' classes.
target_sources(mcdesk_ui PRIVATE
    builder/xmlhighlighter.h builder/xmlhighlighter.cpp
    builder/linenumberarea.h builder/linenumberarea.cpp
    builder/xmleditor.h builder/xmleditor.cpp
    builder/undoshortcutfilter.h builder/undoshortcutfilter.cpp
    builder/querycommand.h builder/querycommand.cpp
    builder/datefields.h builder/datefields.cpp
    builder/conditionrow.h builder/conditionrow.cpp
    builder/conditionlist.h builder/conditionlist.cpp
    builder/mailboxlist.h builder/mailboxlist.cpp
    builder/returnfieldlist.h builder/returnfieldlist.cpp
    builder/visualeditor.h builder/visualeditor.cpp
    builder/advancededitor.h builder/advancededitor.cpp
    builder/librarypanel.h builder/librarypanel.cpp
    builder/querybuilderpage.h builder/querybuilderpage.cpp builder/querybuilderpagefiles.cpp)
