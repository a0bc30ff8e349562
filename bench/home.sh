#!/usr/bin/env bash
# Home page benchmark: publishes the site in Release, runs it on 127.0.0.1 with a fresh data folder and the sample
# content (the recipes compose both region homes and the hub's home: hero with its image, featured and latest
# showcases, key figures, latest practices, free text; the hub adds the regions), then measures
#   - requests/s and latency of a composed region home with wrk (2 threads, 32 connections),
#   - the first-load weight of the region home and of the hub home in Debian's Chromium (requests and bytes).
# Usage: bench/home.sh     Environment: PORT (5099), MAX_SECONDS (1200), WRK_SECONDS (20)
# Everything it starts is stopped by PID on exit; the whole run is bounded by MAX_SECONDS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-5099}"
MAX_SECONDS="${MAX_SECONDS:-1200}"
WRK_SECONDS="${WRK_SECONDS:-20}"
WORK="$(mktemp -d /tmp/reseau-bench-home.XXXXXX)"
# shellcheck source=bench/site.sh
source "$ROOT/bench/site.sh"
require_tools dotnet curl wrk python3

[ -f "$PUBLISH/Network.Web.dll" ] || publish_site

log "start (creates the hub and the two regions with their sample content and composed homes)"
start_server
REGION="$BASE/hauts-de-france/"
HUB="$BASE/"
log "region home HTML: $(curl -s -o /dev/null -w '%{size_download}' "$REGION") bytes ($(curl -s --compressed -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$REGION") compressed); blocks: $(curl -s "$REGION" | grep -o 'aria-labelledby="accueil-[a-z0-9-]*"' | cut -d'"' -f2 | tr '\n' ' ')"

# Warm-up: JIT, views, the cached layout, lists and key figures.
wrk -t2 -c8 -d5s "$REGION" >/dev/null; wrk -t2 -c8 -d3s "$HUB" >/dev/null

for target in "$REGION" "$HUB"; do
  echo "== wrk -t2 -c32 -d${WRK_SECONDS}s --latency $target"
  wrk -t2 -c32 -d"${WRK_SECONDS}s" --latency "$target" | grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== first-load page weight (Chromium, fresh profile, 1280x900)"
python3 "$ROOT/bench/page_weight.py" "$REGION" "$HUB"
