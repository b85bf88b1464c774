#!/usr/bin/env bash
# Runs the libFuzzer targets (docs/fuzzing.md) for a while each and says how they did.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]   SECONDS per target (default 5); TARGET is e.g.
#                                             dates or fuzz_dates (default: every target)
#
# Each target starts from a copy of its seed corpus (tests/fuzz/corpus/<name>) in a temporary
# folder, so the checked-in corpus never changes. Logs and any crashing input are kept under
# $MCDESK_FUZZ_BUILD (default build-fuzz): fuzz-logs/<target>.log, fuzz-artifacts/<target>/.
# Exits non-zero when a target crashes, leaks, hits undefined behaviour or times out, or is
# not built.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-5}
[ $# -gt 0 ] && shift
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [SECONDS] [TARGET...]" >&2; exit 2; }
build=${MCDESK_FUZZ_BUILD:-build-fuzz}

targets=()
if [ $# -gt 0 ]; then
    for t in "$@"; do targets+=("${t#fuzz_}"); done
else
    for src in tests/fuzz/fuzz_*.cpp; do
        name=${src##*/fuzz_}
        targets+=("${name%.cpp}")
    done
fi

# UBSan aborts on its own (-fno-sanitize-recover); it should also say where.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
# ASan's default 256 MB quarantine of freed memory costs over 1 GB of RSS after a few minutes
# of fuzzing (it is not a leak: without it memory stays flat); 64 MB still spans many inputs.
# Options already set come later and win.
export ASAN_OPTIONS=quarantine_size_mb=64${ASAN_OPTIONS:+:$ASAN_OPTIONS}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/fuzz-logs"
status=0
printf '%-20s %-7s %10s %10s %16s\n' target result runs exec/s "corpus"
for name in "${targets[@]}"; do
    bin=$build/tests/fuzz/fuzz_$name
    seeds=tests/fuzz/corpus/$name
    log=$build/fuzz-logs/fuzz_$name.log
    artifacts=$build/fuzz-artifacts/fuzz_$name
    if [ ! -x "$bin" ] || [ ! -d "$seeds" ]; then
        printf '%-20s %-7s (%s)\n' "fuzz_$name" missing "no $bin or no $seeds"
        status=1
        continue
    fi
    corpus=$work/$name
    mkdir -p "$corpus" "$artifacts"
    cp -r "$seeds/." "$corpus/"
    # -timeout: an input that takes 10 s is a hang to report, not a slow run.
    result=ok
    "$bin" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1 || result=FAILED
    # "Done 123456 runs in 5 second(s)"; "#123456 DONE cov: 812 ft: 2311 corp: 245/12Kb exec/s: 24691 ..."
    runs=$(sed -nE 's/^Done ([0-9]+) runs in .*/\1/p' "$log" | tail -1)
    [ -n "$runs" ] || runs=$(sed -nE 's/^#([0-9]+)[[:space:]].*/\1/p' "$log" | tail -1)
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
    [ -n "$done_line" ] || done_line=$(grep -E '^#[0-9]+[[:space:]]' "$log" | tail -1 || true)
    rate=$(sed -nE 's/.* exec\/s: ([0-9]+).*/\1/p' <<<"$done_line")
    corp=$(sed -nE 's/.* corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/\1/p' <<<"$done_line")
    printf '%-20s %-7s %10s %10s %16s\n' "fuzz_$name" "$result" "${runs:--}" "${rate:--}" \
        "${corp:--} ($(find "$corpus" -type f | wc -l) files)"
    if [ "$result" != ok ]; then
        status=1
        # What broke, the top of the stack below the sanitizer and libFuzzer, the saved input.
        grep -E -A2 'fuzz invariant broken' "$log" | grep -v '^--' | head -3 | sed 's/^/    /' || true
        grep -E 'ERROR: |SUMMARY: |runtime error' "$log" | head -4 | sed 's/^/    /' || true
        awk '/^ +#[0-9]+ / && !/__sanitizer|__asan|__ubsan|__lsan|fuzzer::|libc\.so|raise|abort|pthread_kill/ {
                 sub(/ \(BuildId: [0-9a-f]+\)/, ""); sub(/^ */, "      "); print; n++ }
             /LLVMFuzzerTestOneInput/ || n == 8 { exit }' "$log"
        grep -E 'Test unit written to' "$log" | sed 's/^/    /' || true
        echo "    full log: $log"
    fi
done
exit $status
