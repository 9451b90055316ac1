#!/usr/bin/env bash
# Usage: scripts/infra/stop.sh [redis|redis-cluster[:PORT]|mariadb|kafka|kafka-cluster[:ID]|prometheus ...]   (default: every one that runs, whatever the modes; graceful shutdown, SIGKILL after a deadline)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Without arguments every server these scripts may have started, Prometheus and both modes' servers
# included; a cluster that is neither running nor in the chosen modes is passed over in silence.
quiet_when_down=()
if [ $# -eq 0 ]; then
  set -- "${KNOWN_SERVERS[@]}"
  for s in redis-cluster kafka-cluster; do
    [[ " ${ALL_SERVERS[*]} " == *" $s "* ]] || quiet_when_down+=("$s")
  done
fi
parse_servers "$@"
acquire_lock

# True if S is to be passed over: not running, not asked for, not in the modes.
quiet() { local q; for q in "${quiet_when_down[@]}"; do [ "$q" = "$1" ] && return 0; done; return 1; }

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

# PORT... of the cluster's nodes in stop order: replicas first. A primary stopped while its replica
# runs on would be failed over to that replica after the node timeout, and the roles would change.
redis_cluster_stop_order() {
  local live view p
  if live="$(redis_cluster_live_port)" && view="$(redis_cluster_view "$live")"; then
    for p in "$@"; do awk -v p="$p" '$1 == p && $2 == "replica" { print $1 }' <<<"$view"; done
    for p in "$@"; do awk -v p="$p" '$1 == p && $2 == "replica" { f = 1 } END { exit f }' <<<"$view" && echo "$p"; done
  else
    printf '%s\n' "$@"
  fi
}

stop_redis_cluster() {
  local only="${1:-}" ports p pid stopped=0
  if [ -n "$only" ]; then ports=("$only"); else ports=("${REDIS_CLUSTER_PORT_LIST[@]}"); fi
  for p in $(redis_cluster_stop_order "${ports[@]}"); do
    if ! pid="$(server_pid "redis-cluster-$p")"; then
      rm -f "$(pid_file "redis-cluster-$p")"
      continue
    fi
    # SHUTDOWN flushes the AOF and saves nodes.conf before exiting.
    timeout 30 redis-cli -h 127.0.0.1 -p "$p" shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    finish "redis-cluster:$p" "$pid"
    rm -f "$(pid_file "redis-cluster-$p")"
    stopped=$((stopped + 1))
  done
  if [ "$stopped" -eq 0 ] && ! quiet redis-cluster; then report "redis-cluster${only:+:$only}" "not running"; fi
  return 0
}

stop_kafka_cluster() {
  local only="${1:-}" ids id pid pids=()
  if [ -n "$only" ]; then ids=("$only"); else mapfile -t ids < <(kafka_cluster_ids); fi
  # SIGTERM to every broker at once: each one's controlled shutdown needs the controller quorum,
  # which would be gone for the last broker if they were stopped one after another.
  for id in "${ids[@]}"; do
    if pid="$(server_pid "kafka-cluster-$id")"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$id:$pid")
    else
      rm -f "$(pid_file "kafka-cluster-$id")"
    fi
  done
  for id in "${pids[@]}"; do
    finish "kafka-cluster:${id%%:*}" "${id#*:}"
    rm -f "$(pid_file "kafka-cluster-${id%%:*}")"
  done
  if [ "${#pids[@]}" -eq 0 ] && ! quiet kafka-cluster; then report "kafka-cluster${only:+:$only}" "not running"; fi
  return 0
}

# Reverse start order: Prometheus first (it only watches), then Kafka, the slowest to stop.
for (( i=${#SERVERS[@]}-1; i>=0; i-- )); do
  # shellcheck disable=SC2046  # the node part is one word or nothing
  "$(server_function stop "${SERVERS[$i]}")" $(server_node "${SERVERS[$i]}")
done
