mcdesk_core_module(export
    SOURCES
        export/csvwriter.h export/csvwriter.cpp
        export/jsonexport.h export/jsonexport.cpp)
