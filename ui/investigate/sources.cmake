# The Investigate page: Message Finder search and results, each message's detail, removing mail
# from every mailbox (Threat Remediation) and the incidents it creates.
target_sources(mcdesk_ui PRIVATE
    investigate/investigatepage.h investigate/investigatepage.cpp
    investigate/trackingform.h investigate/trackingform.cpp
    investigate/trackedmodel.h investigate/trackedmodel.cpp
    investigate/messageinfopane.h investigate/messageinfopane.cpp
    investigate/removedialog.h investigate/removedialog.cpp
    investigate/removecontroller.h investigate/removecontroller.cpp
    investigate/incidentmodel.h investigate/incidentmodel.cpp
    investigate/incidentpanel.h investigate/incidentpanel.cpp
    investigate/incidentsview.h investigate/incidentsview.cpp)
