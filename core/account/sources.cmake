mcdesk_core_module(account
    SOURCES
        account/account.h account/account.cpp
        account/regions.h account/regions.cpp
    PUBLIC_LIBS mcdesk_core_api)
