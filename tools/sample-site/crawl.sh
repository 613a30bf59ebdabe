#!/usr/bin/env bash
# crawl.sh ORIGIN OUTDIR TMPDIR
# Breadth-first crawl of the local WordPress site with curl, starting from /, /robots.txt,
# /wp-sitemap.xml and /feed/ (and /comments/feed/, which every page names). Follows same-origin links (href/src attributes, sitemap <loc>,
# the robots.txt Sitemap line) whose path is one of the page kinds we keep (see keep()),
# ignoring query strings' links entirely and #fragments. Saves each 200 response as
#   <path>/index.html  (path ends in '/', HTML)   <path>/index.xml  (path ends in '/', XML: feeds)
#   <path>             (anything else, e.g. robots.txt, wp-sitemap.xml)
# after replacing the origin (plain, JSON-escaped and URL-encoded forms) with nothing,
# so absolute links become root-relative. Nothing else is changed.
set -euo pipefail
origin=$1 out=$2 tmp=$3
host_port=${origin#http://}
esc_origin=${origin//./\\.}                      # for regexes

keep() {  # is this path one we save?
  # /comment-page-1/ duplicates the post URL (WordPress links it from later comment pages
  # and serves it with rel=canonical pointing at the post URL). Not saved unless asked.
  if [[ $1 =~ /comment-page-1/$ ]] && [ -z "${KEEP_COMMENT_PAGE_1:-}" ]; then return 1; fi
  [[ $1 =~ ^/(page/[0-9]+/)?$ ]] ||
  [[ $1 =~ ^/[0-9]{4}/[0-9]{2}/[0-9]{2}/[^/]+/(comment-page-[0-9]+/)?$ ]] ||
  [[ $1 =~ ^/(category|tag|author)/[^/]+/(page/[0-9]+/)?$ ]] ||
  [[ $1 =~ ^/private-notes/$ ]] ||
  [[ $1 =~ ^/feed/$ ]] ||
  [[ $1 =~ ^/comments/feed/$ ]] ||
  [[ $1 =~ ^/robots\.txt$ ]] ||
  [[ $1 =~ ^/wp-sitemap(-[a-z0-9_-]+)?\.xml$ ]]
}

declare -A seen=()
queue=(/ /robots.txt /wp-sitemap.xml /feed/)
for u in "${queue[@]}"; do seen[$u]=1; done
skipped=()
n=0
while [ ${#queue[@]} -gt 0 ]; do
  path=${queue[0]}; queue=("${queue[@]:1}")
  body="$tmp/body"
  read -r code ctype < <(curl -sS -o "$body" -w '%{http_code} %{content_type}\n' "$origin$path")
  if [ "$code" = 301 ] || [ "$code" = 302 ]; then
    # WordPress redirects /comment-page-1/ to the post URL: nothing to save (see README).
    loc=$(curl -sS -o /dev/null -w '%{redirect_url}' "$origin$path")
    echo "  redirect $path -> ${loc#$origin}" >&2
    continue
  fi
  [ "$code" = 200 ] || { echo "crawl: $path -> HTTP $code" >&2; exit 1; }
  if [[ $path == */ ]]; then
    if [[ $ctype == *xml* ]]; then file="$out${path}index.xml"; else file="$out${path}index.html"; fi
  else
    file="$out$path"
  fi
  mkdir -p "$(dirname "$file")"
  # Links to follow, taken from the page as served.
  mapfile -t links < <(
    { grep -oE "(href|src)=[\"']$esc_origin/[^\"'#?]*[\"'#]" "$body" | sed -E "s/^(href|src)=[\"']//; s/[\"'#]$//"
      grep -oE "<loc>$esc_origin/[^<]*</loc>" "$body" | sed -E 's/^<loc>//; s/<\/loc>$//'
      grep -oE "^Sitemap: $esc_origin/[^[:space:]]*" "$body" | sed -E 's/^Sitemap: //'
    } | sed "s|^$origin||" | sort -u)
  for l in "${links[@]}"; do
    [ -n "$l" ] || continue
    [ -n "${seen[$l]:-}" ] && continue
    seen[$l]=1
    if keep "$l"; then queue+=("$l"); else skipped+=("$l"); fi
  done
  # Make links root-relative. The bare origin (no path after it) becomes "/".
  perl -pe '
    BEGIN { $o = quotemeta(shift @ARGV); ($e = $ARGV[0]) =~ s{/}{\\/}g; $e = quotemeta($e); shift @ARGV;
            $u = quotemeta(shift @ARGV); }
    s{$o(?=/)}{}g;        s{$o}{/}g;
    s{$e(?=\\/)}{}g;      s{$e}{\\/}g;
    s{$u(?=%2F)}{}gi;     s{$u}{%2F}gi;
    s{http://127\.0\.0\.1(?=/)}{}g;   # feed atom:link rel=self: get_self_link() drops the port
  ' "$origin" "$origin" "http%3A%2F%2F${host_port/:/%3A}" < "$body" > "$file"
  n=$((n + 1))
done
echo "crawl: saved $n files" >&2
printf '%s\n' "${skipped[@]}" | sort > "$tmp/skipped-links.txt"
echo "crawl: $(wc -l < "$tmp/skipped-links.txt") same-origin link targets not saved (list in $tmp/skipped-links.txt)" >&2
