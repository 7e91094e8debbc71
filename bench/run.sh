#!/usr/bin/env bash
# Runs every benchmark scenario against a throw-away PostgreSQL of its own and writes bench/results/latest.md and
# bench/results/latest.json (the fleet scenario also writes bench/results/fleet.md and fleet.json).
#   usage: bench/run.sh [--quick] [--only throughput,resume,expressions,history,fleet] [--repetitions N]
#   A full run (no --quick) also runs the BenchmarkDotNet expression benchmark into bench/results/benchmarkdotnet/.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
port=${BENCH_POSTGRES_PORT:-55471}
project=bench/ChangeOrchestrator.Benchmarks
quick=false
for arg in "$@"; do [ "$arg" = --quick ] && quick=true; done

# The data folder of the cluster listening on our port, found by its postmaster.pid (4th line: the port), so that
# only our own server is ever stopped, even when other clusters of .ci/postgres.sh run beside it.
cluster_on_port() {
  local pid
  for pid in /tmp/changeorchestrator-pg.*/cluster/postmaster.pid; do
    [ -f "$pid" ] || continue
    if [ "$(sed -n 4p "$pid")" = "$port" ]; then dirname "$(dirname "$pid")"; return; fi
  done
}

dotnet build "$project" -c Release -warnaserror -nologo -v quiet

# A server left on our port by an interrupted run is ours: stop it first.
stale=$(cluster_on_port)
[ -n "$stale" ] && .ci/postgres.sh stop "$stale"

connection=$(.ci/postgres.sh start "$port")
pg_data=$(cluster_on_port)
trap '[ -n "$pg_data" ] && .ci/postgres.sh stop "$pg_data"' EXIT

BENCH_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || true)
export BENCH_COMMIT
dotnet "$project/bin/Release/net10.0/ChangeOrchestrator.Benchmarks.dll" --postgres "$connection" --out bench/results "$@"

if [ "$quick" = false ]; then
  dotnet "$project/bin/Release/net10.0/ChangeOrchestrator.Benchmarks.dll" --bdn --out bench/results
fi
