mcdesk_core_module(archive
    SOURCES
        archive/archivelogging.h archive/archivelogging.cpp
        archive/archivequery.h archive/archivequery.cpp
        archive/archivequeryxml.h
        archive/archivequeryreader.cpp archive/archivequerywriter.cpp
        archive/xmldocument_p.h archive/xmldocument.cpp
        archive/timeframe.h archive/timeframe.cpp
        archive/simplesearch.h archive/simplesearch.cpp
        archive/archivesearch.h archive/archivesearch.cpp
        archive/archivemessagedetail.h archive/archivemessagedetail.cpp
        archive/textcondition.h archive/textcondition.cpp
        archive/buildervalidation.h archive/buildervalidation.cpp
        archive/querylibrary.h archive/querylibrary.cpp
    PUBLIC_LIBS mcdesk_core_common mcdesk_core_api mcdesk_core_held
    PRIVATE_LIBS pugixml::pugixml mcdesk_core_export)
