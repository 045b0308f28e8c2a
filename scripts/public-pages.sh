#!/usr/bin/env bash
# Public pages against a static server: the demonstration's home page served by smartcities
# (release build, SQLite) and the same HTML served by nginx as a file, each under
# `wrk -t2 -c64 -d${SECONDS}s`, measured in one run on the same machine.
#   apt-get install wrk nginx-light     # once
#   scripts/public-pages.sh 20
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/work/cargo-target}"
cargo build --release --quiet -p smartcities
bin="$CARGO_TARGET_DIR/release/smartcities"

"$bin" demo --database-url "sqlite://$work/demo.db" --bind 127.0.0.1:18080 --outbox "$work/outbox" > "$work/demo.log" 2>&1 &
for _ in $(seq 1 120); do curl -fs http://127.0.0.1:18080/healthz >/dev/null 2>&1 && break; sleep 1; done
mkdir -p "$work/static"
curl -fs "http://127.0.0.1:18080/?lang=en" -H "Accept-Language: en" -o "$work/static/index.html"
echo "home page: $(wc -c < "$work/static/index.html") bytes"

cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server {
    listen 127.0.0.1:18081;
    root $work/static;
    location / { try_files /index.html =404; }
  }
}
CONF
nginx -c "$work/nginx.conf"

measure() {
  local name="$1" url="$2"
  wrk -t2 -c64 -d1s "$url" >/dev/null 2>&1 # warm up
  local out
  out="$(wrk -t2 -c64 -d"${duration}s" --latency "$url")"
  local rps p50 p99
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  printf '%-12s %10s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
  echo "$rps" > "$work/$name.rps"
}
measure nginx "http://127.0.0.1:18081/"
measure smartcities "http://127.0.0.1:18080/?lang=en"
measure api "http://127.0.0.1:18080/api/v1/editions"
awk -v a="$(cat "$work/smartcities.rps")" -v b="$(cat "$work/nginx.rps")" 'BEGIN { printf "smartcities / nginx: %.0f %%\n", 100 * a / b }'
