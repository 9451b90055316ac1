#!/usr/bin/env bash
# Usage: eval "$(scripts/infra/service-env.sh)"   (prints, as export lines, the connection variables the gateway and worker read for the servers REDIS_MODE and KAFKA_MODE select; a variable already set in the environment is kept)
#
#   REDIS_MODE, KAFKA_MODE      standalone or cluster, checked
#   REDIS_CLUSTER_NODES         cluster: 127.0.0.1:PORT,... of REDIS_CLUSTER_PORTS (read under the services' redis-cluster profile)
#   REDIS_PORT                  standalone: the one server's port
#   KAFKA_BOOTSTRAP_SERVERS     127.0.0.1:KAFKA_PORT, or every broker of KAFKA_CLUSTER_PORTS
#   KAFKA_REPLICATION_FACTOR    replicas of the topics the services create: 1, or 3 on the three brokers
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# NAME VALUE: the environment's value of NAME when set, else VALUE.
emit() { printf "export %s='%s'\n" "$1" "${!1:-$2}"; }

emit REDIS_MODE "$REDIS_MODE"
emit KAFKA_MODE "$KAFKA_MODE"
if [ "$REDIS_MODE" = cluster ]; then
  validate_redis_cluster_ports
  emit REDIS_CLUSTER_NODES "$(redis_cluster_nodes_list)"
else
  emit REDIS_PORT "$REDIS_PORT"
fi
if [ "$KAFKA_MODE" = cluster ]; then
  validate_kafka_cluster_ports
  emit KAFKA_BOOTSTRAP_SERVERS "$(kafka_cluster_bootstrap)"
  emit KAFKA_REPLICATION_FACTOR 3
else
  emit KAFKA_BOOTSTRAP_SERVERS "127.0.0.1:$KAFKA_PORT"
  emit KAFKA_REPLICATION_FACTOR 1
fi
