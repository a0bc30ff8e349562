#!/usr/bin/env bash
# Open data export benchmark: publishes the site in Release, runs it on 127.0.0.1 with a fresh data folder, creates
# COUNT published showcases shared with the network in hauts-de-france through the command line, lets the hub copy
# them, restarts the site, then downloads the hub's /donnees/projets.csv and /donnees/projets.json and reports for each
# the time, the bytes and the server's peak resident memory (VmHWM) before and after. Last, it opens the hub's
# /projets list (which loads every showcase into ContentListCache) to show what the export avoids.
# Usage: bench/opendata.sh [count (20000)]     Environment: PORT (5099), MAX_SECONDS (3000), START_SECONDS (60),
#   PUBLISH (reuse a publish folder), SEEDED_DATA (a data folder a former run seeded and copied: skips the seeding, which
#   takes 2 to 20 minutes for 20,000 showcases depending on the machine's load)
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

rss() { awk -v key="$1:" '$1 == key { print $2 / 1024 }' "/proc/$SERVER_PID/status"; }
start_server
# A page of the module and the catalog page: JIT and the dataset states, without loading any list.
curl -s -o /dev/null "$BASE/donnees"
curl -s -o /dev/null "$BASE/donnees/projets"
printf '== %s showcases shared by hauts-de-france, hub /donnees/projets, load average %s\n' "$COUNT" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'seeding (or copying the seeded data): %.1f s; hub copy: %.1f s\n' "$(echo "$SEED_END - $SEED_START" | bc)" "$(echo "$COPY_END - $COPY_START" | bc)"
printf 'after start-up: VmRSS %.1f MB (RssAnon %.1f MB: heaps; RssFile %.1f MB: mapped code), VmHWM %.1f MB\n' \
  "$(rss VmRSS)" "$(rss RssAnon)" "$(rss RssFile)" "$(rss VmHWM)"
for format in csv json; do
  for run in 1 2; do
    result=$(curl -s -o "$WORK/projets.$format" -w '%{http_code} %{time_total} %{size_download} %{time_starttransfer}' "$BASE/donnees/projets.$format")
    read -r code seconds bytes first <<<"$result"
    [ "$code" = 200 ] || { log "$format answered $code"; exit 1; }
    printf '%-4s run %s: %6.2f s (first byte %.3f s), %s bytes, %s lines; VmRSS %.1f MB, VmHWM %.1f MB\n' \
      "$format" "$run" "$seconds" "$first" "$bytes" "$(wc -l <"$WORK/projets.$format")" "$(rss VmRSS)" "$(rss VmHWM)"
  done
done
python3 -c "import json,sys; print('json rows:', len(json.load(open(sys.argv[1]))))" "$WORK/projets.json"
curl -s -o /dev/null "$BASE/projets"
printf 'after the hub list /projets (every showcase in ContentListCache): VmRSS %.1f MB, VmHWM %.1f MB\n' "$(rss VmRSS)" "$(rss VmHWM)"
result=$(curl -s -o /dev/null -w '%{time_total} %{size_download}' "$BASE/donnees/projets.csv")
printf 'csv once the list is cached: %s s, %s bytes; VmRSS %.1f MB, VmHWM %.1f MB\n' ${result} "$(rss VmRSS)" "$(rss VmHWM)"
