#!/usr/bin/env bash
# The two commands of the README:
#   ./build.sh run    set up what is missing, then run the site on http://localhost:5000
#   ./build.sh test   set up what is missing, then run the whole test suite
# Both are idempotent: a second run only checks that everything is there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

APT_PACKAGES=(libvips42 libstemmer0d chromium python3-aiosmtpd python3-fonttools python3-brotli sqlite3 wrk)
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Playwright drives Debian's Chromium; it must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PLAYWRIGHT_BROWSERS_PATH=0

log() { printf '\033[1m[build]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

install_system_packages() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if ! command -v dotnet >/dev/null 2>&1; then
    log "the .NET 10 SDK is required (dotnet on PATH); it is not installable from Debian's archive"
    exit 1
  fi
}

install_front_end_packages() {
  # npm ci only when node_modules is missing or older than the lock file.
  [ -f package-lock.json ] || return 0
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "restoring npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

build_solution() {
  local configuration="$1"
  log "restoring and building ($configuration)"
  dotnet restore Network.sln --nologo -v quiet
  dotnet build Network.sln --nologo --no-restore -c "$configuration" -v quiet -clp:ErrorsOnly
}

setup() {
  install_system_packages
  install_front_end_packages
  build_solution "$1"
}

run_site() {
  setup Debug
  export Network__DataPath="${Network__DataPath:-$ROOT/App_Data}"
  log "data folder: $Network__DataPath (mail pickup: $Network__DataPath/mail)"
  log "site: http://localhost:5000  (hub /, regions /hauts-de-france/ and /nouvelle-aquitaine/)"
  # libvips threads would each keep a glibc malloc arena: two arenas keep image uploads near 130 MB instead of 200 (bench/README.md).
  export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
  exec dotnet run --project src/Network.Web --no-build --no-launch-profile -- --urls "${URLS:-http://localhost:5000}" --environment "${ASPNETCORE_ENVIRONMENT:-Development}"
}

run_tests() {
  setup Debug
  local results="$ROOT/artifacts/test-results"
  rm -rf "$results"
  mkdir -p "$results"
  local status=0
  # A test that stops making progress is named and its run ended after 8 minutes, instead of the whole session timing out.
  dotnet test Network.sln --nologo --no-build -c Debug --logger "trx" --results-directory "$results" \
    --blame-hang-timeout 8m --blame-hang-dump-type none \
    -- RunConfiguration.TestSessionTimeout=1500000 2>&1 | tee "$results/output.log" || status=$?
  # One closing line for the whole suite, summed over the test assemblies.
  python3 - "$results" <<'PY' || status=1
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY
  return $status
}

case "${1:-}" in
  run) run_site ;;
  test) run_tests ;;
  *) echo "usage: ./build.sh run | ./build.sh test" >&2; exit 2 ;;
esac
