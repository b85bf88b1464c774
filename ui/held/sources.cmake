# The held queue page (issue 5), added to mcdesk_ui by ui/CMakeLists.txt.
find_package(Qt6 REQUIRED COMPONENTS Charts)
target_link_libraries(mcdesk_ui PUBLIC Qt6::Charts)
target_sources(mcdesk_ui PRIVATE
    held/heldmessagemodel.h held/heldmessagemodel.cpp
    held/heldfiltermodel.h held/heldfiltermodel.cpp
    held/heldfilterbar.h held/heldfilterbar.cpp
    held/heldtableview.h held/heldtableview.cpp
    held/heldqueueloader.h held/heldqueueloader.cpp
    held/helddetailspane.h held/helddetailspane.cpp
    held/heldsummarychart.h held/heldsummarychart.cpp
    held/releaselogmodel.h held/releaselogmodel.cpp
    held/releaselogpane.h held/releaselogpane.cpp
    held/rejectdialog.h held/rejectdialog.cpp
    held/outcomedialog.h held/outcomedialog.cpp
    held/heldactionjob.h held/heldactionjob.cpp
    held/heldactions.h held/heldactions.cpp
    held/triagemarks.h held/triagemarks.cpp
    held/applydecisionsdialog.h held/applydecisionsdialog.cpp
    held/heldactioncontroller.h held/heldactioncontroller.cpp
    held/heldexport.h held/heldexport.cpp
    held/heldqueuepage.h held/heldqueuepage.cpp)
