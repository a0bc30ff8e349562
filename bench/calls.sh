#!/usr/bin/env bash
# Submission at the deadline: publishes the site in Release, runs it on 127.0.0.1 with a fresh data folder, creates in
# hauts-de-france one open call and COUNT applicant accounts each with a complete draft (command line `calls-bench
# seed`, while the site is stopped), then the applicants sign in and all submit within the same SPREAD seconds
# (bench/calls_submit.py). Checks in the tenant and host databases that every application was submitted exactly once
# with its own reference, and that one receipt per applicant was queued; prints the submission latency percentiles.
# Usage: bench/calls.sh [count (300)]   Environment: PORT (5097), MAX_SECONDS (1800), CONCURRENCY (32), SPREAD (30)
# Everything it starts is stopped by PID on exit; the whole run is bounded by MAX_SECONDS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COUNT="${1:-300}"
PORT="${PORT:-5097}"
MAX_SECONDS="${MAX_SECONDS:-1800}"
CONCURRENCY="${CONCURRENCY:-32}"
SPREAD="${SPREAD:-30}"
PASSWORD="Banc-d-essai-candidat-42"
WORK="$(mktemp -d /tmp/reseau-bench-calls.XXXXXX)"
# shellcheck source=bench/site.sh
source "$ROOT/bench/site.sh"
require_tools dotnet curl python3 sqlite3
# The applicants all sign in from 127.0.0.1: the sign-in rate limit is for the real world.
export Accounts__RateLimits__SignIn__PermitLimit=100000
# Receipts go to the pickup folder (appsettings.json's transport, no SMTP server needed); the count checked is the outbox's.

[ -f "$PUBLISH/Network.Web.dll" ] || publish_site

log "first start (creates the hub and the two regions), then stop"
start_server
curl -s -o /dev/null "$BASE/hauts-de-france/"
stop_server

log "creating one open call and $COUNT applicants with complete drafts through the command line"
(cd "$PUBLISH" && timeout 1200 dotnet Network.Web.dll calls-bench seed --tenant hauts-de-france --count "$COUNT" --password "$PASSWORD") >"$WORK/seed.tsv"
[ "$(wc -l <"$WORK/seed.tsv")" -eq "$COUNT" ] || { log "the seed wrote $(wc -l <"$WORK/seed.tsv") lines"; exit 1; }

start_server
# Warm-up: JIT and views of the pages the applicants use.
curl -s -o /dev/null "$BASE/hauts-de-france/compte/connexion"
status=0
python3 "$ROOT/bench/calls_submit.py" "$BASE" hauts-de-france "$WORK/seed.tsv" "$PASSWORD" "$CONCURRENCY" "$SPREAD" || status=$?
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

TENANT_DB="$DATA/tenants/hauts-de-france/tenant.db"
HOST_DB="$DATA/host.db"
# The bench's call (the sample regions' own calls have submitted applications too): the call of the first seeded draft.
CALL_ID=$(sqlite3 "$TENANT_DB" "SELECT CallId FROM CallApplications WHERE Id=$(head -1 "$WORK/seed.tsv" | cut -f2);")
submitted=$(sqlite3 "$TENANT_DB" "SELECT COUNT(*) FROM CallApplications WHERE CallId=$CALL_ID AND Status='Submitted';")
references=$(sqlite3 "$TENANT_DB" "SELECT COUNT(DISTINCT Reference) FROM CallApplications WHERE CallId=$CALL_ID AND Reference IS NOT NULL;")
audits=$(sqlite3 "$TENANT_DB" "SELECT COUNT(*) FROM CallAuditEntries WHERE CallId=$CALL_ID AND Action='submitted';")
last=$(sqlite3 "$TENANT_DB" "SELECT LastReferenceNumber FROM CallRounds WHERE CallId=$CALL_ID;")
receipts=$(sqlite3 "$HOST_DB" "SELECT COUNT(*), COUNT(DISTINCT \"To\") FROM OutboxMessages WHERE Subject LIKE 'Accusé de réception%';")
echo "submitted applications: $submitted / $COUNT; distinct references: $references; round counter: $last; audit entries: $audits"
echo "receipts queued (messages, distinct recipients): $receipts"
[ "$submitted" -eq "$COUNT" ] && [ "$references" -eq "$COUNT" ] && [ "$audits" -eq "$COUNT" ] && [ "$last" -eq "$COUNT" ] \
  && [ "$receipts" = "$COUNT|$COUNT" ] || { log "the submissions or receipts do not add up"; status=1; }
exit "$status"
