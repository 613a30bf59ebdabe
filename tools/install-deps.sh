#!/usr/bin/env bash
# Installs the Debian packages listed in tools/debian-packages.txt. Idempotent: does nothing
# (no apt-get at all) when every package is already installed. Runs as root, or via sudo.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/debian-packages.txt" | grep -v '^$')
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# npm comes with a nodejs from nodesource, and as Debian's own package otherwise (where it
# would conflict with the former).
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
# warcio (webrecorder's WARC library, from npm) reads what `fora export` writes in the
# tests: an independent reader. Pinned, and kept in build/npm, out of the source tree.
warcio_version=2.4.11
npm_dir="$here/../build/npm"
if [ "$(node -p "require('$npm_dir/node_modules/warcio/package.json').version" 2>/dev/null)" != "$warcio_version" ]; then
  echo "installing warcio $warcio_version into build/npm" >&2
  npm install --silent --no-audit --no-fund --prefix "$npm_dir" "warcio@$warcio_version" >&2
fi
