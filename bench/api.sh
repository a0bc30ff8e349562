#!/usr/bin/env bash
# Public API benchmark: publishes the site in Release, runs it on 127.0.0.1 with a fresh data folder, creates COUNT
# published showcases in hauts-de-france through the command line (ShowcaseBenchSeedCommand), then measures with wrk
# (2 threads, 32 connections) the showcases list endpoint /api/v1/showcases:
#   - one URL (the first page),
#   - a mix of 20 pages, filters, sorts and page sizes (bench/api_mix.lua),
#   - the same mix answered 304 (every request sends the ETag it got before: If-None-Match).
# The API's limit per client would throttle wrk's single address: the run turns it off with Api__RateLimit__PermitLimit=0.
# Usage: bench/api.sh [count (2000)]     Environment: PORT (5137), MAX_SECONDS (1800), WRK_SECONDS (20), PUBLISH (reuse a publish folder)
# Everything it starts is stopped by PID on exit; the whole run is bounded by MAX_SECONDS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COUNT="${1:-2000}"
PORT="${PORT:-5137}"
MAX_SECONDS="${MAX_SECONDS:-1800}"
WRK_SECONDS="${WRK_SECONDS:-20}"
WORK="$(mktemp -d /tmp/reseau-bench-api.XXXXXX)"
# shellcheck source=bench/site.sh
source "$ROOT/bench/site.sh"
require_tools dotnet curl wrk
export Api__RateLimit__PermitLimit=0

[ -f "$PUBLISH/Network.Web.dll" ] || publish_site

log "first start (creates the hub and the two regions), then stop"
start_server
curl -s -o /dev/null "$BASE/hauts-de-france/"
stop_server

# The site learns of changes made in its own process only: seed while it is stopped.
log "creating $COUNT published showcases in hauts-de-france through the command line"
(cd "$PUBLISH" && timeout 1200 dotnet Network.Web.dll showcases-bench seed --tenant hauts-de-france --count "$COUNT") >&2

start_server
LIST="$BASE/hauts-de-france/api/v1/showcases"
FIRST=$(curl -s "$LIST?pageSize=1" || true)
TOTAL=$(printf '%s' "$FIRST" | grep -o '"total":[0-9]*' | head -1 | cut -d: -f2 || true)
[ "${TOTAL:-0}" -ge "$COUNT" ] || { log "the API lists ${TOTAL:-0} showcases, expected $COUNT: ${FIRST:0:300}"; tail -20 "$WORK/server.log" >&2; exit 1; }
log "list: $LIST (total $TOTAL): $(curl -s -o /dev/null -w '%{size_download}' "$LIST") bytes, $(curl -s --compressed -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$LIST") compressed"

# Warm-up: JIT, the snapshot, the answers of the mix.
wrk -t2 -c8 -d5s "$LIST" >/dev/null
API_PREFIX=/hauts-de-france/api/v1/showcases wrk -t2 -c8 -d5s -s "$ROOT/bench/api_mix.lua" "$BASE" >/dev/null

echo "== wrk -t2 -c32 -d${WRK_SECONDS}s --latency $LIST"
wrk -t2 -c32 -d"${WRK_SECONDS}s" --latency "$LIST" | grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'
echo "== wrk -t2 -c32 -d${WRK_SECONDS}s --latency -s bench/api_mix.lua (20 pages, filters, sorts, sizes)"
API_PREFIX=/hauts-de-france/api/v1/showcases wrk -t2 -c32 -d"${WRK_SECONDS}s" --latency -s "$ROOT/bench/api_mix.lua" "$BASE" | grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'
ETAG=$(curl -s -D - -o /dev/null "$LIST" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
echo "== wrk -t2 -c32 -d${WRK_SECONDS}s --latency -H 'If-None-Match: $ETAG' $LIST (304)"
wrk -t2 -c32 -d"${WRK_SECONDS}s" --latency -H "If-None-Match: $ETAG" "$LIST" | grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
