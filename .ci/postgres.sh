#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 for tests and benchmarks: a new cluster in a temporary folder, owned by the
# postgres user, listening on loopback only. Prints the connection string on stdout.
#   usage: .ci/postgres.sh start [port] [fast|durable]   |   .ci/postgres.sh stop <data folder>
# fast (the default, for tests): fsync, synchronous_commit and full_page_writes off, so a commit costs CPU, not a disk
# flush. durable: all three on, as a production server runs; the benchmarks measure both.
set -euo pipefail

pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
command=${1:-start}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

case "$command" in
  start)
    port=${2:-55432}
    case "${3:-fast}" in
      fast) durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" ;;
      durable) durability="-c fsync=on -c synchronous_commit=on -c full_page_writes=on" ;;
      *) echo "$0: unknown durability '$3' (fast or durable)" >&2; exit 2 ;;
    esac
    data=$(mktemp -d /tmp/changeorchestrator-pg.XXXXXX)
    chown postgres:postgres "$data" 2>/dev/null || true
    as_postgres "$pg_bin/initdb" -D "$data/cluster" -U postgres --auth=trust -E UTF8 >"$data/initdb.log" 2>&1
    as_postgres "$pg_bin/pg_ctl" -D "$data/cluster" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c max_connections=300 $durability" start >/dev/null
    echo "$data" >/tmp/changeorchestrator-pg.current
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=100"
    ;;
  stop)
    data=${2:-$(cat /tmp/changeorchestrator-pg.current 2>/dev/null || true)}
    [ -n "$data" ] && [ -d "$data/cluster" ] || exit 0
    as_postgres "$pg_bin/pg_ctl" -D "$data/cluster" -m fast -w stop >/dev/null || true
    rm -rf "$data"
    ;;
  *)
    echo "usage: $0 start [port] [fast|durable] | stop [data folder]" >&2
    exit 2
    ;;
esac
