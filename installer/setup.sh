#!/usr/bin/env bash
# Mimecast Triage Desk: set up a Debian 12 machine, build, and run or test.
#
#   installer/setup.sh run    install what is missing, build, start the app on the simulator
#   installer/setup.sh test   install what is missing, build with warnings as errors, run every
#                             test (unit, integration, gui, keychain), then again under ASan/UBSan,
#                             then each libFuzzer target for 5 seconds
#   installer/setup.sh deps   only install the missing Debian packages
#
# Build folders are reused between runs: build/ (run); build-ci/, build-asan/, build-fuzz/ (test).
set -euo pipefail
cd "$(dirname "$0")/.."
source installer/packages.sh

mode=${1:-run}
jobs=$(nproc 2>/dev/null || echo 2)

install_missing() {
    local missing=()
    for pkg in "${MCDESK_BUILD_PACKAGES[@]}" "${MCDESK_RUN_PACKAGES[@]}" "${MCDESK_TEST_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build() { # dir, extra cmake args...
    local dir=$1; shift
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >"$dir.configure.log" 2>&1 ||
        { cat "$dir.configure.log"; return 1; }
    cmake --build "$dir" -j "$jobs"
}

# Runs ctest; the keychain tests run inside their own D-Bus session with an unlocked
# gnome-keyring (never under xvfb-run, where the unlock prompt would hang).
run_tests() { # dir
    local dir=$1 status=0
    ctest --test-dir "$dir" -LE 'keychain|bench|not-sanitized' --output-on-failure -j "$jobs" | tee "$dir/ctest-main.log" || status=1
    # A fresh keyring folder each run, so a keyring left with another password cannot lock us out.
    local keyrings
    keyrings=$(mktemp -d)
    XDG_DATA_HOME=$keyrings dbus-run-session -- sh -c 'printf mcdesk-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
        ctest --test-dir "$0" -L keychain --output-on-failure' "$dir" | tee "$dir/ctest-keychain.log" || status=1
    rm -rf "$keyrings"
    return $status
}

# (Runs inside `if`, where set -e is off, so every step checks itself.)
# Builds the .deb and checks its dependencies resolve. As root (CI, a fresh machine) it is
# then really installed with apt, its installed programs run (ping and a held-queue screenshot
# on the simulator, no display needed) and it is removed again; otherwise it is unpacked into
# a scratch folder and run from there, so a developer's system is never changed.
check_package() { # dir
    local dir=$1 deb scratch bin
    (cd "$dir" && cpack -G DEB >cpack.log 2>&1) || { cat "$dir/cpack.log"; return 1; }
    deb=$(ls -t "$dir"/mcdesk_*.deb | head -1)
    [ -n "$deb" ] || return 1
    echo "Package: $deb"
    dpkg-deb -f "$deb" Depends Recommends
    for font in fonts-noto-cjk fonts-noto-color-emoji; do
        dpkg-deb -f "$deb" Recommends | grep -q "$font" || { echo "the package does not recommend $font"; return 1; }
    done
    apt-get install --simulate "$PWD/$deb" >"$dir/package-deps.log" 2>&1 ||
        { cat "$dir/package-deps.log"; return 1; }
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$PWD/$deb" >"$dir/package-install.log" 2>&1 ||
            { cat "$dir/package-install.log"; return 1; }
        bin=/usr/bin
    else
        scratch=$(mktemp -d)
        dpkg-deb -x "$deb" "$scratch" || return 1
        bin=$scratch/usr/bin
    fi
    local status=0
    run_installed "$bin" "$dir" || status=1
    if [ -n "${scratch:-}" ]; then
        rm -rf "$scratch"
    else
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq mcdesk >>"$dir/package-install.log" 2>&1 || status=1
    fi
    return $status
}

run_installed() { # bindir, dir
    local bin=$1 dir=$2 home
    for f in mcdesk mcdesk-cli mcdesk-sim; do
        [ -x "$bin/$f" ] || { echo "missing from package: $f"; return 1; }
    done
    # A home of its own, so the check neither reads nor writes the user's settings and audit log.
    home=$(mktemp -d)
    (
        export HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share
        unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM
        "$bin/mcdesk" --version && "$bin/mcdesk-cli" --version &&
            "$bin/mcdesk-cli" --demo ping >"$dir/package-ping.json" &&
            grep -q '"success": true' "$dir/package-ping.json" &&
            "$bin/mcdesk" --demo --page held --screenshot "$dir/package-held.png" &&
            [ -s "$dir/package-held.png" ] && echo "Installed programs ran: $dir/package-held.png"
    )
    local status=$?
    rm -rf "$home"
    return $status
}

summarise() { # logs...
    local passed=0 failed=0 total
    for log in "$@"; do
        line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1) || continue
        total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
        f=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$line")
        passed=$((passed + total - f)); failed=$((failed + f))
    done
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

case "$mode" in
deps)
    install_missing
    ;;
run)
    install_missing
    configure_and_build build
    if [ -x build/app/mcdesk ]; then
        exec build/app/mcdesk --demo
    fi
    build/app/mcdesk-cli --demo ping
    build/app/mcdesk-cli --demo simple-archive-search --fields-to-return id,receiveddate,displayfrom,subject \
        --time-frame "Last Week" --max-emails-to-return 10
    ;;
test)
    install_missing
    status=0
    configure_and_build build-ci -DMCDESK_WERROR=ON
    run_tests build-ci || status=1
    # The sanitiser build reports leaks in our code, not in D-Bus or fontconfig internals.
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp
    # Every test again under AddressSanitizer/UndefinedBehaviorSanitizer, GUI tests included.
    # -g1: line numbers are all a sanitizer report needs, and compiling and linking are faster.
    configure_and_build build-asan -DMCDESK_WERROR=ON -DMCDESK_SANITIZE=ON -DMCDESK_BUILD_GUI=ON \
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"
    run_tests build-asan || status=1
    # Every parser of outside data under libFuzzer for a few seconds (docs/fuzzing.md).
    mkdir -p build-fuzz
    if configure_and_build build-fuzz -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
        -DMCDESK_FUZZ=ON -DMCDESK_WERROR=ON && tests/fuzz/run.sh 5; then
        echo "100% tests passed, 0 tests failed out of 1" >build-fuzz/fuzz.log
    else
        echo "0% tests passed, 1 tests failed out of 1" >build-fuzz/fuzz.log
        status=1
    fi
    if check_package build-ci; then
        echo "100% tests passed, 0 tests failed out of 1" >build-ci/package.log
    else
        echo "0% tests passed, 1 tests failed out of 1" >build-ci/package.log
        status=1
    fi
    summarise build-ci/package.log build-ci/ctest-main.log build-ci/ctest-keychain.log \
        build-asan/ctest-main.log build-asan/ctest-keychain.log build-fuzz/fuzz.log || status=1
    exit $status
    ;;
*)
    echo "usage: $0 run|test|deps" >&2
    exit 2
    ;;
esac
