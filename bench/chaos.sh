#!/usr/bin/env bash
# The chaos run on the shipped workflows/patch-change.json: two server processes on a PostgreSQL of the run's own,
# patch changes of 1-20 servers approved by the simulated ServiceNow's and Jira's own webhooks (through a load
# balancer in front of the nodes), the simulators injecting latency, throttling and 5xx, a random node killed with
# SIGKILL and started again every few seconds, and PostgreSQL restarted (immediately, as in a crash) halfway through.
# Prints changes, kills, database restarts, faults injected and violations (which must be 0); writes each form's
# figures to bench/results/chaos-<form>.txt and gathers them in bench/results/chaos.md.
#   usage: bench/chaos.sh [--quick | --harsh]
#     (default)  the full form: 50 changes, a node killed every 5-10 s
#     --quick    the short form CI runs as a test: 10 changes, at least 5 kills, one PostgreSQL restart
#     --harsh    a node killed every 3-6 s, after the same run without kills; compares their wall times
# The test starts and removes its own PostgreSQL cluster (binaries in PG_BIN, default /usr/lib/postgresql/15/bin).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
form=full
for arg in "$@"; do
  case "$arg" in
    --quick) form=quick ;;
    --harsh) form=harsh ;;
    *) echo "usage: $0 [--quick | --harsh]" >&2; exit 2 ;;
  esac
done
project=tests/ChangeOrchestrator.IntegrationTests
results=$PWD/bench/results
mkdir -p "$results"

dotnet build "$project" -c Release -warnaserror -nologo -v quiet

run() { # report-file, then VAR=value settings; the test's log and the nodes' logs go to ${TMPDIR:-/tmp}/chaos-<form>.log and -nodes/
  local report=$1; shift
  local logs="${TMPDIR:-/tmp}/$(basename "$report" .txt)"
  rm -rf "$logs-nodes"
  env "$@" CHAOS_REPORT="$report" CHAOS_LOGS="$logs-nodes" dotnet test "$project" -c Release --no-build \
    --filter "FullyQualifiedName~PatchChaosTests" --logger "console;verbosity=normal" >"$logs.log" 2>&1 || status=$?
  cat "$report"
}

wall() { sed -n 's/^wall time: \([0-9.]*\) s.*/\1/p' "$1"; }

status=0
case "$form" in
  quick)
    run "$results/chaos-quick.txt"
    ;;
  full)
    run "$results/chaos-full.txt" CHAOS_CHANGES=50 CHAOS_KILLS=10 CHAOS_KILL_MIN_SECONDS=5 CHAOS_KILL_MAX_SECONDS=10 CHAOS_LIMIT_SECONDS=1500
    ;;
  harsh)
    run "$results/chaos-harsh-baseline.txt" CHAOS_CHANGES=50 CHAOS_NO_KILLS=1 CHAOS_LIMIT_SECONDS=1500
    run "$results/chaos-harsh.txt" CHAOS_CHANGES=50 CHAOS_KILLS=20 CHAOS_KILL_MIN_SECONDS=3 CHAOS_KILL_MAX_SECONDS=6 CHAOS_LIMIT_SECONDS=1500
    ratio=$(awk -v k="$(wall "$results/chaos-harsh.txt")" -v b="$(wall "$results/chaos-harsh-baseline.txt")" 'BEGIN { printf "%.2f", k / b }')
    echo "wall time with kills / without: ${ratio}x (target <= 1.1x)" | tee -a "$results/chaos-harsh.txt"
    ;;
esac

{
  echo "# Chaos run"
  echo
  echo "Written by \`bench/chaos.sh\` (see bench/README.md). Each block names its settings on its first line."
  for part in full harsh-baseline harsh quick; do
    [ -f "$results/chaos-$part.txt" ] || continue
    echo
    echo "## $part (bench/chaos.sh$([ "$part" = quick ] && echo ' --quick')$([[ "$part" == harsh* ]] && echo ' --harsh'))"
    echo
    echo '```'
    cat "$results/chaos-$part.txt"
    echo '```'
  done
} >"$results/chaos.md"
exit "$status"
