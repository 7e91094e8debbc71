#!/usr/bin/env bash
# The chaos run: two server processes on one PostgreSQL of its own, changes approved by ServiceNow and Jira webhooks,
# an external system that answers 503 now and then, a random node killed with SIGKILL and restarted every few seconds,
# and PostgreSQL itself restarted once in the middle. Prints changes, kills, database restarts, faults injected and
# violations (which must be 0) and writes them to bench/results/chaos.md.
#   usage: bench/chaos.sh [--quick]      (--quick: the short form CI runs as a test: 10 changes, at least 5 kills)
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
port=${CHAOS_POSTGRES_PORT:-55472}
quick=false
for arg in "$@"; do [ "$arg" = --quick ] && quick=true; done
project=tests/ChangeOrchestrator.IntegrationTests
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}

cluster_on_port() {
  local pid
  for pid in /tmp/changeorchestrator-pg.*/cluster/postmaster.pid; do
    [ -f "$pid" ] || continue
    if [ "$(sed -n 4p "$pid")" = "$port" ]; then dirname "$(dirname "$pid")"; return; fi
  done
}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

dotnet build "$project" -c Release -warnaserror -nologo -v quiet

stale=$(cluster_on_port)
[ -n "$stale" ] && .ci/postgres.sh stop "$stale"
CHANGEORCHESTRATOR_TEST_POSTGRES=$(.ci/postgres.sh start "$port")
pg_data=$(cluster_on_port)
trap '[ -n "$pg_data" ] && .ci/postgres.sh stop "$pg_data"' EXIT

mkdir -p bench/results
report=$PWD/bench/results/chaos.md
export CHANGEORCHESTRATOR_TEST_POSTGRES CHAOS_REPORT=$report
if [ "$quick" = false ]; then
  export CHAOS_CHANGES=${CHAOS_CHANGES:-50} CHAOS_KILLS=${CHAOS_KILLS:-20} CHAOS_LIMIT_SECONDS=${CHAOS_LIMIT_SECONDS:-900}
fi

dotnet test "$project" -c Release --no-build --filter "FullyQualifiedName~Durability.Chaos" --logger "console;verbosity=normal" &
run=$!

# PostgreSQL restarted once in the middle, immediately (connections cut, as in a crash).
restarts=0
sleep "${CHAOS_DB_RESTART_AFTER:-45}"
if kill -0 "$run" 2>/dev/null; then
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data/cluster" -m immediate -w -t 60 restart >/dev/null
  restarts=1
fi

status=0
wait "$run" || status=$?
[ -f "$report" ] && echo "database restarts: $restarts" >>"$report" && cat "$report"
exit "$status"
