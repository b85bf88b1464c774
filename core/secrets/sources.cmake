mcdesk_core_module(secrets
    SOURCES
        secrets/secretstore.h secrets/secretstore.cpp
        secrets/memorysecretstore.h secrets/memorysecretstore.cpp
        secrets/keychainsecretstore.h secrets/keychainsecretstore.cpp
        secrets/profilestore.h secrets/profilestore.cpp
        secrets/profilecredentials.h secrets/profilecredentials.cpp
    PUBLIC_LIBS mcdesk_core_api
    PRIVATE_LIBS Qt6Keychain::Qt6Keychain)
