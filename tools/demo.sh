#!/usr/bin/env bash
# The demo: install what is needed, build (Release), serve data/sample-site/ on 127.0.0.1,
# crawl it into a fresh archive, index it, and answer "every Edward comment on Soyuz".
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash tools/install-deps.sh
echo "== building (Release) into build/release" >&2
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DFORA_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc)" --target fora fora-testserver >/dev/null
fora="$top/build/release/tools/fora/fora"
archive="$top/build/demo-archive"
rm -rf "$archive"

# The sample site: static pages saved from a real WordPress, served on a free port.
log=$(mktemp)
coproc server { exec "$top/build/release/tools/testserver/fora-testserver" --root data/sample-site --port 0 --log "$log"; }
trap 'kill "$server_PID" 2>/dev/null || true; rm -f "$log"' EXIT
read -r line <&"${server[0]}"
site="http://${line#listening on }/"
echo "== serving data/sample-site/ at $site" >&2

run() { printf '\n$ %s\n' "fora $*" | sed "s|--archive $archive|--archive build/demo-archive|"; "$fora" "$@"; }
run --archive "$archive" crawl --delay 0.05 "$site"
run --archive "$archive" index
run --archive "$archive" search 'every Edward comment on Soyuz'

cat <<NEXT

Try next, against the same archive (the sample site is no longer served; the archive keeps it all):
  $fora --archive $archive search 'author:"David Eastman"'
  $fora --archive $archive search 'type:post topic:soyuz'
  $fora --archive $archive search --json 'date:2022-12-16'
  $fora --archive $archive search '"micrometeorite hit"'
  $fora --archive $archive show ID        (an ID from the [brackets] above)
  $fora --archive $archive stats
  $fora --archive $archive serve        (the archive in a browser: open http://127.0.0.1:8787/)
  $fora --help
NEXT
