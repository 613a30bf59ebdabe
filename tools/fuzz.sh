#!/usr/bin/env bash
# Long fuzzing run of every fuzz target (tests/fuzz/) under AddressSanitizer and UBSan: the
# asan-ubsan preset's build, each target on its seeds plus ITERATIONS mutations (default
# 20000; ctest runs 300). Exits non-zero on the first crash or sanitizer report.
# Usage: tools/fuzz.sh [ITERATIONS] [SEED]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
iterations=${1:-20000}
seed=${2:-$(date +%s)}
cd "$top"
cmake --preset asan-ubsan >/dev/null
targets=(fuzz_extract fuzz_feeds fuzz_dates fuzz_robots fuzz_query fuzz_warc fuzz_import fuzz_catalog_blob)
cmake --build build/asan -j"$(nproc)" --target "${targets[@]}" >/dev/null
fixtures=$top/../shared/fixtures/real
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$top/tests/fuzz/lsan.supp
for t in "${targets[@]}"; do
  case $t in
    fuzz_extract) seeds=("$top/data/sample-site" "$top/tests/fuzz/seeds/extract"); [ -d "$fixtures" ] && seeds+=("$fixtures") ;;
    fuzz_import) seeds=("$top/tests/fuzz/seeds/import" "$top/tests/fuzz/seeds/warc") ;;
    *) seeds=("$top/tests/fuzz/seeds/${t#fuzz_}") ;;
  esac
  echo "== $t (seed $seed)"
  build/asan/tests/fuzz/"$t" --iterations "$iterations" --seed "$seed" "${seeds[@]}"
done
