# Widgets and helpers every page uses: the page base, the palette, plain-text escaping, the
# table factory, the eliding label, the ui logging categories, the modal dialogs (and their test
# seam).
target_sources(mcdesk_ui PRIVATE
    common/uilogging.h common/uilogging.cpp
    common/palette.h common/palette.cpp
    common/plaintext.h common/plaintext.cpp
    common/page.h common/page.cpp
    common/widgets.h common/widgets.cpp
    common/elidedlabel.h common/elidedlabel.cpp
    common/dialogs.h common/dialogs.cpp)
