#!/usr/bin/env bash
# Regenerates data/sample-site/ (a static copy of a real WordPress site) and
# data/sample-site-truth.json (ground truth dumped from WordPress's database).
# Run as root on Debian 12:  sudo tools/sample-site/generate.sh
# See tools/sample-site/README.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
PORT=${PORT:-8089}
WORK=${WORK:-/var/tmp/fora-sample-site}   # scratch: configs, logs, sockets, wp-content
OUT=${OUT:-$repo/data/sample-site}
TRUTH=${TRUTH:-$repo/data/sample-site-truth.json}
ORIGIN="http://127.0.0.1:$PORT"
DB=fora_sample
DBUSER=fora_sample
DBPASS=fora-sample-not-secret
WPCONFIG=fora-sample                       # -> /etc/wordpress/config-fora-sample.php
export WORDPRESS_CONFIG=$WPCONFIG FORA_ORIGIN=$ORIGIN

[ "$(id -u)" -eq 0 ] || { echo "run as root" >&2; exit 1; }
t0=$(date +%s)
log() { echo "[$(( $(date +%s) - t0 ))s] $*" >&2; }

# ---------------------------------------------------------------- 1. packages
pkgs=(wordpress wordpress-theme-twentytwentyone mariadb-server mariadb-client
      php8.2-fpm php8.2-cli php8.2-mysql php8.2-mbstring php8.2-xml nginx curl perl)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ -n "${STOP_ONLY:-}" ] || { log "apt-get update"; apt-get update -qq; }
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  # 'apache2-' keeps apt from picking apache2 for wordpress's "apache2 | httpd" dependency.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${pkgs[@]}" apache2- libapache2-mod-php8.2- >/dev/null
fi

# ---------------------------------------------------------------- 2. daemons
started_mysql=0
cleanup() {
  set +e
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  [ -f "$WORK/php-fpm.pid" ] && kill "$(cat "$WORK/php-fpm.pid")" 2>/dev/null
  if [ "$started_mysql" = 1 ]; then
    mariadb-admin --protocol=socket -uroot shutdown 2>/dev/null
    for _ in $(seq 1 60); do [ -e /run/mysqld/mysqld.sock ] || break; sleep 0.5; done
  fi
  wait 2>/dev/null
}
trap cleanup EXIT

if [ -n "${STOP_ONLY:-}" ]; then
  started_mysql=$(cat "$WORK/started_mysql" 2>/dev/null || echo 0); exit 0   # the EXIT trap stops everything
fi
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "something already listens on 127.0.0.1:$PORT; set PORT=..." >&2; exit 1
fi

rm -rf "$WORK"
mkdir -p "$WORK"/{tmp,crawl,wp-content/themes,wp-content/plugins,wp-content/mu-plugins,wp-content/uploads}
ln -s /usr/share/wordpress/wp-content/themes/twentytwentyone "$WORK/wp-content/themes/twentytwentyone"
cp "$here/fora-sample-mu.php" "$WORK/wp-content/mu-plugins/"
chown -R www-data:www-data "$WORK/wp-content"
chmod 755 "$WORK"

# WordPress config picked by Debian's /usr/share/wordpress/wp-config.php through WORDPRESS_CONFIG.
sed -e "s|@DB@|$DB|; s|@DBUSER@|$DBUSER|; s|@DBPASS@|$DBPASS|; s|@ORIGIN@|$ORIGIN|; s|@WORK@|$WORK|" \
  "$here/wp-config.php.in" > "/etc/wordpress/config-$WPCONFIG.php"
chown root:www-data "/etc/wordpress/config-$WPCONFIG.php"
chmod 640 "/etc/wordpress/config-$WPCONFIG.php"

if mariadb-admin --protocol=socket -uroot ping >/dev/null 2>&1; then
  log "using the MariaDB server that is already running"
else
  log "starting mariadb"
  mkdir -p /run/mysqld "$WORK/mysql" && chown mysql:mysql /run/mysqld "$WORK/mysql"
  mysqld_safe --skip-syslog --bind-address=127.0.0.1 --log-error="$WORK/mysql/mysqld.err" </dev/null >/dev/null 2>&1 &
  started_mysql=1
  for _ in $(seq 1 120); do
    mariadb-admin --protocol=socket -uroot ping >/dev/null 2>&1 && break; sleep 0.5
  done
  mariadb-admin --protocol=socket -uroot ping >/dev/null
fi
mariadb --protocol=socket -uroot <<SQL
DROP DATABASE IF EXISTS $DB;
CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
CREATE USER IF NOT EXISTS '$DBUSER'@'localhost' IDENTIFIED BY '$DBPASS';
ALTER USER '$DBUSER'@'localhost' IDENTIFIED BY '$DBPASS';
GRANT ALL PRIVILEGES ON $DB.* TO '$DBUSER'@'localhost';
FLUSH PRIVILEGES;
SQL

cat > "$WORK/php-fpm.conf" <<CONF
[global]
pid = $WORK/php-fpm.pid
error_log = $WORK/php-fpm.log
daemonize = no
[fora-sample]
user = www-data
group = www-data
listen = $WORK/php-fpm.sock
listen.owner = www-data
listen.group = www-data
listen.mode = 0660
pm = static
pm.max_children = 4
clear_env = no
env[WORDPRESS_CONFIG] = $WPCONFIG
CONF
cat > "$WORK/nginx.conf" <<CONF
user www-data;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log $WORK/nginx-access.log;
  client_body_temp_path $WORK/tmp/body;
  fastcgi_temp_path $WORK/tmp/fastcgi;
  proxy_temp_path $WORK/tmp/proxy;
  uwsgi_temp_path $WORK/tmp/uwsgi;
  scgi_temp_path $WORK/tmp/scgi;
  server {
    listen 127.0.0.1:$PORT;
    server_name 127.0.0.1;
    root /usr/share/wordpress;
    index index.php;
    location / { try_files \$uri \$uri/ /index.php?\$args; }
    location ~ ^/wp-content/(.*)\$ { alias $WORK/wp-content/\$1; }
    location ~ \.php\$ {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_param WORDPRESS_CONFIG $WPCONFIG;
      # Debian's fastcgi_params passes HTTP_HOST as \$host, which drops the port
      # (WordPress would then redirect every request to itself). Pass the real one.
      fastcgi_param HTTP_HOST 127.0.0.1:$PORT;
      fastcgi_pass unix:$WORK/php-fpm.sock;
    }
  }
}
CONF
chown -R www-data:www-data "$WORK/tmp"

# ---------------------------------------------------------------- 3+4. install WordPress and content
log "wp_install + content"
php "$here/install.php"
php "$here/content.php"

log "starting php-fpm and nginx on 127.0.0.1:$PORT"
# Kept in the foreground as children of this script (so they are reaped when stopped).
php-fpm8.2 --nodaemonize --fpm-config "$WORK/php-fpm.conf" </dev/null >>"$WORK/php-fpm.out" 2>&1 &
nginx -c "$WORK/nginx.conf" -g 'daemon off;' </dev/null >>"$WORK/nginx.out" 2>&1 &
for _ in $(seq 1 40); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$ORIGIN/robots.txt")" = 200 ] && break; sleep 0.25
done

if [ -n "${SERVE_ONLY:-}" ]; then   # debugging: leave the site running, stop it with STOP_ONLY=1
  trap - EXIT; echo "$started_mysql" > "$WORK/started_mysql"
  log "site running at $ORIGIN (stop: STOP_ONLY=1 $0)"; exit 0
fi

# ---------------------------------------------------------------- 5. crawl
log "crawling $ORIGIN"
rm -rf "$OUT"
mkdir -p "$OUT"
"$here/crawl.sh" "$ORIGIN" "$OUT" "$WORK/crawl"

# ---------------------------------------------------------------- 6. ground truth
log "dumping ground truth"
php "$here/truth.php" > "$TRUTH.tmp"
mv "$TRUTH.tmp" "$TRUTH"

# ---------------------------------------------------------------- checks
log "checking"
php "$here/check.php" "$OUT" "$TRUTH"
log "done: $(find "$OUT" -type f | wc -l) files, $(find "$OUT" -type f -printf "%s\n" | awk "{s+=\$1} END {print s}") bytes"
