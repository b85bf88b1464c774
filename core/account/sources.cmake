mcdesk_core_module(account
    SOURCES
        account/account.h account/account.cpp
    PUBLIC_LIBS mcdesk_core_api)
