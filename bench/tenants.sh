#!/usr/bin/env bash
# Tenant benchmark: publishes the site in Release, runs it on 127.0.0.1 with a fresh data folder, creates
# N region tenants from the "region" recipe through the command line, then measures
#   - creation time (total, and per tenant: the whole CLI process and TenantManager.CreateAsync alone),
#   - first-request activation time per tenant after a restart (median and p95),
#   - steady memory per idle tenant (working set from /proc, managed heap from /health),
#   - requests/s on a region home page with wrk (2 threads, 32 connections, 20 s).
# Usage: bench/tenants.sh [tenants (100)]     Environment: PORT (5099), MAX_SECONDS (2400), WRK_SECONDS (20)
# Everything it starts is stopped by PID on exit; the whole run is bounded by MAX_SECONDS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TENANTS="${1:-100}"
PORT="${PORT:-5099}"
MAX_SECONDS="${MAX_SECONDS:-2400}"
WRK_SECONDS="${WRK_SECONDS:-20}"
WORK="$(mktemp -d /tmp/reseau-bench.XXXXXX)"
# shellcheck source=bench/site.sh
source "$ROOT/bench/site.sh"
require_tools dotnet curl wrk

now_ms() { date +%s%3N; }

# Values of a JSON field in /health's "memory" object (no jq needed).
health_memory() { curl -s "$BASE/health" | grep -o "\"$1\":[0-9]*" | head -1 | cut -d: -f2; }
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status"; }

# Median and p95 of the numbers in a file (one per line), nearest-rank.
percentiles() {
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    p50 = int((NR + 1) / 2); p95 = int(NR * 0.95 + 0.999); if (p95 > NR) p95 = NR; if (p95 < 1) p95 = 1;
    printf "%s %s %s %s\n", v[p50], v[p95], v[1], v[NR] }'
}

publish_site

log "first start (creates the hub and the two regions of appsettings.json)"
start_server

log "creating $TENANTS region tenants through the command line, beside the running site"
: >"$WORK/create-process.txt"; : >"$WORK/create-manager.txt"
created_start=$(now_ms)
for i in $(seq 1 "$TENANTS"); do
  name=$(printf 'bench-%03d' "$i")
  t0=$(now_ms)
  out=$(cd "$PUBLISH" && timeout 120 dotnet Network.Web.dll tenants create --name "$name" --display-name "Région $i" --recipe region 2>&1) \
    || { log "creating $name failed: $out"; exit 1; }
  echo $(( $(now_ms) - t0 )) >>"$WORK/create-process.txt"
  echo "$out" | grep -o 'en [0-9]* ms' | grep -o '[0-9]*' >>"$WORK/create-manager.txt"
done
created_total=$(( $(now_ms) - created_start ))

# The live site picks CLI changes up from the registry (TenantRegistryWatcher, every 2 s): check the last one answers.
last=$(printf 'bench-%03d' "$TENANTS"); seen_start=$(now_ms); seen_live="not within 10 s"
for _ in $(seq 1 100); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/$last/")" = 200 ]; then seen_live="yes, $(( $(now_ms) - seen_start )) ms after its creation"; break; fi
  sleep 0.1
done

log "restarting the site: every tenant is now idle and not yet activated"
stop_server
start_server
# Warm the request pipeline and the home page view on the hub and one initial region, so what follows
# measures what one more tenant costs, not the first page compilation of the process.
for path in / /hauts-de-france/ /nouvelle-aquitaine/; do curl -s -o /dev/null "$BASE$path"; done
sleep 3
rss_before=$(rss_kb); heap_before=$(health_memory heapAfterLastGcBytes); managed_before=$(health_memory managedHeapBytes)

log "first request to each of the $TENANTS tenants"
: >"$WORK/activation.txt"
for i in $(seq 1 "$TENANTS"); do
  name=$(printf 'bench-%03d' "$i")
  result=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$BASE/$name/")
  [ "${result%% *}" = 200 ] || { log "GET /$name/ answered ${result%% *}"; exit 1; }
  awk -v s="${result#* }" 'BEGIN { printf "%.1f\n", s * 1000 }' >>"$WORK/activation.txt"
done
# Second requests, for comparison: an already active tenant.
: >"$WORK/second.txt"
for i in $(seq 1 "$TENANTS"); do
  curl -s -o /dev/null -w '%{time_total}\n' "$BASE/$(printf 'bench-%03d' "$i")/" | awk '{ printf "%.1f\n", $1 * 1000 }' >>"$WORK/second.txt"
done
sleep 5
rss_after=$(rss_kb); heap_after=$(health_memory heapAfterLastGcBytes); managed_after=$(health_memory managedHeapBytes)
active=$(curl -s "$BASE/health" | grep -o '"activeTenants":[0-9]*' | cut -d: -f2)

log "wrk -t2 -c32 -d${WRK_SECONDS}s on /bench-001/"
curl -s -o /dev/null "$BASE/bench-001/"
wrk -t2 -c32 -d"${WRK_SECONDS}s" --latency "$BASE/bench-001/" >"$WORK/wrk.txt" 2>&1 || { cat "$WORK/wrk.txt" >&2; exit 1; }
rps=$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk.txt")
non2xx=$(awk '/Non-2xx/ { print $NF }' "$WORK/wrk.txt")
latency=$(awk '/^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } END { print p50 " / " p99 }' "$WORK/wrk.txt")
rss_wrk=$(rss_kb)

read -r c_p50 c_p95 c_min c_max < <(percentiles "$WORK/create-process.txt")
read -r m_p50 m_p95 m_min m_max < <(percentiles "$WORK/create-manager.txt")
read -r a_p50 a_p95 a_min a_max < <(percentiles "$WORK/activation.txt")
read -r s_p50 s_p95 _ _ < <(percentiles "$WORK/second.txt")
per_tenant() { awk -v a="$1" -v b="$2" -v n="$TENANTS" -v unit="$3" 'BEGIN { printf "%.2f MB", (b - a) / n / unit }'; }
pass() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == "<") ? (v < t) : (v >= t); print ok ? "met" : "MISSED" }'; }

cat <<EOF

Réseau tenant benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/model name/ { $1 = $2 = $3 = ""; print; exit }' /proc/cpuinfo | sed 's/^ *//'), .NET $(dotnet --version)
Tenants created                     : $TENANTS (region recipe, via 'dotnet Network.Web.dll tenants create' beside the running site)
Creation, total                     : $(awk -v t="$created_total" 'BEGIN { printf "%.1f s", t / 1000 }')
Creation per tenant, CLI process    : median ${c_p50} ms, p95 ${c_p95} ms (process start + host start-up + creation)
Creation per tenant, CreateAsync    : median ${m_p50} ms, p95 ${m_p95} ms (min ${m_min}, max ${m_max})
Live site serves the last one       : $seen_live
First request after restart         : median ${a_p50} ms, p95 ${a_p95} ms (min ${a_min}, max ${a_max})   target p95 < 50 ms: $(pass "$a_p95" 50 '<')
Second request (already active)     : median ${s_p50} ms, p95 ${s_p95} ms
Active tenants after the first pass : $active
Working set before / after          : $((rss_before / 1024)) MB / $((rss_after / 1024)) MB -> $(per_tenant "$rss_before" "$rss_after" 1024) per idle tenant   target < 2 MB: $(pass "$(awk -v a="$rss_before" -v b="$rss_after" -v n="$TENANTS" 'BEGIN { print (b - a) / n / 1024 }')" 2 '<')
Managed heap after last GC          : $((heap_before / 1048576)) MB / $((heap_after / 1048576)) MB -> $(per_tenant "$heap_before" "$heap_after" 1048576) per idle tenant
Managed heap (GC.GetTotalMemory)    : $((managed_before / 1048576)) MB / $((managed_after / 1048576)) MB -> $(per_tenant "$managed_before" "$managed_after" 1048576) per idle tenant
Region home, wrk -t2 -c32 -d${WRK_SECONDS}s    : ${rps} req/s, latency p50 / p99 ${latency}, non-2xx: ${non2xx:-0}   target >= 5000: $(pass "$rps" 5000 '>=')
Working set after wrk               : $((rss_wrk / 1024)) MB
EOF
