# Beyond one Redis and one broker: the local Redis Cluster (six redis-server processes) and three Kafka
# brokers of scripts/infra, and the compose stack with both (docker-compose.ha.yml).
#
#   REDIS_MODE=cluster KAFKA_MODE=cluster make run    the whole system on them instead of the single servers
#   make cluster-up                                    them alone, beside the standalone servers (their own ports:
#                                                      REDIS_CLUSTER_PORTS, KAFKA_CLUSTER_PORTS, KAFKA_CLUSTER_CONTROLLER_PORTS)
# `make stop` stops them in any mode. One node: scripts/infra/kill.sh redis-cluster:PORT | kafka-cluster:ID,
# start.sh the same name; scripts/infra/cluster.sh shows slots, primaries, leaders and waits for a failover.
COMPOSE_HA = $(COMPOSE) -p flash-sale-coupons-ha -f docker-compose.ha.yml

.PHONY: cluster-up cluster-down cluster-status up-ha down-ha

# The gateway's cluster tests and the cluster failure drills (system-tests, package chaos) run on them:
# `make test` and `make chaos` start them too, after the standalone servers.
test chaos: cluster-up

cluster-up: ## [run] start the local Redis Cluster (3 primaries, 3 replicas) and 3 Kafka brokers beside the standalone servers
	scripts/infra/start.sh redis-cluster kafka-cluster

cluster-down: ## [run] stop the local Redis Cluster and the 3 Kafka brokers
	scripts/infra/stop.sh redis-cluster kafka-cluster

cluster-status: ## [run] show every Redis Cluster node (role, slots) and every Kafka broker of the local cluster
	scripts/infra/status.sh redis-cluster kafka-cluster

up-ha: dev-keys ## [compose] compose with a Redis Cluster, 3 Kafka brokers, 2 gateways behind nginx and the workers (docker-compose.ha.yml)
	@docker info >/dev/null 2>&1 || { echo "No Docker engine answers here: 'REDIS_MODE=cluster KAFKA_MODE=cluster make run' starts the servers as local processes." >&2; exit 1; }
	$(if $(WORKERS),WORKER_REPLICAS=$(WORKERS) )$(if $(PROFILE),COUPON_PROFILE=$(PROFILE) )$(COMPOSE_HA) up -d --build$(if $(filter docker compose,$(COMPOSE)), --wait)
	@echo
	@echo "Flash-sale coupon system (ha) is up in Docker Compose: the gateways behind nginx on http://127.0.0.1:8080"

down-ha: ## [compose] stop and remove the ha compose containers (data volumes are kept)
	$(COMPOSE_HA) --profile load down
