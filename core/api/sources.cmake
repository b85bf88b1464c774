mcdesk_core_module(api
    SOURCES
        api/credentials.h
        api/requestsigner.h api/requestsigner.cpp
        api/apierror.h api/apierror.cpp
        api/baseurlpolicy.h api/baseurlpolicy.cpp
        api/operation.h api/operation.cpp
        api/apiclient.h api/apiclient.cpp
        api/replyhandling.h api/replyhandling.cpp
        api/pagedcall.h api/pagedcall.cpp
        api/batchwrite.h api/batchwrite.cpp
        api/singlecall.h api/singlecall.cpp
    PUBLIC_LIBS Qt6::Network)
