#!/usr/bin/env bash
# Showcase pages benchmark: publishes the site in Release, runs it on 127.0.0.1 with a fresh data folder, creates
# COUNT published showcases in hauts-de-france through the command line (the real store: revisions, facets, change
# feed), then measures
#   - requests/s and latency of the region's showcase list and of one showcase page with wrk (2 threads, 32 connections),
#   - the first-load weight of both pages in Debian's Chromium (requests and bytes, fonts and images included).
# Usage: bench/showcases.sh [count (2000)]     Environment: PORT (5098), MAX_SECONDS (1800), WRK_SECONDS (20)
# Everything it starts is stopped by PID on exit; the whole run is bounded by MAX_SECONDS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COUNT="${1:-2000}"
PORT="${PORT:-5098}"
MAX_SECONDS="${MAX_SECONDS:-1800}"
WRK_SECONDS="${WRK_SECONDS:-20}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/reseau-bench-showcases.XXXXXX)"
PUBLISH="${PUBLISH:-$WORK/publish}"
DATA="$WORK/data"
SERVER_PID=""
WATCHDOG_PID=""

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export Network__DataPath="$DATA"
export Network__AdminEmail="admin@bench.localhost"
export Network__AdminPassword="bench-admin-password-42"
export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning

log() { printf '[bench] %s\n' "$*" >&2; }

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

cleanup() {
  stop_server
  if [ -n "$WATCHDOG_PID" ]; then kill "$WATCHDOG_PID" 2>/dev/null || true; wait "$WATCHDOG_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

( trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
  sleep "$MAX_SECONDS" & sleeper=$!
  wait "$sleeper" && { log "time limit of ${MAX_SECONDS}s reached"; kill -TERM $$; } ) >/dev/null 2>&1 &
WATCHDOG_PID=$!

for tool in dotnet curl wrk python3; do command -v "$tool" >/dev/null || { log "missing $tool"; exit 1; }; done
if curl -s -o /dev/null "$BASE/health"; then log "port $PORT is already in use"; exit 1; fi

start_server() {
  (cd "$PUBLISH" && exec dotnet Network.Web.dll --urls "$BASE" >>"$WORK/server.log" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    if curl -s -o /dev/null -w '%{http_code}' "$BASE/health" 2>/dev/null | grep -q 200; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { log "the server stopped:"; tail -20 "$WORK/server.log" >&2; exit 1; }
    sleep 0.1
  done
  log "the server did not answer within 60 s"; exit 1
}

if [ ! -f "$PUBLISH/Network.Web.dll" ]; then
  log "publishing in Release to $PUBLISH"
  timeout 900 dotnet publish "$ROOT/src/Network.Web" -c Release -o "$PUBLISH" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
    || { tail -30 "$WORK/publish.log" >&2; exit 1; }
fi

log "first start (creates the hub and the two regions), then stop"
start_server
curl -s -o /dev/null "$BASE/hauts-de-france/"
stop_server

# The site keeps published lists in memory and learns of changes made in its own process only: seed while it is stopped.
log "creating $COUNT published showcases in hauts-de-france through the command line"
(cd "$PUBLISH" && timeout 1200 dotnet Network.Web.dll showcases-bench seed --tenant hauts-de-france --count "$COUNT") >&2

start_server
LIST="$BASE/hauts-de-france/projets"
DETAIL_PATH=$(curl -s "$LIST" | grep -o 'href="/hauts-de-france/projets/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
[ -n "$DETAIL_PATH" ] || { log "no showcase link on the list"; exit 1; }
DETAIL="$BASE$DETAIL_PATH"
log "list: $LIST   detail: $DETAIL"
log "list HTML: $(curl -s -o /dev/null -w '%{size_download}' "$LIST") bytes ($(curl -s --compressed -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$LIST") compressed); detail HTML: $(curl -s -o /dev/null -w '%{size_download}' "$DETAIL") bytes"

# Warm-up: JIT, views, the snapshot and the rendered Markdown.
wrk -t2 -c8 -d5s "$LIST" >/dev/null; wrk -t2 -c8 -d5s "$DETAIL" >/dev/null; wrk -t2 -c8 -d3s "$LIST?domaine=musees&tri=titre&page=2" >/dev/null

for target in "$LIST" "$DETAIL" "$LIST?domaine=musees&tri=titre&page=2"; do
  echo "== wrk -t2 -c32 -d${WRK_SECONDS}s --latency $target"
  wrk -t2 -c32 -d"${WRK_SECONDS}s" --latency "$target" | grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== first-load page weight (Chromium, fresh profile, 1280x900)"
python3 "$ROOT/bench/page_weight.py" "$LIST" "$DETAIL"
