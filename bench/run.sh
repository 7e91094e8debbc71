#!/usr/bin/env bash
# Runs every benchmark scenario against a throw-away PostgreSQL of its own and writes bench/results/latest.md and
# bench/results/latest.json (the fleet scenario also writes bench/results/fleet.md and fleet.json).
#   usage: bench/run.sh [--quick] [--only throughput,resume,events,expressions,history,webhooks,fleet,console,compliance,designer] [--repetitions N]
#   A full run (no --quick) also runs the BenchmarkDotNet expression benchmark into bench/results/benchmarkdotnet/.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
port=${BENCH_POSTGRES_PORT:-55471}
project=bench/ChangeOrchestrator.Benchmarks
quick=false
for arg in "$@"; do [ "$arg" = --quick ] && quick=true; done

# The data folder of the cluster listening on a port, found by its postmaster.pid (4th line: the port), so that
# only our own servers are ever stopped, even when other clusters of .ci/postgres.sh run beside them.
cluster_on_port() {
  local pid
  for pid in /tmp/changeorchestrator-pg.*/cluster/postmaster.pid; do
    [ -f "$pid" ] || continue
    if [ "$(sed -n 4p "$pid")" = "$1" ]; then dirname "$(dirname "$pid")"; return; fi
  done
}

# Every PostgreSQL scenario runs on two servers: `fast` (fsync, synchronous_commit and full_page_writes off, as
# the tests run) and `durable` (all three on, as production runs). The runner reads each server's settings back.
durable_port=${BENCH_POSTGRES_DURABLE_PORT:-$((port + 1))}
clusters=()
stop_clusters() {
  local data
  for data in "${clusters[@]}"; do .ci/postgres.sh stop "$data"; done
}
trap stop_clusters EXIT

start_cluster() { # port durability -> connection string on stdout; the data folder goes to clusters
  local stale
  stale=$(cluster_on_port "$1")
  # A server left on the port by an interrupted run is ours: stop it first.
  [ -n "$stale" ] && .ci/postgres.sh stop "$stale"
  .ci/postgres.sh start "$1" "$2"
}

dotnet build "$project" -c Release -warnaserror -nologo -v quiet

connection=$(start_cluster "$port" fast)
clusters+=("$(cluster_on_port "$port")")
durable_connection=$(start_cluster "$durable_port" durable)
clusters+=("$(cluster_on_port "$durable_port")")

BENCH_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || true)
export BENCH_COMMIT
dotnet "$project/bin/Release/net10.0/ChangeOrchestrator.Benchmarks.dll" --postgres "$connection" --postgres-durable "$durable_connection" \
  --out bench/results "$@"

if [ "$quick" = false ]; then
  dotnet "$project/bin/Release/net10.0/ChangeOrchestrator.Benchmarks.dll" --bdn --out bench/results
fi
