# mcdesk_sim: the offline Mimecast (docs/contract.md, the simulator). Paths are relative to core/.
add_library(mcdesk_sim STATIC
    simulator/simulatorhost.h simulator/simulatorhost.cpp
    simulator/httpmessage.h
    simulator/httpserver.h simulator/httpserver.cpp
    simulator/httpconnection.h simulator/httpconnection.cpp
    simulator/httprequestparser.h simulator/httprequestparser.cpp
    simulator/simservice.h simulator/simservice.cpp
    simulator/auth.h simulator/auth.cpp
    simulator/faults.h simulator/faults.cpp
    simulator/envelope.h simulator/envelope.cpp
    simulator/simdata.h simulator/datagen.cpp
    simulator/datapools.h simulator/datapools.cpp
    simulator/endpoints.h simulator/endpoints.cpp
    simulator/accountendpoints.cpp
    simulator/heldqueue.cpp simulator/heldactions.cpp
    simulator/senderendpoints.cpp simulator/policyendpoints.cpp
    simulator/archivequery.h simulator/archivequery.cpp
    simulator/archiveendpoints.cpp
    simulator/tracking.h simulator/tracking.cpp
    simulator/trackingendpoints.cpp simulator/messageinfo.cpp
    simulator/incidents.h simulator/incidents.cpp
    simulator/remediationendpoints.cpp simulator/incidentendpoints.cpp
    simulator/urlrewrite.h simulator/urlrewrite.cpp
    simulator/ttplogs.h simulator/ttplogs.cpp
    simulator/threatlogendpoints.cpp simulator/managedurlendpoints.cpp)
target_link_libraries(mcdesk_sim PUBLIC mcdesk_options mcdesk_core_api Qt6::Network
    PRIVATE pugixml::pugixml)
