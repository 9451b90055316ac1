#!/usr/bin/env bash
# Usage: scripts/infra/cluster.sh COMMAND [args]   (looks into and steers the local Redis Cluster and Kafka brokers of start.sh redis-cluster / kafka-cluster)
#
#   redis-nodes                      every node: role, slots or primary, pid
#   redis-primary KEY                the slot of KEY and the node serving it: slot=S primary=127.0.0.1:P replicas=127.0.0.1:R
#   redis-wait-failover PORT [SECS]  waits (default 30 s) until the slots of the node at PORT are served by another node and
#                                    every other node says cluster_state:ok; prints who took over and after how long
#   redis-failover PORT              a switch without errors: CLUSTER FAILOVER on the replica at PORT, waits until it is primary
#   kafka-brokers                    every broker: ports, registered or not, pid
#   kafka-topics [TOPIC]             partitions with leader, replicas and in-sync replicas
#   kafka-leader TOPIC [PARTITION]   the node id leading the partition (default 0)
#   kafka-wait-in-sync [SECS]        waits (default 120 s) until no partition has fewer in-sync replicas than replicas
#
# Crashing and restarting one node is done by the same scripts as for any server, with the node's name:
#   scripts/infra/kill.sh redis-cluster:PORT     kill -9 of one Redis node     (kafka-cluster:ID for a broker, ID 1..3)
#   scripts/infra/start.sh redis-cluster:PORT    restarts it and waits until it has rejoined (a broker: registered, partitions in sync)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2; }

# Seconds since START (an $EPOCHREALTIME), with one decimal.
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

require_port() {
  [ -n "${1:-}" ] || die "a node's port is needed (one of ${REDIS_CLUSTER_PORT_LIST[*]})"
  redis_cluster_has_port "$1" || die "$1 is not one of the cluster's ports ${REDIS_CLUSTER_PORT_LIST[*]} (REDIS_CLUSTER_PORTS)"
}

live_port() {
  redis_cluster_live_port "$@" || die "redis-cluster: no node answers on 127.0.0.1:${REDIS_CLUSTER_PORT_LIST[*]} (scripts/infra/start.sh redis-cluster)"
}

redis_nodes() {
  live_port >/dev/null
  redis_cluster_table
}

redis_primary() {
  local key="${1:?redis-primary needs a KEY}" live slot owner
  live="$(live_port)"
  slot="$(redis_at "$live" cluster keyslot "$key")"
  [[ "$slot" =~ ^[0-9]+$ ]] || die "redis-cluster: CLUSTER KEYSLOT failed on 127.0.0.1:$live"
  owner="$(redis_cluster_slot_owner "$slot" "$live")" || die "redis-cluster: no live primary serves slot $slot (as 127.0.0.1:$live sees it)"
  # shellcheck disable=SC2086
  set -- $owner
  local primary="$1"; shift
  echo "slot=$slot primary=127.0.0.1:$primary replicas=$(loopback_list "$@")"
}

# True when no node but PORT gives PORT a slot and each of them says cluster_state:ok.
failed_over() {
  local port="$1" p seen=0
  for p in "${REDIS_CLUSTER_PORT_LIST[@]}"; do
    [ "$p" = "$port" ] && continue
    redis_node_answers "$p" || continue
    redis_cluster_info_ok "$p" || return 1
    redis_cluster_view "$p" | awk -v p="$port" '$1 == p && $5 != "-" { f = 1 } END { exit f }' || return 1
    seen=1
  done
  [ "$seen" -eq 1 ]
}

redis_wait_failover() {
  local port="$1" timeout="${2:-30}" start="$EPOCHREALTIME" live slots first owner
  require_port "$port"
  live="$(live_port "$port")"
  slots="$(redis_cluster_view "$live" | awk -v p="$port" '$1 == p { print $5 }')"
  if [ -z "$slots" ] || [ "$slots" = - ]; then
    echo "127.0.0.1:$port serves no slots: nothing to fail over"
    return 0
  fi
  local end=$((SECONDS + timeout))
  until failed_over "$port"; do
    if [ "$SECONDS" -ge "$end" ]; then
      redis_cluster_view "$live" >&2 || true
      die "redis-cluster: the slots $slots of 127.0.0.1:$port were not taken over within ${timeout}s (is its replica up? scripts/infra/cluster.sh redis-nodes)"
    fi
    sleep 0.1
  done
  first="${slots%%[-,]*}"
  owner="$(redis_cluster_slot_owner "$first" "$(live_port "$port")")" || die "redis-cluster: slot $first has no primary after the failover"
  echo "slots $slots of 127.0.0.1:$port are served by 127.0.0.1:${owner%% *} after $(elapsed "$start") s"
}

redis_failover() {
  local port="$1" start="$EPOCHREALTIME" role out end
  require_port "$port"
  redis_node_answers "$port" || die "redis-cluster: 127.0.0.1:$port does not answer"
  role="$(redis_cluster_view "$port" | awk -v p="$port" '$1 == p { print $2 }')"
  [ "$role" = replica ] || die "redis-cluster: 127.0.0.1:$port is a $role; CLUSTER FAILOVER is sent to a replica (scripts/infra/cluster.sh redis-nodes)"
  out="$(redis_at "$port" cluster failover)"
  [ "$out" = OK ] || die "redis-cluster: CLUSTER FAILOVER on 127.0.0.1:$port answered '$out'"
  end=$((SECONDS + 30))
  until [ "$(redis_cluster_view "$port" | awk -v p="$port" '$1 == p { print $2 }')" = primary ] && redis_cluster_healthy; do
    [ "$SECONDS" -lt "$end" ] || die "redis-cluster: 127.0.0.1:$port was not primary of a healthy cluster 30 s after CLUSTER FAILOVER"
    sleep 0.1
  done
  echo "127.0.0.1:$port is primary after $(elapsed "$start") s"
}

kafka_tool() {
  "$INFRA_DIR/install.sh" --check kafka || "$INFRA_DIR/install.sh" kafka >&2
  timeout 60 "${KAFKA_TOOL_CMD[@]}" "$@" --bootstrap-server "$(kafka_cluster_bootstrap)" --command-config "$(kafka_probe_config)"
}

kafka_topics() {
  if [ -n "${1:-}" ]; then
    kafka_tool org.apache.kafka.tools.TopicCommand --describe --topic "$1"
  else
    kafka_tool org.apache.kafka.tools.TopicCommand --describe --exclude-internal
  fi
}

kafka_leader() {
  local topic="${1:?kafka-leader needs a TOPIC}" partition="${2:-0}" leader
  leader="$(kafka_topics "$topic" | awk -v p="$partition" '
    { for (i = 1; i < NF; i++) { if ($i == "Partition:") part = $(i + 1); if ($i == "Leader:") lead = $(i + 1) } }
    part == p && lead != "" { print lead; exit }')"
  [[ "$leader" =~ ^[0-9]+$ ]] || die "kafka-cluster: partition $partition of $topic has no leader (${leader:-not found})"
  echo "$leader"
}

kafka_wait_in_sync() {
  local timeout="${1:-120}" start="$EPOCHREALTIME"
  wait_healthy kafka-cluster "$timeout" 1 /dev/null kafka_cluster_in_sync ||
    die "kafka-cluster: partitions still under-replicated after ${timeout}s (scripts/infra/cluster.sh kafka-topics)"
  echo "every partition in sync after $(elapsed "$start") s"
}

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
  redis-nodes) validate_redis_cluster_ports; redis_nodes ;;
  redis-primary) validate_redis_cluster_ports; redis_primary "$@" ;;
  redis-wait-failover) validate_redis_cluster_ports; redis_wait_failover "${1:-}" "${2:-30}" ;;
  redis-failover) validate_redis_cluster_ports; redis_failover "${1:-}" ;;
  kafka-brokers) validate_kafka_cluster_ports; kafka_cluster_table ;;
  kafka-topics) validate_kafka_cluster_ports; kafka_topics "$@" ;;
  kafka-leader) validate_kafka_cluster_ports; kafka_leader "$@" ;;
  kafka-wait-in-sync) validate_kafka_cluster_ports; kafka_wait_in_sync "$@" ;;
  *) usage ;;
esac
