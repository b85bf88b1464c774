# Archive search page and results grid (issue 4). Included by ui/CMakeLists.txt.
target_sources(mcdesk_ui PRIVATE
    archive/addresslistedit.h archive/addresslistedit.cpp
    archive/archivedetailpane.h archive/archivedetailpane.cpp
    archive/archiveexportcontroller.h archive/archiveexportcontroller.cpp
    archive/archiveresultsfilter.h archive/archiveresultsfilter.cpp
    archive/archiveresultsmodel.h archive/archiveresultsmodel.cpp
    archive/archiveresultspanel.h archive/archiveresultspanel.cpp
    archive/archivesearchpage.h archive/archivesearchpage.cpp
    archive/exportoptionsdialog.h archive/exportoptionsdialog.cpp
    archive/resultsexportjob.h archive/resultsexportjob.cpp
    archive/resultstableactions.h archive/resultstableactions.cpp
    archive/returnfieldslist.h archive/returnfieldslist.cpp
    archive/simplesearchform.h archive/simplesearchform.cpp
    archive/timeframeeditor.h archive/timeframeeditor.cpp
    archive/xmlpreviewdialog.h archive/xmlpreviewdialog.cpp)
