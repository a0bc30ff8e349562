# Shared by the bench scripts that run the published site: source it after setting ROOT, PORT, MAX_SECONDS,
# WORK (a fresh temporary folder) and, optionally, PUBLISH. It sets the site's environment (fresh data folder, quiet
# logs), stops the server and removes WORK on exit, bounds the run by MAX_SECONDS, and defines log,
# start_server, stop_server and publish_site.

BASE="http://127.0.0.1:$PORT"
PUBLISH="${PUBLISH:-$WORK/publish}"
DATA="$WORK/data"
SERVER_PID=""
WATCHDOG_PID=""

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export Network__DataPath="$DATA"
export Network__AdminEmail="admin@bench.localhost"
export Network__AdminPassword="bench-admin-password-42"
export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning

log() { printf '[bench] %s\n' "$*" >&2; }

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

cleanup() {
  stop_server
  if [ -n "$WATCHDOG_PID" ]; then kill "$WATCHDOG_PID" 2>/dev/null || true; wait "$WATCHDOG_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

# The watchdog ends the run (through the TERM trap, so the server is stopped too) if it overruns.
# Its sleep is killed with it, so nothing it started outlives the run.
( trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
  sleep "$MAX_SECONDS" & sleeper=$!
  wait "$sleeper" && { log "time limit of ${MAX_SECONDS}s reached"; kill -TERM $$; } ) >/dev/null 2>&1 &
WATCHDOG_PID=$!

# Fails unless every tool named is on PATH, and when something already answers on the port.
require_tools() {
  for tool in "$@"; do command -v "$tool" >/dev/null || { log "missing $tool"; exit 1; }; done
  if curl -s -o /dev/null "$BASE/health"; then log "port $PORT is already in use"; exit 1; fi
}

start_server() {
  (cd "$PUBLISH" && exec dotnet Network.Web.dll --urls "$BASE" >>"$WORK/server.log" 2>&1) &
  SERVER_PID=$!
  # START_SECONDS (60): how long the site may take to answer (more on a loaded machine).
  for _ in $(seq 1 $((${START_SECONDS:-60} * 10))); do
    if curl -s -o /dev/null -w '%{http_code}' "$BASE/health" 2>/dev/null | grep -q 200; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { log "the server stopped:"; tail -20 "$WORK/server.log" >&2; exit 1; }
    sleep 0.1
  done
  log "the server did not answer within ${START_SECONDS:-60} s"; exit 1
}

publish_site() {
  log "publishing in Release to $PUBLISH"
  timeout 900 dotnet publish "$ROOT/src/Network.Web" -c Release -o "$PUBLISH" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
    || { tail -30 "$WORK/publish.log" >&2; exit 1; }
}
