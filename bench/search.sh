#!/usr/bin/env bash
# Search benchmark: builds bench/search/SearchBench in Release, generates the French corpus and the query file into
# bench/search/data/ when absent (fixed seeds, so the files are always the same), then indexes the corpus through the
# engine's real rebuild path (BeginRebuild, AddAsync, CompleteAsync: what `search rebuild` runs; THROUGH=apply for
# ApplyAsync batches) into a fresh temporary folder and runs every query once through Search (top 10, total and
# facet counts), single-threaded after a warm-up. Prints indexing docs/s and MB/s, index size, queries/s,
# p50/p95/p99/max latency, zero-result queries and the process's peak memory.
# Usage: bench/search.sh [--json]
# Environment: DOCS (100000), QUERIES (1000), SEED (42), QUERY_SEED (7), THROUGH (rebuild | apply),
#              BATCH (the site's: 500 for a rebuild, 1000 for ApplyAsync), WARMUP (200), MAX_SECONDS (1800),
#              CORPUS / QUERY_FILE (other JSON-lines files to measure instead of the generated ones)
# Nothing runs in the background; the index folder is deleted on exit; the run is bounded by MAX_SECONDS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCS="${DOCS:-100000}"
QUERIES="${QUERIES:-1000}"
SEED="${SEED:-42}"
QUERY_SEED="${QUERY_SEED:-7}"
THROUGH="${THROUGH:-rebuild}"
BATCH="${BATCH:-}"
WARMUP="${WARMUP:-200}"
MAX_SECONDS="${MAX_SECONDS:-1800}"
DATA="$ROOT/bench/search/data"
CORPUS="${CORPUS:-$DATA/corpus-$DOCS-$SEED.jsonl}"
QUERY_FILE="${QUERY_FILE:-$DATA/queries-$QUERIES-$QUERY_SEED.jsonl}"
WORK="$(mktemp -d /tmp/reseau-bench-search.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
trap 'echo "[bench] interrupted" >&2; exit 130' INT TERM

log() { printf '[bench] %s\n' "$*" >&2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log "build bench/search/SearchBench (Release)"
dotnet build "$ROOT/bench/search/SearchBench/SearchBench.csproj" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 \
  || { tail -30 "$WORK/build.log" >&2; exit 1; }
BENCH="$ROOT/bench/search/SearchBench/bin/Release/net10.0/SearchBench.dll"

mkdir -p "$DATA"
if [ ! -s "$CORPUS" ]; then
  log "generate $DOCS documents (seed $SEED) into $CORPUS"
  dotnet "$BENCH" generate --docs "$DOCS" --seed "$SEED" --out "$CORPUS.tmp" && mv "$CORPUS.tmp" "$CORPUS"
fi
if [ ! -s "$QUERY_FILE" ]; then
  log "generate $QUERIES queries (seed $QUERY_SEED) into $QUERY_FILE"
  dotnet "$BENCH" queries --count "$QUERIES" --seed "$QUERY_SEED" --out "$QUERY_FILE.tmp" && mv "$QUERY_FILE.tmp" "$QUERY_FILE"
fi

ENGINE="$(git -C "$ROOT" log -1 --format=%h -- src/Network.Modules/Network.Modules.Search src/Network.Core/Search 2>/dev/null || echo unknown)"
log "HEAD $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown), engine last changed in $ENGINE, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
log "run: index $(du -h "$CORPUS" | cut -f1) of JSON lines through $THROUGH${BATCH:+ in batches of $BATCH}, then $WARMUP warm-up and $(wc -l <"$QUERY_FILE") measured queries"
timeout --signal=TERM --kill-after=10 "$MAX_SECONDS" \
  dotnet "$BENCH" run --corpus "$CORPUS" --queries "$QUERY_FILE" --index-folder "$WORK/index" --through "$THROUGH" ${BATCH:+--batch "$BATCH"} --warmup "$WARMUP" "$@"
