#!/bin/sh
# One fuzz smoke run (ctest's fuzz_smoke_<name>): the clang build's libFuzzer target over a copy
# of its seed corpus for a few seconds. Fails on a crash, a hang, a leak or a broken property (the
# input is kept in <workdir>/crash-*); a missing binary skips (77), or fails when CI=true.
# Usage: run-smoke.sh <fuzz binary> <seed corpus dir> <seconds> <workdir>
set -eu
binary=$1 seeds=$2 seconds=$3 work=$4
if [ ! -x "$binary" ]; then
    echo "fuzz smoke: $binary is not built (scripts/test-setup.d/fuzz.sh builds it with clang)" >&2
    [ "${CI:-}" = "true" ] && exit 1
    exit 77
fi
rm -rf "$work"
mkdir -p "$work/corpus"
# The first folder collects what the run finds; the seeds in the tree stay as they are.
"$binary" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" "$seeds" 2>"$work/log" && status=0 || status=$?
grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$work/log" || true
if [ "$status" != 0 ]; then
    tail -n 40 "$work/log" >&2
    echo "fuzz smoke: $(basename "$binary") failed; reproducer: $(ls "$work"/crash-* "$work"/timeout-* "$work"/leak-* "$work"/oom-* 2>/dev/null | head -n 1)" >&2
    exit 1
fi
