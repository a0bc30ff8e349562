#!/usr/bin/env bash
# Open data export benchmark: publishes the site in Release, runs it on 127.0.0.1 with a fresh data folder, creates
# COUNT published showcases shared with the network in hauts-de-france through the command line, lets the hub copy
# them, restarts the site, then downloads the hub's /donnees/projets.csv and /donnees/projets.json three times each and
# reports for each the time, the bytes and the server's resident memory before, at its peak during the download
# (sampled every 5 ms) and after, with VmHWM. Last, it opens the hub's
# /projets list (which loads every showcase into ContentListCache) to show what the export avoids.
# Usage: bench/opendata.sh [count (20000)]     Environment: PORT (5099), MAX_SECONDS (3000), START_SECONDS (60),
#   PUBLISH (reuse a publish folder), SEEDED_DATA (a data folder a former run seeded and copied: skips the seeding, which
#   takes 2 to 20 minutes for 20,000 showcases depending on the machine's load), SAVE_DATA (keep a copy of the seeded
#   data folder there, for a later SEEDED_DATA)
# Everything it starts is stopped by PID on exit; the whole run is bounded by MAX_SECONDS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COUNT="${1:-20000}"
PORT="${PORT:-5099}"
MAX_SECONDS="${MAX_SECONDS:-3000}"
WORK="$(mktemp -d /tmp/reseau-bench-opendata.XXXXXX)"
# shellcheck source=bench/site.sh
source "$ROOT/bench/site.sh"
require_tools dotnet curl sqlite3

[ -f "$PUBLISH/Network.Web.dll" ] || publish_site

SEED_START=$(date +%s.%N)
if [ -n "${SEEDED_DATA:-}" ]; then
  log "copying the seeded data folder $SEEDED_DATA"
  cp -a "$SEEDED_DATA" "$DATA"
else
  log "first start (creates the hub and the two regions), then stop"
  start_server
  curl -s -o /dev/null "$BASE/hauts-de-france/"
  curl -s -o /dev/null "$BASE/"
  stop_server
  # The site learns of changes made in its own process only: seed while it is stopped.
  log "creating $COUNT published, shared showcases in hauts-de-france through the command line"
  (cd "$PUBLISH" && timeout 2400 dotnet Network.Web.dll showcases-bench seed --tenant hauts-de-france --count "$COUNT") >&2
fi
SEED_END=$(date +%s.%N)

HUB_DB="$DATA/tenants/network/tenant.db"
[ -f "$HUB_DB" ] || { log "no hub database at $HUB_DB"; exit 1; }
copies() { sqlite3 "file:$HUB_DB?mode=ro" "SELECT COUNT(*) FROM ContentItems WHERE ContentType = 'showcase' AND OriginTenant = 'hauts-de-france' AND Status = 'Published'" 2>/dev/null || echo 0; }

# The change-feed worker copies the shared items to the hub at start-up (and every 30 s).
log "starting the site: the hub copies the shared showcases"
COPY_START=$(date +%s.%N)
start_server
until [ "$(copies)" -ge "$COUNT" ]; do sleep 2; done
COPY_END=$(date +%s.%N)
# Let the other change-feed consumers (the search index above all) catch up too, so that the measured start-up below
# does no indexing: at most 15 minutes.
REGION_DB="$DATA/tenants/hauts-de-france/tenant.db"
behind() {
  local db="$1"
  sqlite3 "file:$db?mode=ro" "SELECT COUNT(*) FROM ContentChangeCursors WHERE LastChangeId < (SELECT MAX(Id) FROM ContentChanges)" 2>/dev/null || echo 1
}
for _ in $(seq 1 450); do
  [ "$(behind "$REGION_DB")" = 0 ] && [ "$(behind "$HUB_DB")" = 0 ] && break
  sleep 2
done
log "change feed: $(behind "$REGION_DB") consumer(s) behind in the region, $(behind "$HUB_DB") on the hub"
stop_server
if [ -n "${SAVE_DATA:-}" ]; then log "keeping a copy of the seeded data folder in $SAVE_DATA (for SEEDED_DATA)"; rm -rf "$SAVE_DATA"; cp -a "$DATA" "$SAVE_DATA"; fi

rss() { awk -v key="$1:" '$1 == key { print $2 / 1024 }' "/proc/$SERVER_PID/status"; }
# Resident memory by kind: anonymous (the collector's heap, native heaps), file-backed (mapped code), shared (SQLite's -shm).
kinds() { printf 'RssAnon %.1f, RssFile %.1f, RssShmem %.1f MB' "$(rss RssAnon)" "$(rss RssFile)" "$(rss RssShmem)"; }
start_server
# A page of the module and the catalog page: JIT and the dataset states, without loading any list.
curl -s -o /dev/null "$BASE/donnees"
curl -s -o /dev/null "$BASE/donnees/projets"
printf '== %s showcases shared by hauts-de-france, hub /donnees/projets, load average %s\n' "$COUNT" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'seeding (or copying the seeded data): %.1f s; hub copy: %.1f s\n' "$(echo "$SEED_END - $SEED_START" | bc)" "$(echo "$COPY_END - $COPY_START" | bc)"
printf 'after start-up: VmRSS %.1f MB (%s), VmHWM %.1f MB\n' "$(rss VmRSS)" "$(kinds)" "$(rss VmHWM)"
# The largest VmRSS seen every 5 ms while a download runs: each export's own peak (VmHWM keeps the process's highest).
sample_peak() {
  local max=0 value
  while :; do
    value=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$SERVER_PID/status" 2>/dev/null)
    [ "${value:-0}" -gt "$max" ] && max=$value
    echo "$max" >"$WORK/peak.part" && mv "$WORK/peak.part" "$WORK/peak"
    sleep 0.005
  done
}
for format in csv json; do
  for run in 1 2 3; do
    before=$(rss VmRSS)
    rm -f "$WORK/peak"
    sample_peak & SAMPLER=$!
    until [ -s "$WORK/peak" ]; do sleep 0.005; done
    result=$(curl -s -o "$WORK/projets.$format" -w '%{http_code} %{time_total} %{size_download} %{time_starttransfer}' "$BASE/donnees/projets.$format")
    kill "$SAMPLER" 2>/dev/null; wait "$SAMPLER" 2>/dev/null || true
    read -r code seconds bytes first <<<"$result"
    [ "$code" = 200 ] || { log "$format answered $code"; exit 1; }
    peak=$(awk '{ print $1 / 1024 }' "$WORK/peak")
    printf '%-4s run %s: %6.2f s (first byte %.3f s), %s bytes, %s lines; VmRSS before %.1f MB, peak during %.1f MB (%+.1f), after %.1f MB (%s); VmHWM %.1f MB\n' \
      "$format" "$run" "$seconds" "$first" "$bytes" "$(wc -l <"$WORK/projets.$format")" "$before" "$peak" "$(echo "$peak - $before" | bc)" "$(rss VmRSS)" "$(kinds)" "$(rss VmHWM)"
  done
done
python3 -c "import json,sys; print('json rows:', len(json.load(open(sys.argv[1]))))" "$WORK/projets.json"
curl -s -o /dev/null "$BASE/projets"
printf 'after the hub list /projets (every showcase in ContentListCache): VmRSS %.1f MB, VmHWM %.1f MB\n' "$(rss VmRSS)" "$(rss VmHWM)"
result=$(curl -s -o /dev/null -w '%{time_total} %{size_download}' "$BASE/donnees/projets.csv")
printf 'csv once the list is cached: %s s, %s bytes; VmRSS %.1f MB, VmHWM %.1f MB\n' ${result} "$(rss VmRSS)" "$(rss VmHWM)"
