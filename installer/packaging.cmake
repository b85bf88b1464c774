# CPack: a .deb for Debian 12 and a .tar.gz here; NSIS and DragNDrop settings for Windows and
# macOS builds. Included from the top-level CMakeLists.txt.
set(CPACK_PACKAGE_NAME "mcdesk")
set(CPACK_PACKAGE_VENDOR "Mimecast Triage Desk")
set(CPACK_PACKAGE_CONTACT "Mimecast Triage Desk maintainers <mcdesk@users.noreply.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Triage Mimecast held mail, sender lists and archive searches from the desktop or the command line")
set(CPACK_PACKAGE_DESCRIPTION
    "Mimecast Triage Desk lets SOC analysts release, reject and report held mail, keep sender \
permit/block lists, search the email archive with forms or visually built XML queries, and \
export results to CSV. Credentials stay in the OS keychain. Includes mcdesk-cli for scripts \
and mcdesk-sim, an offline Mimecast simulator.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/mcdesk/mcdesk")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Mimecast Triage Desk")
set(CPACK_PACKAGE_EXECUTABLES "mcdesk;Mimecast Triage Desk")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/;/\\\\.git/")

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop;TGZ")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
endif()

# Debian: the runtime dependencies are computed from the binaries by dpkg-shlibdeps, which
# names Debian's own Qt 6, QtKeychain and pugixml packages. What is loaded at run time is listed
# by hand: the SVG icon plugin, the platform plugins (xcb for the desktop, offscreen for
# --screenshot) and Qt SQL's SQLite driver (local state). Analysts read mail in every script:
# the Noto fonts are recommended so CJK names and subjects and emoji never show as boxes.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "mail")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6 (>= 6.4), qt6-qpa-plugins (>= 6.4), libqt6sql6-sqlite (>= 6.4)")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "gnome-keyring | kwalletmanager, fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji")

# Windows (NSIS): start-menu entry and uninstaller.
set(CPACK_NSIS_DISPLAY_NAME "Mimecast Triage Desk")
set(CPACK_NSIS_PACKAGE_NAME "Mimecast Triage Desk")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\mcdesk.exe")

# macOS (DragNDrop)
set(CPACK_DMG_VOLUME_NAME "Mimecast Triage Desk")
set(CPACK_DMG_FORMAT "UDZO")

include(CPack)
