# Debian 12 packages the build, the tests, the app and the package check need; sourced by
# setup.sh (which installs whatever is missing) and proven on a brand-new Debian 12 root (a
# minimal debootstrap system). Listed by hand what Debian's -dev packages do not pull in:
# Qt6Charts' CMake config needs Qt6OpenGL's (libqt6opengl6-dev), the platform plugins
# (offscreen for --screenshot, xcb for a desktop) live in qt6-qpa-plugins, and Qt SQL's
# SQLite driver is its own package.
MCDESK_BUILD_PACKAGES=(
    cmake ninja-build g++ pkgconf
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
    qtkeychain-qt6-dev libpugixml-dev libgl-dev
    dpkg-dev file
)
# What the app needs to start and to show mail from every script: the platform plugins, the
# SQLite driver for local state, and fonts that cover Latin, CJK and emoji.
MCDESK_RUN_PACKAGES=(
    qt6-qpa-plugins libqt6sql6-sqlite
    fonts-dejavu-core fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
)
# The fuzz targets (docs/fuzzing.md) build with clang 14 and libFuzzer; the fuzzer and sanitizer
# runtimes clang links are in libclang-rt-14-dev, only recommended by clang-14.
MCDESK_TEST_PACKAGES=(
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-1-0
    clang-14 libfuzzer-14-dev libclang-rt-14-dev
)
