#!/usr/bin/env bash
# A rush on registrations: publishes the site in Release, runs it on 127.0.0.1 with a fresh data folder, creates in
# hauts-de-france one event of CAPACITY seats with WORKSHOPS workshops of WORKSHOP_CAPACITY seats whose registration is
# open (command line `events-bench seed`, while the site is stopped), then COUNT different guests register from
# CONCURRENCY concurrent clients, each choosing two workshops (bench/events/RegistrationRush), and REPLAYS of them submit
# again. Checks in the tenant database (sqlite3) that exactly CAPACITY are confirmed and the rest waitlisted in the
# order their requests completed, that no registration was lost or duplicated, and that no workshop counter went above
# its capacity; prints the throughput and the latency percentiles of the registration POST. The load comes from
# bench/events/RegistrationRush (built here in Release): kept-alive connections, as a browser's.
# Usage: bench/events.sh [count (2000)]   Environment: PORT (5098), MAX_SECONDS (1800), CONCURRENCY (100),
#   CAPACITY (500), WORKSHOPS (5), WORKSHOP_CAPACITY (40), REPLAYS (100), SPREAD (0: each client posts again as soon
#   as answered; N: the POSTs start at random instants of the same N seconds), PUBLISH (a folder kept between runs),
#   WARMUP (4000: registrations to a second event first, not measured; 0: none),
#   PERF (a file: CPU samples of the site during the rush, recorded with perf)
# Everything it starts is stopped by PID on exit; the whole run is bounded by MAX_SECONDS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COUNT="${1:-2000}"
PORT="${PORT:-5098}"
MAX_SECONDS="${MAX_SECONDS:-1800}"
CONCURRENCY="${CONCURRENCY:-100}"
CAPACITY="${CAPACITY:-500}"
WORKSHOPS="${WORKSHOPS:-5}"
WORKSHOP_CAPACITY="${WORKSHOP_CAPACITY:-40}"
REPLAYS="${REPLAYS:-100}"
SPREAD="${SPREAD:-0}"
WARMUP="${WARMUP:-4000}"
TENANT=hauts-de-france
WORK="$(mktemp -d /tmp/reseau-bench-events.XXXXXX)"
# shellcheck source=bench/site.sh
source "$ROOT/bench/site.sh"
require_tools dotnet curl python3 sqlite3
# perf names the JIT-compiled methods from the map the runtime then writes (/tmp/perf-PID.map), which it can only do
# for code that is not double-mapped (W^X off).
[ -z "${PERF:-}" ] || export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
# Verification mails go to the pickup folder (appsettings.json's transport, no SMTP server needed).

[ -f "$PUBLISH/Network.Web.dll" ] || publish_site
log "building the load client bench/events/RegistrationRush (Release)"
dotnet build "$ROOT/bench/events/RegistrationRush/RegistrationRush.csproj" -c Release -v quiet -nologo >"$WORK/rush-build.log" 2>&1 \
  || { tail -30 "$WORK/rush-build.log" >&2; exit 1; }
RUSH="$ROOT/bench/events/RegistrationRush/bin/Release/net10.0/RegistrationRush.dll"
# The client compiles its code fully at first use and does not spin idle threads: tiered recompilation and spinning took
# most of its CPU (0.8 ms a request against 0.16), CPU the site it measures then lacked.
RUSH_ENV=(DOTNET_TieredCompilation=0 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0)

log "first start (creates the hub and the two regions), then stop"
start_server
curl -s -o /dev/null "$BASE/$TENANT/"
stop_server

log "creating one event of $CAPACITY seats and $WORKSHOPS workshops of $WORKSHOP_CAPACITY through the command line"
(cd "$PUBLISH" && timeout 300 dotnet Network.Web.dll events-bench seed --tenant "$TENANT" --capacity "$CAPACITY" \
  --workshops "$WORKSHOPS" --workshop-capacity "$WORKSHOP_CAPACITY") >"$WORK/seed.tsv"
IFS=$'\t' read -r EVENT_ID SLUG KEYS <"$WORK/seed.tsv"
[ -n "$SLUG" ] || { log "the seed printed nothing"; exit 1; }
if [ "$WARMUP" -gt 0 ]; then
  (cd "$PUBLISH" && timeout 300 dotnet Network.Web.dll events-bench seed --tenant "$TENANT" --capacity "$CAPACITY" \
    --workshops "$WORKSHOPS" --workshop-capacity "$WORKSHOP_CAPACITY") >"$WORK/warmup.tsv"
  IFS=$'\t' read -r _ WARMUP_SLUG WARMUP_KEYS <"$WORK/warmup.tsv"
fi

start_server
curl -s -o /dev/null "$BASE/$TENANT/evenements/$SLUG"
curl -s -o /dev/null "$BASE/$TENANT/evenements/$SLUG/inscription"
if [ "$WARMUP" -gt 0 ]; then
  # A site that takes registrations has run these pages many times: a first rush on another event lets the runtime
  # compile them fully (tiered compilation runs new code unoptimised at first) before the one measured.
  log "warm-up: $WARMUP registrations to another event (not measured)"
  SERVER_PID="$SERVER_PID" env "${RUSH_ENV[@]}" dotnet "$RUSH" "$BASE" "$TENANT" "$WARMUP_SLUG" "$WARMUP_KEYS" "$WARMUP" "$CONCURRENCY" 0 "$WORK/warmup-attempts.tsv" 0 \
    | sed 's/^/  warm-up: /' >&2
  # The warm-up's mails are delivered before the measured rush starts (the mail worker gives way to a busy site, so
  # they would otherwise go out during it): each rush is measured from an empty outbox.
  for _ in $(seq 120); do
    [ "$(sqlite3 -readonly "$DATA/host.db" 'SELECT COUNT(*) FROM "OutboxMessages" WHERE "SentUtc" IS NULL;')" = 0 ] && break
    sleep 0.5
  done
  log "warm-up: mails still waiting before the measured rush: $(sqlite3 -readonly "$DATA/host.db" 'SELECT COUNT(*) FROM "OutboxMessages" WHERE "SentUtc" IS NULL;')"
  # The runtime recompiles hot methods optimised in the background, and starts counting their calls only once no new
  # method has been compiled for 100 ms: a warm-up of 2,000 left the site still promoting methods during the measured
  # rush (a quarter of its CPU). 4,000 and an idle moment let those compilations finish first.
  sleep 2
fi
status=0
cpu_before=$(server_cpu_ms)
PERF_PID=""
if [ -n "${PERF:-}" ]; then
  # CPU samples of the site during the whole rush (forms, POSTs, replays), with the JIT's symbols (perf-PID.map):
  # read them with `perf report -i $PERF --no-children --sort symbol` (or --children for inclusive figures).
  command -v perf >/dev/null || { log "PERF needs perf (apt-get install linux-perf)"; exit 1; }
  perf record -F 997 -g -p "$SERVER_PID" -o "$PERF" >"$WORK/perf.log" 2>&1 &
  PERF_PID=$!
  sleep 1
fi
SERVER_PID="$SERVER_PID" HOST_DB="$DATA/host.db" env "${RUSH_ENV[@]}" dotnet "$RUSH" "$BASE" "$TENANT" "$SLUG" "$KEYS" "$COUNT" "$CONCURRENCY" "$REPLAYS" "$WORK/attempts.tsv" "$SPREAD" || status=$?
if [ -n "$PERF_PID" ]; then kill -INT "$PERF_PID" 2>/dev/null || true; wait "$PERF_PID" 2>/dev/null || true; log "CPU samples written to $PERF"; fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "site CPU time during the rush (forms, registrations, replays): $(( $(server_cpu_ms) - cpu_before )) ms"
stop_server

TENANT_DB="$DATA/tenants/$TENANT/tenant.db"
q() { sqlite3 "$TENANT_DB" "$1"; }
rows=$(q "SELECT COUNT(*) FROM EventRegistrations WHERE EventId=$EVENT_ID;")
distinct=$(q "SELECT COUNT(DISTINCT NormalizedEmail) FROM EventRegistrations WHERE EventId=$EVENT_ID;")
confirmed=$(q "SELECT COUNT(*) FROM EventRegistrations WHERE EventId=$EVENT_ID AND Status='Confirmed';")
waitlisted=$(q "SELECT COUNT(*) FROM EventRegistrations WHERE EventId=$EVENT_ID AND Status='Waitlisted';")
counter=$(q "SELECT Taken FROM EventSeatCounters WHERE EventId=$EVENT_ID AND SessionKey='';")
no_place=$(q "SELECT COUNT(*) FROM EventRegistrations WHERE EventId=$EVENT_ID AND Status='Waitlisted' AND WaitlistedUtc IS NULL;")
echo "registrations: $rows rows for $COUNT guests ($distinct distinct addresses); confirmed $confirmed (event counter $counter); waitlisted $waitlisted ($no_place without a place in line)"
[ "$rows" -eq "$COUNT" ] && [ "$distinct" -eq "$COUNT" ] && [ "$confirmed" -eq "$CAPACITY" ] && [ "$counter" -eq "$CAPACITY" ] \
  && [ "$waitlisted" -eq $((COUNT - CAPACITY)) ] && [ "$no_place" -eq 0 ] || { log "the registrations do not add up"; status=1; }

echo "workshops (key: counter, confirmed choices, waitlisted choices, confirmed choices of people waiting for the event):"
IFS=',' read -r -a keys <<<"$KEYS"
for key in "${keys[@]}"; do
  taken=$(q "SELECT Taken FROM EventSeatCounters WHERE EventId=$EVENT_ID AND SessionKey='$key';")
  held=$(q "SELECT COUNT(*) FROM EventWorkshopChoices WHERE EventId=$EVENT_ID AND SessionKey='$key' AND Status='Confirmed';")
  waiting=$(q "SELECT COUNT(*) FROM EventWorkshopChoices WHERE EventId=$EVENT_ID AND SessionKey='$key' AND Status='Waitlisted';")
  wrong=$(q "SELECT COUNT(*) FROM EventWorkshopChoices c JOIN EventRegistrations r ON r.Id=c.RegistrationId WHERE c.EventId=$EVENT_ID AND c.SessionKey='$key' AND c.Status='Confirmed' AND r.Status<>'Confirmed';")
  echo "  $key: $taken, $held, $waiting, $wrong"
  [ "${taken:-0}" -le "$WORKSHOP_CAPACITY" ] && [ "${taken:-0}" -eq "$held" ] && [ "$wrong" -eq 0 ] || { log "workshop $key does not add up"; status=1; }
done

# The waitlist's order against the order in which the requests completed, and no choice lost.
python3 "$ROOT/bench/events_register.py" --check "$TENANT_DB" "$EVENT_ID" "$WORK/attempts.tsv" "$CAPACITY" "$CONCURRENCY" || status=1
# The site's log goes with the temporary folder: show what it said when something went wrong.
[ "$status" -eq 0 ] || { log "the site's log (warnings and errors):"; tail -40 "$WORK/server.log" >&2; }
exit "$status"
