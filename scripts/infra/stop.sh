#!/usr/bin/env bash
# Usage: scripts/infra/stop.sh [redis|mariadb|kafka|prometheus ...]   (default: all of them; graceful shutdown, SIGKILL after a deadline)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Without arguments every server these scripts may have started, Prometheus included.
if [ $# -eq 0 ]; then set -- "${ALL_SERVERS[@]}" "${OPTIONAL_SERVERS[@]}"; fi
parse_servers "$@"
acquire_lock

# Waits for PID (and anything it forked) to exit; SIGKILLs the rest at the deadline.
finish() {
  local name="$1" pid="$2" kids
  kids="$(descendants "$pid" | tr '\n' ' ')"
  # shellcheck disable=SC2086
  if wait_gone "$STOP_TIMEOUT" "$pid" $kids; then
    report "$name" stopped
  else
    note "$name: still running after ${STOP_TIMEOUT}s, sending SIGKILL"
    kill_tree "$pid" || die "$name: pid $pid survived SIGKILL"
    report "$name" "killed (did not stop in ${STOP_TIMEOUT}s)"
  fi
}

stop_redis() {
  local pid
  if ! pid="$(server_pid redis)"; then
    rm -f "$(pid_file redis)"
    report redis "not running"
    return
  fi
  # SHUTDOWN flushes the AOF before exiting; fall back to SIGTERM (same path) if it cannot be asked.
  timeout 30 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  finish redis "$pid"
  rm -f "$(pid_file redis)"
}

stop_mariadb() {
  local pid
  if ! pid="$(server_pid mariadb)"; then
    rm -f "$(pid_file mariadb)" "$MYSQL_SOCKET"
    report mariadb "not running"
    return
  fi
  timeout 60 mariadb-admin --no-defaults --protocol=socket --socket="$MYSQL_SOCKET" -u"$(mariadb_admin_user)" \
    shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  finish mariadb "$pid"
  rm -f "$(pid_file mariadb)" "$MYSQL_SOCKET"
}

stop_kafka() {
  local pid
  if ! pid="$(server_pid kafka)"; then
    rm -f "$(pid_file kafka)"
    report kafka "not running"
    return
  fi
  # SIGTERM runs the broker's shutdown hook: controlled shutdown, then a clean log flush.
  kill -TERM "$pid" 2>/dev/null || true
  finish kafka "$pid"
  rm -f "$(pid_file kafka)"
}

stop_prometheus() {
  local pid
  if ! pid="$(server_pid prometheus)"; then
    rm -f "$(pid_file prometheus)"
    report prometheus "not running"
    return
  fi
  # SIGTERM: Prometheus closes its TSDB cleanly (the head block is replayed from the WAL on the next start).
  kill -TERM "$pid" 2>/dev/null || true
  finish prometheus "$pid"
  rm -f "$(pid_file prometheus)"
}

# Reverse start order: Prometheus first (it only watches), then Kafka, the slowest to stop.
for (( i=${#SERVERS[@]}-1; i>=0; i-- )); do
  "stop_${SERVERS[$i]}"
done
