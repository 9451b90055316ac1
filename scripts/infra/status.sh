#!/usr/bin/env bash
# Usage: scripts/infra/status.sh [redis|redis-cluster[:PORT]|mariadb|kafka|kafka-cluster[:ID]|prometheus ...]   (default: the servers of REDIS_MODE and KAFKA_MODE; exit 0 only if every one named is up, Prometheus and the other mode's servers count only when named)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

optional=()
if [ $# -eq 0 ]; then
  optional=("${OPTIONAL_SERVERS[@]}")
  # A cluster set running beside the standalone one (or the reverse) is shown too.
  for s in redis-cluster kafka-cluster; do
    [[ " ${ALL_SERVERS[*]} " == *" $s "* ]] || ! cluster_any_running "$s" || optional+=("$s")
  done
fi
parse_servers "$@"

# Prints one server's state; fails if it is not up.
show() {
  local s="$1" pid
  case "$s" in
    redis-cluster | kafka-cluster) show_cluster "$s"; return ;;
    redis-cluster:*) pid="$(server_pid "redis-cluster-${s#*:}")" || pid="" ;;
    kafka-cluster:*) pid="$(server_pid "kafka-cluster-${s#*:}")" || pid="" ;;
    *) pid="$(server_pid "$s")" || pid="" ;;
  esac
  if [ -n "$pid" ]; then
    if server_healthy "$s"; then
      report "$s" "up (pid $pid)"
      return 0
    fi
    report "$s" "down (pid $pid running but not answering)"
  else
    report "$s" down
  fi
  return 1
}

# A cluster: one summary line, then a line per node.
show_cluster() {
  local s="$1" rc=0
  if server_healthy "$s"; then
    case "$s" in
      redis-cluster) report "$s" "up ($((${#REDIS_CLUSTER_PORT_LIST[@]} / 2)) primaries with a replica each, every slot served)" ;;
      kafka-cluster) report "$s" "up (${#KAFKA_CLUSTER_PORT_LIST[@]} brokers registered)" ;;
    esac
  elif cluster_any_running "$s"; then
    report "$s" "down (not every node is up and in the cluster)"
    rc=1
  else
    report "$s" down
    return 1
  fi
  case "$s" in
    redis-cluster) redis_cluster_table ;;
    kafka-cluster) kafka_cluster_table ;;
  esac
  return "$rc"
}

rc=0
for s in "${SERVERS[@]}"; do
  show "$s" || rc=1
done
# Shown for information only: nothing but `make run` needs it.
for s in "${optional[@]}"; do
  show "$s" || true
done
exit "$rc"
