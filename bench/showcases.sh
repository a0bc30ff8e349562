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
WORK="$(mktemp -d /tmp/reseau-bench-showcases.XXXXXX)"
# shellcheck source=bench/site.sh
source "$ROOT/bench/site.sh"
require_tools dotnet curl wrk python3

[ -f "$PUBLISH/Network.Web.dll" ] || publish_site

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
