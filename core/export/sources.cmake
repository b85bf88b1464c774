mcdesk_core_module(export
    SOURCES
        export/csvwriter.h export/csvwriter.cpp
        export/atomicfile.h export/atomicfile.cpp
        export/jsonexport.h export/jsonexport.cpp)
