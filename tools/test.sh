#!/usr/bin/env bash
# The tests: install what is needed, build, run every unit and end-to-end test with ctest.
# Exits non-zero on any failure. .ci/run calls exactly this.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash tools/install-deps.sh
jobs=$(nproc)
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFORA_BUILD_TESTS=ON >/dev/null
cmake --build build/test -j"$jobs" 2>&1 | grep -E 'warning|error|Error' || true
# The build must have succeeded for the tests to mean anything.
cmake --build build/test -j"$jobs" >/dev/null
cd build/test
ctest --output-on-failure -j"$jobs" --timeout 300
