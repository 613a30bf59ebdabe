#!/usr/bin/env bash
# fora installed like a Debian tool (README "Install"): the man page renders with man(1) and
# names every command `fora --help` lists; the bash completion completes commands and takes
# site names as data; `cpack -G DEB` builds a .deb that depends on the libraries fora links,
# and the fora it installs runs and finds its profiles.
# Usage: install_test.sh FORA_BIN BUILD_DIR. Exit 77 (ctest: skipped) when a tool is absent.
set -euo pipefail
fora=$1
build=$2
share=$(dirname "$fora")/share

skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*" >&2; exit 1; }
for tool in man dpkg-deb dpkg-shlibdeps cpack bash; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (tools/debian-packages.txt: man-db, dpkg-dev)"
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The commands, as `fora --help` lists them under "Subcommands:".
mapfile -t commands < <("$fora" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF { print $1 }')
(( ${#commands[@]} >= 14 )) || fail "fora --help lists ${#commands[@]} commands: ${commands[*]}"

# 1. The man page renders, and every command has its section.
MANWIDTH=100 man -l "$share/man/man1/fora.1" > "$scratch/fora.txt" 2> "$scratch/man.err"
[[ ! -s $scratch/man.err ]] || fail "man -l warned: $(cat "$scratch/man.err")"
for command in "${commands[@]}"; do
  grep -q "^   $command\$" "$scratch/fora.txt" || fail "the man page has no section for $command"
done
for section in "QUERY SYNTAX" "EXIT STATUS" "ENVIRONMENT" "FILES"; do
  grep -q "^$section" "$scratch/fora.txt" || fail "the man page has no $section"
done
grep -q -- "--min-interval" "$scratch/fora.txt" || fail "the man page does not name --min-interval"

# 2. The bash completion: `fora cr` completes to crawl; site names are data. A stand-in
# `fora` on PATH answers __complete sites with a name that would run a command if the
# script let the shell expand it.
complete_words() {  # complete_words WORD... : the completions of the last word
  PATH="$scratch/bin:$PATH" bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _fora; printf "%s\n" "${COMPREPLY[@]}"' bash "$share/bash-completion/completions/fora" "$@"
}
mkdir -p "$scratch/bin"
printf '#!/bin/sh\nprintf "%%s\\n" "example.com" "ex\$(touch %s/ran)" "other.org"\n' "$scratch" > "$scratch/bin/fora"
chmod +x "$scratch/bin/fora"
[[ $(complete_words fora cr) == crawl ]] || fail "fora cr completes to '$(complete_words fora cr)', not crawl"
[[ $(complete_words fora update --si) == --site ]] || fail "fora update --si does not complete to --site"
sites=$(complete_words fora update --site ex)
[[ ! -e $scratch/ran ]] || fail "completing --site ran a command from a site name"
grep -qx "example.com" <<< "$sites" || fail "--site ex does not offer example.com: $sites"
grep -q 'ex\\$\\(touch' <<< "$sites" || fail "--site ex does not offer the odd name quoted: $sites"
! grep -q "other.org" <<< "$sites" || fail "--site ex offers other.org"

# The zsh completion at least parses, where zsh is installed.
if command -v zsh >/dev/null; then
  zsh -n "$share/zsh/vendor-completions/_fora" || fail "the zsh completion does not parse"
fi

# 3. The .deb: built by cpack, its Depends name Debian's libraries, and the fora it holds runs.
(cd "$scratch" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/deb" > cpack.log 2>&1) ||
  fail "cpack -G DEB: $(tail -20 "$scratch/cpack.log")"
deb=$(ls "$scratch"/deb/*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libxapian libcurl libsqlite3 libzstd libxml2 libstdc++; do
  grep -q "$lib" <<< "$depends" || fail "Depends does not name $lib: $depends"
done
dpkg-deb -x "$deb" "$scratch/root"
for file in usr/bin/fora usr/share/man/man1/fora.1 usr/share/bash-completion/completions/fora \
            usr/share/zsh/vendor-completions/_fora usr/lib/systemd/user/fora-update.service \
            usr/lib/systemd/user/fora-update.timer usr/share/fora/profiles/phpbb.toml; do
  [[ -f $scratch/root/$file ]] || fail "the .deb holds no $file"
done
version=$("$scratch/root/usr/bin/fora" --version)
[[ $version == "fora "* ]] || fail "the installed fora --version printed '$version'"
# The installed fora reads the profiles installed beside it (<prefix>/share/fora/profiles).
HOME=$scratch XDG_CONFIG_HOME=$scratch/config FORA_PROFILES= "$scratch/root/usr/bin/fora" profiles > "$scratch/profiles.txt"
grep -q "$scratch/root/usr/share/fora/profiles" "$scratch/profiles.txt" ||
  fail "the installed fora does not read its installed profiles: $(head -5 "$scratch/profiles.txt")"
echo "ok: man page, bash completion and .deb ($(basename "$deb"); Depends: $depends)"
