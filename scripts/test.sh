#!/usr/bin/env bash
# The project's test command (CI runs it through .ci/run).
#
#   1. apt-get installs the Debian packages the tests need, if missing
#   2. starts a throwaway PostgreSQL cluster on a free port
#   3. restores and builds the solution
#   4. runs every test project (on SQLite and on PostgreSQL; end-to-end on SQLite, with the
#      SimpleSAMLphp test IdP of scripts/lib/simplesamlphp.sh running for its SAML logins)
#   5. stops what it started and prints the counts; the last line is `N passed, N failed`
#
# Environment knobs (all optional):
#   PORTAL_SKIP_APT=1              skip the apt-get step
#   PORTAL_TEST_FILTER=EXPR        passed to `dotnet test --filter`
#   PORTAL_TEST_VERBOSITY=LEVEL    console logger verbosity (default: normal)
#   PORTAL_TEST_HANG_TIMEOUT=T     per-test hang timeout, e.g. 10m (default), 0 to disable
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/simplesamlphp.sh
source "$ROOT/scripts/lib/simplesamlphp.sh"

APT_PACKAGES=(
  postgresql chromium fonts-dejavu-core
  simplesamlphp php-cli php-xml php-mbstring xmlsec1
  libreoffice-calc-nogui poppler-utils
)
E2E_PROJECT=tests/Portal.EndToEnd

ARTIFACTS="$ROOT/artifacts"
RESULTS="$ARTIFACTS/test-results"
LOGS="$ARTIFACTS/logs"
RUNS_FILE="$RESULTS/runs.tsv"

START_TIME=$(date +%s)
TIMINGS=()      # "label<TAB>seconds"
FAILURES=()     # human-readable reasons the run failed
PG_DIR=""
PG_BIN=""
POLICY_RC_CREATED=0

# Every process started from here inherits this marker; cleanup ends the ones still
# running (compiler server, stray test hosts, browsers) and nothing else.
export PORTAL_TEST_RUN_ID="$$.$(date +%s%N)"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off
# Reused MSBuild nodes would outlive the script.
export MSBUILDDISABLENODEREUSE=1

log()  { printf '%s\n' "$*"; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }
now()  { date +%s; }
timing() { TIMINGS+=("$1"$'\t'"$2"); log "[time] $1: ${2}s"; }

# Runs a long command so that a signal to this script is handled at once (bash
# defers traps while a foreground child runs); cleanup then ends the command.
interruptible() {
  "$@" &
  wait $!
}

# --- apt ------------------------------------------------------------------------

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

# Services pulled in by a package (simplesamlphp brings apache2) must not start:
# Debian's invoke-rc.d asks policy-rc.d, and 101 means "don't".
block_service_starts() {
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    POLICY_RC_CREATED=1
  fi
}

unblock_service_starts() {
  if (( POLICY_RC_CREATED )); then
    rm -f /usr/sbin/policy-rc.d
    POLICY_RC_CREATED=0
  fi
}

apt_fail() {
  log "---- last 40 lines of $LOGS/apt.log ----"
  tail -n 40 "$LOGS/apt.log" || true
  die "$1"
}

install_packages() {
  local start missing=() unavailable=() p
  start=$(now)
  for p in "${APT_PACKAGES[@]}"; do
    is_installed "$p" || missing+=("$p")
  done
  if (( ${#missing[@]} == 0 )); then
    log "apt: all ${#APT_PACKAGES[@]} packages already installed"
    timing apt $(( $(now) - start ))
    return
  fi

  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >> "$LOGS/apt.log" 2>&1 || apt_fail "apt-get update failed"
  for p in "${missing[@]}"; do
    [[ "$(apt-cache policy "$p" 2>/dev/null)" == *"Candidate: "[0-9]* ]] || unavailable+=("$p")
  done
  (( ${#unavailable[@]} == 0 )) || apt_fail "apt: no installable candidate for: ${unavailable[*]}"

  block_service_starts
  local rc=0
  apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" \
    >> "$LOGS/apt.log" 2>&1 || rc=$?
  unblock_service_starts
  (( rc == 0 )) || apt_fail "apt-get install failed (exit $rc)"

  for p in "${missing[@]}"; do
    is_installed "$p" || apt_fail "apt: $p is still not installed"
  done
  log "apt: installed ${missing[*]} ($(grep -c '^Setting up' "$LOGS/apt.log" || true) packages set up; log: artifacts/logs/apt.log)"
  timing apt $(( $(now) - start ))
}

# --- PostgreSQL -----------------------------------------------------------------

as_postgres() {
  # cd / so that postgres does not complain about a cwd it cannot read.
  (cd / && su postgres -c "$1")
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_postgres() {
  local start port attempt
  start=$(now)
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -x "$PG_BIN/pg_ctl" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"

  # PostgreSQL refuses to run as root: the cluster lives in a dir owned by postgres.
  PG_DIR=$(mktemp -d /tmp/portal-pg.XXXXXX)
  chown postgres:postgres "$PG_DIR"
  chmod 700 "$PG_DIR"

  # Explicit UTF8/C.UTF-8: CI may have no LANG, and initdb would pick SQL_ASCII.
  as_postgres "$PG_BIN/initdb -D $PG_DIR/data -A trust -U portal -E UTF8 --locale=C.UTF-8 --no-sync" \
    > "$LOGS/postgres-initdb.log" 2>&1 \
    || { tail -n 20 "$LOGS/postgres-initdb.log"; die "initdb failed"; }

  # Another process may grab the port between choosing and binding it: retry.
  for attempt in 1 2 3; do
    port=$(free_port)
    if as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/server.log -w -t 60 \
        -o '-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off -c max_connections=200' start" \
        >> "$LOGS/postgres-ctl.log" 2>&1; then
      export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=portal;Database=postgres"
      log "postgres: $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $PG_DIR)"
      timing postgres $(( $(now) - start ))
      return
    fi
    log "postgres: start on port $port failed (attempt $attempt)"
  done
  tail -n 30 "$PG_DIR/server.log" 2>/dev/null || true
  die "could not start PostgreSQL"
}

stop_postgres() {
  [[ -n "$PG_DIR" ]] || return 0
  if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
    as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast -w -t 60 stop" >> "$LOGS/postgres-ctl.log" 2>&1 || true
  fi
  cp "$PG_DIR/server.log" "$LOGS/postgres.log" 2>/dev/null || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

# --- cleanup --------------------------------------------------------------------

# PIDs of live processes carrying this run's marker, other than this shell.
marked_pids() {
  local env pid
  for env in /proc/[0-9]*/environ; do
    pid=${env#/proc/}
    pid=${pid%/environ}
    [[ "$pid" == "$$" || "$pid" == "$BASHPID" ]] && continue
    grep -qzxF "PORTAL_TEST_RUN_ID=$PORTAL_TEST_RUN_ID" "$env" 2>/dev/null && printf '%s\n' "$pid"
  done
  return 0
}

end_leftover_processes() {
  local pids=() names
  mapfile -t pids < <(marked_pids)
  # The subshells and greps of marked_pids are gone by now; keep only live ones.
  mapfile -t pids < <(for p in "${pids[@]}"; do [[ -d /proc/$p ]] && echo "$p"; done)
  (( ${#pids[@]} )) || return 0
  names=$(for p in "${pids[@]}"; do cat "/proc/$p/comm" 2>/dev/null; done | sort | uniq -c | awk '{printf "%s%s(x%s)", (NR>1?", ":""), $2, $1}')
  log "cleanup: ending ${#pids[@]} leftover process(es): $names"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  sleep 2
  mapfile -t pids < <(marked_pids)
  (( ${#pids[@]} == 0 )) || kill -KILL "${pids[@]}" 2>/dev/null || true
}

cleanup() {
  unblock_service_starts
  ssp_stop "$LOGS"
  stop_postgres
  end_leftover_processes
}

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- build ----------------------------------------------------------------------

find_solution() {
  local s
  for s in Portal.sln Portal.slnx; do
    [[ -f "$s" ]] && { echo "$s"; return; }
  done
  return 1
}

# Prints distinct warning/error lines and MSBuild's counts; the whole log on disk.
summarize_build_log() {
  local log_file=$1
  grep -E ': (warning|error) [A-Z]+[0-9]*' "$log_file" | sed -E 's/^ +//' | sort -u | head -n 50 || true
  grep -E '^ +[0-9]+ (Warning|Error)\(s\)' "$log_file" | sed -E 's/^ +/build: /' || true
}

build() {
  local start solution rc=0
  start=$(now)
  solution=$(find_solution) || { FAILURES+=("no Portal.sln in $ROOT"); log "build: no Portal.sln"; return 1; }

  interruptible dotnet restore "$solution" > "$LOGS/restore.log" 2>&1 || rc=$?
  if (( rc != 0 )); then
    log "---- last 60 lines of artifacts/logs/restore.log ----"
    tail -n 60 "$LOGS/restore.log"
    FAILURES+=("dotnet restore exited $rc")
    timing build $(( $(now) - start ))
    return 1
  fi

  interruptible dotnet build "$solution" -c Release --no-restore -nologo > "$LOGS/build.log" 2>&1 || rc=$?
  summarize_build_log "$LOGS/build.log"
  if (( rc != 0 )); then
    log "---- last 80 lines of artifacts/logs/build.log ----"
    tail -n 80 "$LOGS/build.log"
    FAILURES+=("dotnet build exited $rc")
  fi
  timing build $(( $(now) - start ))
  return "$rc"
}

# --- tests ----------------------------------------------------------------------

# Test projects, end-to-end last.
test_projects() {
  local p e2e=""
  for p in $(grep -l 'Microsoft.NET.Test.Sdk' tests/*/*.csproj 2>/dev/null | sort); do
    if [[ "$(dirname "$p")" == "$E2E_PROJECT" ]]; then e2e=$p; else echo "$p"; fi
  done
  [[ -z "$e2e" ]] || echo "$e2e"
}

run_tests() {
  local project=$1 provider=$2 name label start rc=0 secs
  name=$(basename "$project" .csproj)
  label="$name [$provider]"
  local args=(test "$project" -c Release --no-build
    --results-directory "$RESULTS"
    --logger "trx;LogFileName=$name-$provider.trx"
    --logger "console;verbosity=${PORTAL_TEST_VERBOSITY:-normal}")
  [[ -z "${PORTAL_TEST_FILTER:-}" ]] || args+=(--filter "$PORTAL_TEST_FILTER")
  local hang=${PORTAL_TEST_HANG_TIMEOUT:-10m}
  [[ "$hang" == 0 ]] || args+=(--blame-hang-timeout "$hang" --blame-hang-dump-type none)

  log ""
  log "==== $label ===="
  start=$(now)
  interruptible env PORTAL_TEST_PROVIDER="$provider" dotnet "${args[@]}" || rc=$?
  secs=$(( $(now) - start ))
  printf '%s\t%s\t%s\t%s\n' "$label" "$rc" "$secs" "$name-$provider.trx" >> "$RUNS_FILE"
  (( rc == 0 )) || FAILURES+=("dotnet test $label exited $rc")
  timing "$label" "$secs"
}

# The SAML walks log in through it; without it they fail with the reason (the other walks still run).
start_idp() {
  local start
  start=$(now)
  if ssp_start 2>> "$LOGS/simplesamlphp-start.log"; then
    log "simplesamlphp: test IdP on $PORTAL_SAML_IDP_URL"
  else
    tail -n 20 "$LOGS/simplesamlphp-start.log"
    FAILURES+=("could not start the SimpleSAMLphp test IdP (artifacts/logs/simplesamlphp-start.log)")
  fi
  timing "simplesamlphp" $(( $(now) - start ))
}

prepare_e2e() {
  local dir=$1 start rc=0
  [[ -f "$dir/package.json" ]] || return 0
  command -v npm > /dev/null || { FAILURES+=("npm not found, needed by $dir/package.json"); return 1; }
  start=$(now)
  interruptible npm ci --prefix "$dir" --no-audit --no-fund > "$LOGS/npm-e2e.log" 2>&1 || rc=$?
  if (( rc != 0 )); then
    tail -n 40 "$LOGS/npm-e2e.log"
    FAILURES+=("npm ci in $dir exited $rc")
    return 1
  fi
  timing "npm ci (e2e)" $(( $(now) - start ))
}

run_all_tests() {
  local projects=() p
  mapfile -t projects < <(test_projects)
  if (( ${#projects[@]} == 0 )); then
    FAILURES+=("no test project under tests/ references Microsoft.NET.Test.Sdk")
    return
  fi
  log "tests: ${projects[*]}"
  for p in "${projects[@]}"; do
    if [[ "$(dirname "$p")" == "$E2E_PROJECT" ]]; then
      start_idp
      prepare_e2e "$(dirname "$p")" && run_tests "$p" Sqlite
      ssp_stop "$LOGS"
    else
      run_tests "$p" Sqlite
      run_tests "$p" Postgres
    fi
  done
}

# --- summary --------------------------------------------------------------------

print_summary() {
  local summary rc=0 t
  summary=$(python3 "$ROOT/scripts/lib/trx_summary.py" "$RESULTS" "$RUNS_FILE") || rc=$?
  case $rc in
    0) ;;
    1) FAILURES+=("some tests failed") ;;
    3) FAILURES+=("no test ran") ;;
    *) FAILURES+=("trx_summary.py exited $rc") ;;
  esac

  log ""
  log "==== wall times (s) ===="
  for t in "${TIMINGS[@]}"; do printf '  %-50s %6s\n' "${t%%$'\t'*}" "${t#*$'\t'}"; done
  printf '  %-50s %6s\n' total $(( $(now) - START_TIME ))
  log ""
  log "==== test runs ===="
  sed '$d' <<< "$summary"
  if (( ${#FAILURES[@]} )); then
    log ""
    for t in "${FAILURES[@]}"; do log "FAILED: $t"; done
  fi
  tail -n 1 <<< "$summary"
  (( ${#FAILURES[@]} == 0 ))
}

main() {
  rm -rf "$RESULTS"
  mkdir -p "$RESULTS" "$LOGS"
  : > "$LOGS/apt.log"
  : > "$RUNS_FILE"

  if [[ "${PORTAL_SKIP_APT:-}" == 1 ]]; then
    log "apt: skipped (PORTAL_SKIP_APT=1)"
  else
    install_packages
  fi

  export PORTAL_CHROMIUM=/usr/bin/chromium
  if [[ -d "$ROOT/../shared" ]]; then
    PORTAL_SHARED_DIR="$(cd "$ROOT/../shared" && pwd)"
    export PORTAL_SHARED_DIR
  fi

  start_postgres
  if build; then
    run_all_tests
  fi
  # Stop everything before the summary so that its last line is the last output.
  cleanup
  print_summary
}

main "$@"
