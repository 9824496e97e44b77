#!/bin/sh
# Builds the libFuzzer targets with clang into <build dir>/fuzz-clang for the fuzz_smoke_* tests
# (tests/fuzz/CMakeLists.txt). Only the fuzz targets and the core modules they link are compiled.
# Outside CI a failed build only warns: the smoke tests then skip; with CI=true it fails the run.
set -eu
builddir="${1:?usage: fuzz.sh BUILD_DIR}"
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! "$root/scripts/fuzz" --build-only "$builddir/fuzz-clang"; then
    echo "fuzz.sh: the clang fuzz build failed; the fuzz_smoke_* tests will skip" >&2
    [ "${CI:-}" = "true" ] && exit 1
fi
exit 0
