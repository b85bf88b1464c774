# Debian 12 packages the build and the tests need; sourced by setup.sh and the CI.
MCDESK_BUILD_PACKAGES=(
    cmake ninja-build g++ pkgconf
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev qt6-svg-dev
    qtkeychain-qt6-dev libpugixml-dev libgl-dev
    dpkg-dev file
)
MCDESK_TEST_PACKAGES=(
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-1-0 fonts-dejavu-core
)
