#!/usr/bin/env bash
# The tests: install what is needed, build, run every unit and end-to-end test with ctest.
# Exits non-zero on any failure. .ci/run calls exactly this.
#   tools/test.sh          the RelWithDebInfo build in build/test
#   tools/test.sh --asan   the asan-ubsan preset's build in build/asan: every test under
#                          AddressSanitizer and UBSan (slower; not what CI runs)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash tools/install-deps.sh
jobs=$(nproc)
if [ "${1:-}" = "--asan" ]; then
  build=build/asan
  cmake --preset asan-ubsan >/dev/null
  # Xapian 1.4's QueryParser leaks on some malformed queries inside libxapian (not ours).
  export LSAN_OPTIONS=suppressions=$top/tests/fuzz/lsan.supp
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
else
  build=build/test
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFORA_BUILD_TESTS=ON >/dev/null
fi
cmake --build "$build" -j"$jobs" 2>&1 | grep -E 'warning|error|Error' || true
# The build must have succeeded for the tests to mean anything.
cmake --build "$build" -j"$jobs" >/dev/null
cd "$build"
ctest --output-on-failure -j"$jobs" --timeout 900
