mcdesk_core_module(common
    SOURCES common/address.h common/address.cpp common/latestrequest.h
            common/importfields.h common/importfields.cpp)
