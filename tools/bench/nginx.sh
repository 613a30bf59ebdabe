# nginx on a free port of 127.0.0.1 serving $site, with its own config, logs and pid under
# $ngx; sourced by the benches. Sets $port (and keeps it when started again, if it is free).
# Needs $nginx_bin, $site, $ngx; $nginx_extra, when set, goes into the server block (a
# location that fails on purpose).
start_nginx() {
  rm -rf "$ngx"; mkdir -p "$ngx/tmp"
  local want=${port:-}  # started again: the same port, so the archive's URLs still answer
  for _ in $(seq 20); do
    port=${want:-$(( 20000 + RANDOM % 40000 ))}
    want=
    (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && continue
    cat >"$ngx/nginx.conf" <<NGINX
worker_processes 1;
pid $ngx/nginx.pid;
error_log $ngx/error.log;
events { worker_connections 1024; }
http {
  log_format bench '\$status \$body_bytes_sent \$request_uri';
  access_log $ngx/access.log bench;
  client_body_temp_path $ngx/tmp; proxy_temp_path $ngx/tmp; fastcgi_temp_path $ngx/tmp;
  uwsgi_temp_path $ngx/tmp; scgi_temp_path $ngx/tmp;
  types { text/html html; text/plain txt; application/json json; application/xml xml; }
  default_type text/html;
  charset utf-8;
  keepalive_requests 100000;
  server { listen 127.0.0.1:$port; root $site; index index.html index.xml; ${nginx_extra:-} }
}
NGINX
    "$nginx_bin" -c "$ngx/nginx.conf" -p "$ngx" 2>>"$ngx/start.log" && return 0
  done
  echo "nginx did not start (see $ngx/start.log)" >&2; exit 1
}
stop_nginx() { [ -f "$ngx/nginx.pid" ] && kill "$(cat "$ngx/nginx.pid")" 2>/dev/null; sleep 0.3; }

# wget 1.21 asks for "http://200/" and "http://404/" after some 404 answers; a proxy that is
# a closed local port takes those, so no bench request leaves 127.0.0.1.
# shellcheck disable=SC2034
wget_local=(env http_proxy=http://127.0.0.1:9/ no_proxy=127.0.0.1 wget --tries=1)
