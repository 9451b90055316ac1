#!/usr/bin/env bash
# Usage: scripts/infra/kill.sh redis|redis-cluster[:PORT]|mariadb|kafka|kafka-cluster[:ID]|prometheus ...   (kill -9 by pid file, no cleanup: simulates a crash)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ $# -gt 0 ] || die "usage: $0 redis|redis-cluster[:PORT]|mariadb|kafka|kafka-cluster[:ID]|prometheus ...  (e.g. kill.sh redis-cluster:7002 kills one node)"
parse_servers "$@"

# kill -9 of one process by its pid file's NAME, reported as WHAT.
kill_one() {
  local name="$1" what="$2" pid
  if pid="$(server_pid "$name")"; then
    # Pid file, socket and storage lock are left as a crash leaves them.
    kill_tree "$pid" || die "$what: pid $pid survived SIGKILL"
    # The kernel closes the sockets a moment after the last thread: a start right after must find them free.
    wait_ports_closed "$what" 30 || die "$what: pid $pid is gone but 127.0.0.1 ports $(server_ports "$what" | tr '\n' ' ')still accept connections"
    report "$what" "killed (pid $pid)"
  else
    report "$what" "not running"
  fi
}

# No lock on purpose: a crash can hit while start/stop is busy.
for s in "${SERVERS[@]}"; do
  case "$s" in
    redis-cluster) for p in "${REDIS_CLUSTER_PORT_LIST[@]}"; do kill_one "redis-cluster-$p" "redis-cluster:$p"; done ;;
    redis-cluster:*) kill_one "redis-cluster-${s#*:}" "$s" ;;
    kafka-cluster) for id in $(kafka_cluster_ids); do kill_one "kafka-cluster-$id" "kafka-cluster:$id"; done ;;
    kafka-cluster:*) kill_one "kafka-cluster-${s#*:}" "$s" ;;
    *) kill_one "$s" "$s" ;;
  esac
done
