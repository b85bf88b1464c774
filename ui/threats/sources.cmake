# Who clicked, and block the link (issue 13): the threat-protection logs (a tab of Investigate),
# managed URLs (a tab of Sender & URL lists) with bulk import, URL decode, and the link actions
# of the body previews. Included from ui/CMakeLists.txt; paths relative to ui/.
target_sources(mcdesk_ui PRIVATE
    threats/threatlogmodels.h threats/threatlogmodels.cpp
    threats/threatlogsview.h threats/threatlogsview.cpp
    threats/managedurldialog.h threats/managedurldialog.cpp
    threats/managedurlwriter.h threats/managedurlwriter.cpp
    threats/managedurlmodel.h threats/managedurlmodel.cpp
    threats/managedurlspanel.h threats/managedurlspanel.cpp
    threats/urlimportmodel.h threats/urlimportmodel.cpp
    threats/urlimportdialog.h threats/urlimportdialog.cpp
    threats/decodeurldialog.h threats/decodeurldialog.cpp
    threats/bodylinkmenu.h threats/bodylinkmenu.cpp)
