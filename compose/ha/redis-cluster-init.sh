#!/bin/sh
# Usage: redis-cluster-init.sh NODE...   (the one-shot redis-cluster-init service of docker-compose.ha.yml)
# Creates the Redis Cluster from NODE... (host names, port 6379) once: three primaries, a replica
# each. A cluster that exists is left as it is (each node rejoins from the nodes.conf in its volume).
# Exits 0 once every node says cluster_state:ok, 1 after 120 s.
set -eu

[ $# -ge 6 ] || { echo "usage: $0 NODE... (at least 6)" >&2; exit 2; }

known=$(redis-cli -h "$1" cluster info | tr -d '\r' | sed -n 's/^cluster_known_nodes://p')
if [ "${known:-1}" -gt 1 ]; then
  echo "the cluster exists ($known nodes known to $1)"
else
  addresses=""
  for node in "$@"; do
    # redis-cli --cluster create wants addresses, not names.
    ip=$(getent hosts "$node" | awk '{ print $1; exit }')
    [ -n "$ip" ] || { echo "cannot resolve $node" >&2; exit 1; }
    addresses="$addresses $ip:6379"
  done
  # shellcheck disable=SC2086  # one word per address
  redis-cli --cluster create $addresses --cluster-replicas 1 --cluster-yes
fi

deadline=$(($(date +%s) + 120))
for node in "$@"; do
  until redis-cli -h "$node" cluster info | tr -d '\r' | grep -qx 'cluster_state:ok'; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$node: cluster_state is not ok after 120 s" >&2; exit 1; }
    sleep 1
  done
done
echo "cluster_state:ok on every node"
