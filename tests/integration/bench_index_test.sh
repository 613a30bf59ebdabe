#!/usr/bin/env bash
# tools/bench/index at a tiny size, so that it never rots: it runs to its end (generation,
# both builds, the questions, the 1% change and both updates) and prints every row of its
# table; and the count both sides give for `author:Edward` is the generator's truth. Times
# are printed, never checked. Then tools/bench/serve over the same archive, in short. Skipped
# (77) without the sqlite3 shell.
# Usage: bench_index_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
command -v sqlite3 >/dev/null || { echo "skipped: the sqlite3 shell is not installed (apt install sqlite3)"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/fora-bench-index.XXXXXX")
trap 'rm -rf "$work"' EXIT
out=$work/out
FORA_BENCH_DIR=$work FORA_BENCH_BUILD=$build "$src/tools/bench/index" --comments 3000 --threads 150 \
  --runs 1 --command-runs 1 >"$out" || { cat "$out"; echo "tools/bench/index failed"; exit 1; }
cat "$out"
fail=0
for row in "build s" "build peak RSS MB" "index bytes MB" "20 best p50 ms, in process" "20 best p99 ms, in process" "exact count p50 ms, in process" "exact count p99 ms, in process" "facet p50 ms, in process" "facet p99 ms, in process" \
           "whole command median ms" "whole command p90 ms" "incremental 1% s" "incremental 1% growth MB"; do
  # the row, with a number in each of its three columns
  grep -qE "^\| $row +\| +[0-9.]+ \| +[0-9.]+ \| +[0-9.]+ \|" "$out" || { echo "no row \"$row\" with three numbers"; fail=1; }
done
questions=$(grep -cE '^\| +[0-9]+ \|' "$out")
[ "$questions" -ge 40 ] || { echo "only $questions questions"; fail=1; }
truth=$(awk -F'\t' '$1 == "author" && $2 == "Edward" { print $3 }' "$work/index-3000-150-1/truth.txt")
read -r fora_n fts_n < <(awk -F'|' '{ gsub(/ /, "", $4) } $4 == "author:Edward" { print $6, $7 }' "$out")
if [ -z "$truth" ] || [ "$fora_n" != "$truth" ] || [ "$fts_n" != "$truth" ]; then
  echo "author:Edward: the generator wrote ${truth:-?} entries by Edward, fora counted ${fora_n:-?}, FTS5 ${fts_n:-?}"
  fail=1
fi
# tools/bench/serve over the same archive, in short: its table has both rows, with numbers.
if command -v ab >/dev/null; then
  FORA_BENCH_DIR=$work FORA_BENCH_BUILD=$build "$src/tools/bench/serve" --requests 16 --thread-size 10 >"$work/serve" \
    || { cat "$work/serve"; echo "tools/bench/serve failed"; exit 1; }
  cat "$work/serve"
  for row in "search, 12 questions" "thread of [0-9]+ comments"; do
    grep -qE "^\| $row +\| +[0-9.]+ \| +[0-9.]+ \| +[0-9.]+ \| +[0-9.]+ \|" "$work/serve" || { echo "no serve row \"$row\" with numbers"; fail=1; }
  done
else
  echo "tools/bench/serve skipped: ab is not installed (apt install apache2-utils)"
fi
exit $fail
