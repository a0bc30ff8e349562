#!/usr/bin/env bash
# Weekly digest benchmark: publishes the site in Release, runs it on 127.0.0.1 with a fresh data folder and the sample
# content (the hub and two regions), creates 11 more regions through the command line (13 regions in all), then seeds
# MEMBERS generated members following 1 to 4 random topics of every tenant (region, domain, technology; 85 % weekly,
# 5 % immediate, 10 % none) and moves 6 published showcases or practices of each tenant into last week
# ('follows-bench seed'), and finally runs one digest build ('follows-bench digest', a second process beside the live
# site, as a node's job would) while wrk measures a region home page. Reports: members mailed, entries read, the build's
# time and peak working set, the outbox backlog, and the home page's latency during the build (target: p99 < 50 ms).
# Usage: bench/digest.sh [members (50000)]     Environment: PORT (5099), MAX_SECONDS (3600)
# Everything it starts is stopped by PID on exit; the whole run is bounded by MAX_SECONDS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MEMBERS="${1:-50000}"
PORT="${PORT:-5099}"
MAX_SECONDS="${MAX_SECONDS:-3600}"
export START_SECONDS="${START_SECONDS:-300}"
WORK="$(mktemp -d /tmp/reseau-bench-digest.XXXXXX)"
# shellcheck source=bench/site.sh
source "$ROOT/bench/site.sh"
require_tools dotnet curl wrk sqlite3
# The site's delivery worker would write 50,000 pickup files during the run; the digest build is what is measured.
export Mail__Transport=Pickup Follows__DigestJobEnabled=false

[ -f "$PUBLISH/Network.Web.dll" ] || publish_site
cli() { (cd "$PUBLISH" && timeout 1800 dotnet Network.Web.dll "$@"); }

log "start (the hub and the two sample regions)"
start_server
log "creating 11 more regions through the command line"
for i in $(seq 3 13); do
  cli tenants create --name "region-$i" --display-name "Région $i" --recipe region >/dev/null 2>"$WORK/create.log" \
    || { tail -5 "$WORK/create.log" >&2; exit 1; }
done
for i in $(seq 3 13); do curl -s -o /dev/null "$BASE/region-$i/"; done

log "seeding $MEMBERS members"
seed_start=$SECONDS
seeded=$(cli follows-bench seed --members "$MEMBERS" --seed 1 --backdate 6)
log "seeded (members, follows, items moved to last week): $seeded in $((SECONDS - seed_start)) s"

REGION="$BASE/hauts-de-france/"
wrk -t2 -c8 -d5s "$REGION" >/dev/null
echo "== region home alone: wrk -t2 -c8 -d10s --latency $REGION"
wrk -t2 -c8 -d10s --latency "$REGION" | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx'

log "digest build, with wrk on the region home meanwhile"
cli follows-bench digest >"$WORK/digest.out" 2>"$WORK/digest.err" &
DIGEST_PID=$!
sleep 1
echo "== region home during the digest build: wrk -t2 -c8 -d20s --latency $REGION"
wrk -t2 -c8 -d20s --latency "$REGION" | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx'
wait "$DIGEST_PID" || { tail -20 "$WORK/digest.err" >&2; exit 1; }
IFS=$'\t' read -r mailed entries seconds peak <"$WORK/digest.out"
backlog=$(sqlite3 "$DATA/host.db" "SELECT COUNT(*) FROM OutboxMessages WHERE Priority = 1 AND SentUtc IS NULL;" 2>/dev/null || echo "?")
cat <<REPORT
== digest build
Members generated                  : $MEMBERS (13 regions and the hub)
Members mailed                     : $mailed
Entries read (all tenants)         : $entries
Build time                         : $seconds s
Peak working set (digest process)  : $peak MiB
Bulk mails waiting in the outbox   : $backlog
load average                       : $(cut -d' ' -f1-3 /proc/loadavg)
REPORT
