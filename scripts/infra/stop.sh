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

# Stops server NAME: ASK... is how it is asked to stop, given the pid last; then waits for it to exit.
stop_server() {
  local name="$1" pid
  shift
  if pid="$(server_pid "$name")"; then
    "$@" "$pid"
    finish "$name" "$pid"
  else
    report "$name" "not running"
  fi
  rm -f "$(pid_file "$name")"
}

# SIGTERM runs a broker's shutdown hook (controlled shutdown, then a clean log flush); Prometheus
# closes its TSDB cleanly (the head block is replayed from the WAL on the next start).
terminate() {
  kill -TERM "$1" 2>/dev/null || true
}

# PORT PID: SHUTDOWN flushes the AOF (and, on a cluster node, saves nodes.conf) before exiting;
# SIGTERM (same path) if it cannot be asked.
shutdown_redis() {
  timeout 30 redis-cli -h 127.0.0.1 -p "$1" shutdown >/dev/null 2>&1 || terminate "$2"
}

shutdown_mariadb() {
  timeout 60 mariadb-admin --no-defaults --protocol=socket --socket="$MYSQL_SOCKET" -u"$(mariadb_admin_user)" \
    shutdown >/dev/null 2>&1 || terminate "$1"
}

stop_redis() { stop_server redis shutdown_redis "$REDIS_PORT"; }
stop_mariadb() { stop_server mariadb shutdown_mariadb; rm -f "$MYSQL_SOCKET"; }
stop_kafka() { stop_server kafka terminate; }
stop_prometheus() { stop_server prometheus terminate; }

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
    shutdown_redis "$p" "$pid"
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
      terminate "$pid"
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
